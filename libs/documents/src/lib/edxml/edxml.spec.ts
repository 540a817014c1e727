import { buildEdxmlEnvelope, parseEdxmlEnvelope, type EdxmlEnvelope } from './envelope';
import { buildEdxmlStatus, documentIdOf, parseEdxmlStatus, splitDocumentId, type EdxmlStatus } from './status';
import { EdxmlError, escapeXml } from './xml';

const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from([0, 1, 2, 254, 255]), Buffer.from('\n%%EOF')]);

const envelope: EdxmlEnvelope = {
  from: { organId: '000.00.31.H41', organName: 'Ủy ban nhân dân xã An Bình' },
  to: [{ organId: '000.00.00.H41', organName: 'Sở Nội vụ tỉnh <Thử> & "Kiểm"' }],
  documentId: documentIdOf('000.00.31.H41', '2026-01-05', '07/BC-UBND'),
  code: { codeNumber: '07', codeNotation: 'BC-UBND' },
  promulgation: { place: 'An Bình', date: '2026-01-05' },
  documentType: { type: '2', typeName: 'Báo cáo' },
  subject: 'Tình hình thực hiện công tác cải cách hành chính Quý IV năm 2025',
  signer: { competence: 'KT. CHỦ TỊCH', position: 'PHÓ CHỦ TỊCH', fullName: 'Nguyễn Thế Báu' },
  dueDate: '2026-01-10',
  toPlaces: ['Sở Nội vụ', 'Lưu: VT, VHXH'],
  otherInfo: { priority: '0', pageAmount: 12, appendixes: ['Phụ lục I: Kết quả thực hiện', 'Phụ lục II'] },
  trace: [{ organId: '000.00.31.H41', timestamp: '2026-01-05T02:30:15.000Z' }],
  business: { docType: '0', reason: 'Văn bản điện tử mới' },
  attachments: [{ name: 'bao-cao-07-BC-UBND.pdf', contentType: 'application/pdf', description: 'Bản PDF đã ký số', data: pdf }],
};

describe('edXML envelope', () => {
  it('parses back to every field it was built from', () => {
    const xml = buildEdxmlEnvelope(envelope);
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?><edXML xmlns="http:\/\/www.mic.gov.vn\/TBT\/QCVN_102_2016"/);
    expect(xml).toContain('<edXML:PromulgationDate>2026/01/05</edXML:PromulgationDate>');
    expect(xml).toContain('<edXML:Timestamp>2026/01/05 09:30:15</edXML:Timestamp>');
    expect(xml).toContain('Sở Nội vụ tỉnh &lt;Thử&gt; &amp; &quot;Kiểm&quot;');
    expect(xml).toContain(`<ContentTransferEncoded>${pdf.toString('base64')}</ContentTransferEncoded>`);
    const back = parseEdxmlEnvelope(xml);
    expect(back).toEqual(envelope);
    expect(back.attachments[0].data.equals(pdf)).toBe(true);
  });

  it('refuses a malformed or incomplete envelope with the reason', () => {
    const xml = buildEdxmlEnvelope(envelope);
    expect(() => parseEdxmlEnvelope(xml.slice(0, xml.length / 2))).toThrow(EdxmlError);
    expect(() => parseEdxmlEnvelope(xml.replace(/<edXML:Subject>.*<\/edXML:Subject>/, ''))).toThrow('Thiếu phần tử Subject');
    expect(() => parseEdxmlEnvelope(xml.replace('2026/01/05</edXML:Prom', '05-01-2026</edXML:Prom'))).toThrow('Ngày không đúng định dạng');
    expect(() => escapeXml('a\u0001b')).toThrow('Ký tự không hợp lệ');
  });
});

describe('edXML status message', () => {
  const status: EdxmlStatus = {
    responseFor: { organId: '000.00.31.H41', code: '07/BC-UBND', promulgationDate: '2026-01-05', documentId: envelope.documentId },
    from: { organId: '000.00.00.H41', organName: 'Sở Nội vụ' },
    statusCode: '02',
    description: 'Sai mẫu biểu số 02',
    timestamp: '2026-01-06T01:00:00.000Z',
    staff: { department: 'Văn thư', staff: 'Trần Thị Hoa' },
  };

  it('round-trips and reads the DocumentId', () => {
    expect(parseEdxmlStatus(buildEdxmlStatus(status))).toEqual(status);
    expect(splitDocumentId(envelope.documentId)).toEqual({ organId: '000.00.31.H41', date: '2026-01-05', code: '07/BC-UBND' });
    expect(splitDocumentId('07/BC-UBND')).toBeNull();
  });

  it('accepts the dd/mm/yyyy forms other systems write, and refuses a bad code', () => {
    const other = buildEdxmlStatus(status).replace('2026/01/06 08:00:00', '06/01/2026 08:00:00').replace('>2026/01/05<', '>05/01/2026<');
    expect(parseEdxmlStatus(other)).toEqual(status);
    expect(() => parseEdxmlStatus(buildEdxmlStatus({ ...status, statusCode: 'x3' }))).toThrow('Mã trạng thái edXML không hợp lệ');
    expect(() => parseEdxmlStatus('<a><b></a>')).toThrow(EdxmlError);
    expect(() => parseEdxmlStatus('<root/>')).toThrow('không có phần tử Status');
  });
});
