import type { ReportTemplate } from './templates';

/**
 * The multi-year review (Sơ kết / Tổng kết giai đoạn) of the CCHC programme (Nghị quyết 76/NQ-CP),
 * shaped as seed 003: the same areas as the quarterly report, each assessed year by year, with the
 * statistics annex one column per year (catalogue CCHC_SO_KET, libs/domain indicators/catalogue-review.ts).
 * `{years:5}` is the five years ending with the report's year ("2021-2025").
 */
export const CCHC_REVIEW: ReportTemplate = {
  code: 'CCHC_SO_KET',
  name: 'Báo cáo sơ kết, tổng kết giai đoạn cải cách hành chính (số liệu từng năm)',
  kind: 'CCHC',
  title: 'Báo cáo sơ kết CCHC giai đoạn {years:5}',
  subject: [
    'Sơ kết 05 năm ({years:5}) thực hiện Nghị quyết số 76/NQ-CP ngày 15/7/2021',
    'của Chính phủ ban hành Chương trình tổng thể cải cách hành chính nhà nước',
    'giai đoạn 2021-2030',
  ],
  compilingUnit: 'VHXH',
  recipients: ['Sở Nội vụ'],
  headings: [{ code: 'II', label: 'II.', title: 'ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN CÁC NỘI DUNG THEO CHƯƠNG TRÌNH TỔNG THỂ' }],
  parts: [
    { code: 'opening', label: '', level: 'opening', title: 'Căn cứ báo cáo', unit: 'VHXH', dueDaysBeforeDeadline: 3 },
    { code: 'I', label: 'I.', level: 'section', title: 'TÌNH HÌNH TRIỂN KHAI', unit: 'VHXH', dueDaysBeforeDeadline: 6 },
    { code: 'II.1', label: '1.', level: 'item', parent: 'II', title: 'Cải cách thể chế', unit: 'VP', dueDaysBeforeDeadline: 7 },
    { code: 'II.2', label: '2.', level: 'item', parent: 'II', title: 'Cải cách thủ tục hành chính', unit: 'HCC', dueDaysBeforeDeadline: 7 },
    {
      code: 'II.3',
      label: '3.',
      level: 'item',
      parent: 'II',
      title: 'Cải cách tổ chức bộ máy hành chính',
      unit: 'VHXH',
      dueDaysBeforeDeadline: 7,
    },
    { code: 'II.4', label: '4.', level: 'item', parent: 'II', title: 'Cải cách chế độ công vụ', unit: 'VHXH', dueDaysBeforeDeadline: 7 },
    { code: 'II.5', label: '5.', level: 'item', parent: 'II', title: 'Cải cách tài chính công', unit: 'KT', dueDaysBeforeDeadline: 7 },
    {
      code: 'II.6',
      label: '6.',
      level: 'item',
      parent: 'II',
      title: 'Xây dựng và phát triển chính quyền điện tử, chính quyền số',
      unit: 'VP',
      dueDaysBeforeDeadline: 7,
    },
    {
      code: 'III',
      label: 'III.',
      level: 'section',
      title: 'ĐÁNH GIÁ CHUNG VỀ CCHC TRONG GIAI ĐOẠN {years:5}',
      unit: 'VHXH',
      dueDaysBeforeDeadline: 4,
    },
    {
      code: 'IV',
      label: 'IV.',
      level: 'section',
      title: 'PHƯƠNG HƯỚNG, NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH GIAI ĐOẠN TIẾP THEO',
      unit: 'VHXH',
      dueDaysBeforeDeadline: 4,
    },
    { code: 'V', label: 'V.', level: 'section', title: 'KIẾN NGHỊ, ĐỀ XUẤT', unit: 'VHXH', dueDaysBeforeDeadline: 4 },
  ],
  distribution: [
    '- Như trên;',
    '- Thường trực Đảng ủy;',
    '- Thường trực HĐND;',
    '- Lãnh đạo UBND;',
    '- Các phòng, ban chuyên môn;',
    '- Lưu: VT, VHXH.',
  ],
  closing:
    'Trên đây là báo cáo sơ kết {years:5} thực hiện Chương trình tổng thể cải cách hành chính nhà nước; {issuer} trân trọng báo cáo./.',
};
