import type { ReportDocument } from '@trinhky/domain';

/** A small complete report (for tests, demos and the API's smoke checks). */
export function sampleReportDocument(overrides: Partial<ReportDocument> = {}): ReportDocument {
  return {
    issuer: { parent: 'ỦY BAN NHÂN DÂN', name: 'XÃ AN BÌNH' },
    numberSuffix: 'BC-UBND',
    number: 7,
    place: 'An Bình',
    date: '2026-01-05',
    kind: 'BÁO CÁO',
    subject: ['Tình hình thực hiện công tác cải cách hành chính Quý IV năm 2025,', 'phương hướng nhiệm vụ Quý I năm 2026'],
    recipients: ['Sở Nội vụ'],
    opening: [
      {
        type: 'paragraph',
        runs: [
          {
            text: 'Thực hiện Văn bản số 1620/SNV-CCHC ngày 03/9/2025 của Sở Nội vụ về việc thực hiện báo cáo cải cách hành chính; UBND xã An Bình báo cáo như sau:',
          },
        ],
      },
    ],
    body: [
      {
        type: 'heading',
        level: 'section',
        label: 'I.',
        runs: [{ text: 'Công tác chỉ đạo, điều hành cải cách hành chính' }],
        children: [
          {
            type: 'heading',
            level: 'item',
            label: '1.',
            runs: [{ text: 'Về tổ chức chỉ đạo, điều hành' }],
            children: [
              {
                type: 'bullet',
                marker: '-',
                runs: [
                  {
                    text: 'UBND xã đã ban hành Kế hoạch số 09/KH-UBND ngày 31/7/2025 về công tác CCHC',
                    footnote: 'Kế hoạch số 09/KH-UBND ngày 31/7/2025 của UBND xã An Bình.',
                  },
                  { text: '; tỷ lệ hồ sơ đúng hạn đạt ' },
                  { text: '99,81%', bold: true },
                  { text: '.' },
                ],
              },
              { type: 'bullet', marker: '+', runs: [{ text: 'Tổng số hồ sơ tiếp nhận: 2.182 hồ sơ.', italic: true }] },
            ],
          },
          {
            type: 'heading',
            level: 'point',
            label: 'a)',
            runs: [{ text: 'Kết quả rà soát thủ tục hành chính' }],
            children: [{ type: 'paragraph', runs: [{ text: 'Tổng số TTHC: 383. Trong đó 380 TTHC cấp xã và 03 TTHC liên thông.' }] }],
          },
        ],
      },
    ],
    closing: 'Trên đây là báo cáo tình hình thực hiện công tác cải cách hành chính Quý IV năm 2025; UBND xã An Bình trân trọng báo cáo./.',
    distribution: ['- Như trên;', '- Thường trực Đảng ủy;', '- Lưu: VT, VHXH.'],
    signature: { lines: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: 'Nguyễn Văn An' },
    annexes: [],
    ...overrides,
  };
}
