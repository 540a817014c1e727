import JSZip = require('jszip');
import { importDocx } from './import-docx';

function para(text: string, bold = false): string {
  const esc = text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  return `<w:p><w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${esc}</w:t></w:r></w:p>`;
}

/** A minimal .docx: content types, package relationships and word/document.xml. */
export async function buildDocx(paragraphs: string[]): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${paragraphs.map((p) => para(p, /^[IVX]+\.|^BÁO CÁO$/.test(p))).join('')}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}

describe('importDocx', () => {
  it('reads a Word report through mammoth', async () => {
    const docx = await buildDocx([
      'ỦY BAN NHÂN DÂN',
      'XÃ AN BÌNH',
      'Số: 07/BC-UBND',
      'An Bình, ngày 05 tháng 01 năm 2026',
      'BÁO CÁO',
      'Tình hình thực hiện công tác cải cách hành chính Quý IV năm 2025',
      'Kính gửi: Sở Nội vụ',
      'Thực hiện Văn bản số 1620/SNV-CCHC ngày 03/9/2025 của Sở Nội vụ; UBND xã An Bình báo cáo như sau:',
      'I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH',
      '1. Về tổ chức chỉ đạo, điều hành',
      '- Đã ban hành Kế hoạch số 09/KH-UBND.',
      'II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH',
      '1. Cải cách thể chế',
      'Không ban hành văn bản mới.',
      'Trên đây là báo cáo của UBND xã An Bình./.',
      'Nơi nhận:',
      '- Như trên;',
      '- Lưu: VT, VHXH.',
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
      'Nguyễn Văn An',
    ]);
    const r = await importDocx(docx);
    const d = r.document;
    expect(d.issuer).toEqual({ parent: 'ỦY BAN NHÂN DÂN', name: 'XÃ AN BÌNH' });
    expect(d.number).toBe(7);
    expect(d.date).toBe('2026-01-05');
    expect(d.place).toBe('An Bình');
    expect(d.recipients).toEqual(['Sở Nội vụ']);
    expect(d.subject).toEqual(['Tình hình thực hiện công tác cải cách hành chính Quý IV năm 2025']);
    expect(r.stats.sections).toBe(2);
    expect(r.mapping['I']).toBe('body[0]');
    expect(r.mapping['II.1']).toBe('body[1].children[0]');
    expect(d.signature).toEqual({ lines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'], name: 'Nguyễn Văn An' });
    expect(d.distribution).toEqual(['- Như trên;', '- Lưu: VT, VHXH.']);
    expect(r.unplaced).toEqual([]);
  });
});
