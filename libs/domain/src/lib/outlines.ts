/**
 * The outline a template part is expected to cover: its sub-headings, as the CCHC reports in the
 * seeds write them (seeds 000, 001; the Bộ Nội vụ's reporting outline). Data, so the section editor
 * shows a drafter what to write instead of a blank page.
 */
export const PART_OUTLINES: Record<string, Record<string, string[]>> = {
  CCHC_QUY: {
    opening: ['Căn cứ kế hoạch cải cách hành chính năm của đơn vị', 'Căn cứ văn bản hướng dẫn, yêu cầu báo cáo của cấp trên'],
    I: [
      'Ban hành và thực hiện kế hoạch cải cách hành chính (số nhiệm vụ, tỷ lệ hoàn thành)',
      'Kiểm tra công tác cải cách hành chính (số đơn vị được kiểm tra, vấn đề phát hiện và xử lý)',
      'Tuyên truyền cải cách hành chính',
      'Khảo sát sự hài lòng của người dân, tổ chức; đối thoại với người dân, doanh nghiệp',
      'Thực hiện nhiệm vụ cấp trên giao (đúng hạn, quá hạn)',
      'Sáng kiến, giải pháp mới trong cải cách hành chính',
    ],
    'II.1': [
      'Xây dựng, ban hành văn bản quy phạm pháp luật',
      'Rà soát, hệ thống hóa văn bản quy phạm pháp luật và xử lý sau rà soát',
      'Tuyên truyền, phổ biến, giáo dục pháp luật',
      'Theo dõi thi hành pháp luật',
    ],
    'II.2': [
      'Kiểm soát, rà soát, đơn giản hóa thủ tục hành chính',
      'Công khai thủ tục hành chính',
      'Thực hiện cơ chế một cửa, một cửa liên thông (hồ sơ tiếp nhận, đã giải quyết, đang giải quyết)',
      'Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính',
      'Tiếp nhận, xử lý phản ánh, kiến nghị về thủ tục hành chính',
    ],
    'II.3': [
      'Rà soát, sắp xếp tổ chức bộ máy',
      'Quản lý, sử dụng biên chế; tinh giản biên chế',
      'Đơn vị sự nghiệp công lập và số người làm việc',
    ],
    'II.4': [
      'Vị trí việc làm của cơ quan, đơn vị',
      'Tuyển dụng, sử dụng, đánh giá cán bộ, công chức, viên chức',
      'Đào tạo, bồi dưỡng',
      'Kỷ luật, kỷ cương hành chính',
    ],
    'II.5': [
      'Quản lý, sử dụng ngân sách; thu ngân sách so với dự toán',
      'Giải ngân vốn đầu tư công',
      'Cơ chế tự chủ của đơn vị sự nghiệp công lập',
      'Thực hành tiết kiệm, chống lãng phí',
    ],
    'II.6': [
      'Xử lý văn bản điện tử, sử dụng chữ ký số',
      'Dịch vụ công trực tuyến (hồ sơ toàn trình, một phần)',
      'Thanh toán trực tuyến nghĩa vụ tài chính',
      'Hạ tầng, ứng dụng công nghệ thông tin, chuyển đổi số',
    ],
    III: ['Ưu điểm', 'Tồn tại, hạn chế', 'Nguyên nhân của tồn tại, hạn chế'],
    IV: ['Nhiệm vụ trọng tâm kỳ tới theo từng lĩnh vực cải cách hành chính'],
    V: ['Kiến nghị, đề xuất với cấp trên'],
  },
  // The multi-year review, as seed 003 writes each area: results year by year, shortcomings, the annex.
  CCHC_SO_KET: {
    opening: [
      'Căn cứ Nghị quyết số 76/NQ-CP và chương trình, kế hoạch CCHC của cấp trên',
      'Căn cứ văn bản yêu cầu sơ kết, tổng kết của cấp trên',
    ],
    I: [
      'Phổ biến, quán triệt Chương trình tổng thể cải cách hành chính',
      'Xây dựng, ban hành kế hoạch CCHC giai đoạn và hằng năm (số văn bản từng năm)',
      'Kiểm tra việc thực hiện cải cách hành chính',
      'Thông tin, tuyên truyền cải cách hành chính',
      'Đánh giá chung về công tác triển khai',
      'Thống kê các chỉ tiêu chỉ đạo, điều hành từng năm (Phụ lục)',
    ],
    ...Object.fromEntries(
      ['II.1', 'II.2', 'II.3', 'II.4', 'II.5', 'II.6'].map((code) => [
        code,
        [
          'Kết quả chủ yếu đã đạt được, từng năm của giai đoạn',
          'Những tồn tại, hạn chế và nguyên nhân',
          'Thống kê các chỉ tiêu của lĩnh vực từng năm (Phụ lục)',
        ],
      ]),
    ),
    III: [
      'Những kết quả tích cực đã đạt được trong giai đoạn',
      'Những tồn tại, hạn chế, nguyên nhân',
      'Đánh giá mức độ thực hiện các mục tiêu cải cách hành chính (Phụ lục)',
    ],
    IV: [
      'Về cải cách thể chế',
      'Về cải cách thủ tục hành chính',
      'Về tổ chức bộ máy hành chính nhà nước',
      'Về cải cách chế độ công vụ',
      'Về cải cách tài chính công',
      'Về xây dựng và phát triển chính quyền điện tử, chính quyền số',
    ],
    V: ['Kiến nghị, đề xuất với cấp trên (nguồn lực, chính sách, hướng dẫn)'],
  },
};

/** The sub-headings a part of a template is expected to cover (empty when none are known). */
export function partOutline(templateCode: string, partCode: string): string[] {
  return PART_OUTLINES[templateCode]?.[partCode] ?? [];
}
