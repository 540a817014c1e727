import { edxmlDate, edxmlTimestamp, isoDate, isoTimestamp, type EdxmlOrgan } from './envelope';
import { EDXML_NS, EdxmlError, el, optionalText, parseXml, required, textAt, writeXml } from './xml';

/**
 * Status codes of a document's processing at the recipient (QCVN 102:2016/BTTTT, amended 2022), and
 * what Trình Ký does with each: `acknowledge` (the recipient has it), `refuse` (it refused it: the
 * report reopens), `note` (nothing to record), `unsupported` (refused with the reason, nothing changes).
 */
export const EDXML_STATUS: Record<string, { text: string; effect: 'acknowledge' | 'refuse' | 'note' | 'unsupported' }> = {
  '01': { text: 'Đã đến', effect: 'note' },
  '02': { text: 'Từ chối tiếp nhận', effect: 'refuse' },
  '03': { text: 'Đã tiếp nhận', effect: 'acknowledge' },
  '04': { text: 'Phân công xử lý', effect: 'acknowledge' },
  '05': { text: 'Đang xử lý', effect: 'acknowledge' },
  '06': { text: 'Hoàn thành', effect: 'acknowledge' },
  '13': { text: 'Thu hồi', effect: 'unsupported' },
};

export interface EdxmlStatus {
  /** The document this answers: its sender, number/notation, promulgation date and DocumentId. */
  responseFor: { organId: string; code: string; promulgationDate: string; documentId: string };
  /** The agency sending the status (the recipient of the document). */
  from: EdxmlOrgan;
  statusCode: string;
  description: string;
  /** ISO instant. */
  timestamp: string;
  staff: { department: string; staff: string };
}

export function buildEdxmlStatus(s: EdxmlStatus): string {
  const status = el(
    'edXML:Status',
    [
      el('edXML:ResponseFor', [
        el('edXML:OrganId', s.responseFor.organId),
        el('edXML:Code', s.responseFor.code),
        el('edXML:PromulgationDate', edxmlDate(s.responseFor.promulgationDate)),
        el('edXML:DocumentId', s.responseFor.documentId),
      ]),
      el('edXML:From', [el('edXML:OrganId', s.from.organId), el('edXML:OrganName', s.from.organName)]),
      el('edXML:StatusCode', s.statusCode),
      el('edXML:Description', s.description),
      el('edXML:Timestamp', edxmlTimestamp(s.timestamp)),
      el('edXML:StaffInfo', [el('edXML:Department', s.staff.department), el('edXML:Staff', s.staff.staff)]),
    ],
    { 'xmlns:edXML': EDXML_NS },
  );
  const root = el('SOAP-ENV:Envelope', [el('SOAP-ENV:Header', [status]), el('SOAP-ENV:Body')], {
    'xmlns:SOAP-ENV': 'http://schemas.xmlsoap.org/soap/envelope/',
  });
  return `<?xml version="1.0" encoding="UTF-8"?>${writeXml(root)}`;
}

/** Finds the Status element: under a SOAP Header, an edXML root, or as the root itself. */
function statusElement(root: Element): Element {
  if (root.localName === 'Status') return root;
  const stack: Element[] = [root];
  while (stack.length) {
    const e = stack.shift() as Element;
    for (let n = e.firstChild; n; n = n.nextSibling) {
      if (n.nodeType !== 1) continue;
      const c = n as Element;
      if (c.localName === 'Status') return c;
      stack.push(c);
    }
  }
  throw new EdxmlError('Tệp không phải thông điệp trạng thái edXML (không có phần tử Status).');
}

/** Parses a status message; a missing field or a malformed value is an EdxmlError naming it. */
export function parseEdxmlStatus(xml: string): EdxmlStatus {
  const s = statusElement(parseXml(xml).documentElement as Element);
  const code = textAt(s, 'StatusCode');
  if (!/^\d{2}$/.test(code)) throw new EdxmlError(`Mã trạng thái edXML không hợp lệ: "${code}" (hai chữ số, ví dụ 03).`);
  required(s, 'ResponseFor');
  return {
    responseFor: {
      organId: textAt(s, 'ResponseFor', 'OrganId'),
      code: textAt(s, 'ResponseFor', 'Code'),
      promulgationDate: isoDate(textAt(s, 'ResponseFor', 'PromulgationDate')),
      documentId: textAt(s, 'ResponseFor', 'DocumentId'),
    },
    from: { organId: textAt(s, 'From', 'OrganId'), organName: optionalText(s, 'From', 'OrganName') },
    statusCode: code,
    description: optionalText(s, 'Description'),
    timestamp: isoTimestamp(textAt(s, 'Timestamp')),
    staff: { department: optionalText(s, 'StaffInfo', 'Department'), staff: optionalText(s, 'StaffInfo', 'Staff') },
  };
}

/** "000.00.12.H50,2026/01/05,07/BC-UBND" → its three parts, or null when it is not of that form. */
export function splitDocumentId(id: string): { organId: string; date: string; code: string } | null {
  const m = /^([^,]+),(\d{4}\/\d{2}\/\d{2}),(.+)$/.exec(id.trim());
  return m ? { organId: m[1], date: isoDate(m[2]), code: m[3] } : null;
}

export const documentIdOf = (organId: string, date: string, code: string): string => `${organId},${edxmlDate(date)},${code}`;
