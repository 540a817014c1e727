import { createHash } from 'node:crypto';
import { child, children, EDXML_NS, EdxmlError, el, optionalText, parseXml, required, textAt, textOf, writeXml, type XmlNode } from './xml';

/** An organisation as edXML names it: its electronic-document code (mã định danh, QĐ 20/2020/QĐ-TTg) and name. */
export interface EdxmlOrgan {
  organId: string;
  organName: string;
}

export interface EdxmlAttachment {
  name: string;
  contentType: string;
  description: string;
  data: Buffer;
}

/** The fields of an outgoing document's envelope (docs/edxml.md). Dates are ISO (yyyy-mm-dd); times ISO instants. */
export interface EdxmlEnvelope {
  from: EdxmlOrgan;
  to: EdxmlOrgan[];
  /** "{sender's OrganId},{yyyy/mm/dd},{number}/{notation}" — what a status message answers to. */
  documentId: string;
  code: { codeNumber: string; codeNotation: string };
  promulgation: { place: string; date: string };
  /** Document type code (QCVN 102 table: 1 … ; "Báo cáo" here) and its name. */
  documentType: { type: string; typeName: string };
  subject: string;
  signer: { competence: string; position: string; fullName: string };
  dueDate: string | null;
  toPlaces: string[];
  otherInfo: { priority: string; pageAmount: number; appendixes: string[] };
  trace: { organId: string; timestamp: string }[];
  business: { docType: string; reason: string };
  attachments: EdxmlAttachment[];
}

const pad = (n: number) => String(n).padStart(2, '0');
/** ISO date → "yyyy/mm/dd" (the QCVN's date form). */
export const edxmlDate = (iso: string): string => iso.slice(0, 10).replace(/-/g, '/');
/** "yyyy/mm/dd" or "dd/mm/yyyy" → ISO date. */
export function isoDate(text: string): string {
  let m = /^(\d{4})[/-](\d{2})[/-](\d{2})$/.exec(text);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  if (m) return `${m[3]}-${m[2]}-${m[1]}`;
  throw new EdxmlError(`Ngày không đúng định dạng edXML (yyyy/mm/dd): "${text}".`);
}
/** An instant → "yyyy/mm/dd HH:mm:ss" in Vietnam's time (UTC+7). */
export function edxmlTimestamp(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 7 * 3600_000);
  return `${d.getUTCFullYear()}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}
/** "yyyy/mm/dd HH:mm:ss" or "dd/mm/yyyy HH:mm:ss" (Vietnam's time) → ISO instant. */
export function isoTimestamp(text: string): string {
  const m =
    /^(\d{4})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text) ?? /^(\d{2})\/(\d{2})\/(\d{4}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (!m) throw new EdxmlError(`Thời điểm không đúng định dạng edXML (yyyy/mm/dd HH:mm:ss): "${text}".`);
  const [y, mo, d] = m[1].length === 4 ? [m[1], m[2], m[3]] : [m[3], m[2], m[1]];
  return new Date(`${y}-${mo}-${d}T${m[4]}:${m[5]}:${m[6]}+07:00`).toISOString();
}

const organ = (name: string, o: EdxmlOrgan) => el(`edXML:${name}`, [el('edXML:OrganId', o.organId), el('edXML:OrganName', o.organName)]);

/** Content id of an attachment: derived from its bytes, so the same file always has the same id. */
const contentId = (a: EdxmlAttachment) => createHash('sha256').update(a.data).digest('hex').slice(0, 32);

/** The envelope as edXML text (UTF-8, one line). */
export function buildEdxmlEnvelope(e: EdxmlEnvelope): string {
  const header: XmlNode = el('edXML:MessageHeader', [
    organ('From', e.from),
    ...e.to.map((t) => organ('To', t)),
    el('edXML:Code', [el('edXML:CodeNumber', e.code.codeNumber), el('edXML:CodeNotation', e.code.codeNotation)]),
    el('edXML:PromulgationInfo', [el('edXML:Place', e.promulgation.place), el('edXML:PromulgationDate', edxmlDate(e.promulgation.date))]),
    el('edXML:DocumentType', [el('edXML:Type', e.documentType.type), el('edXML:TypeName', e.documentType.typeName)]),
    el('edXML:Subject', e.subject),
    el('edXML:SignerInfo', [
      el('edXML:Competence', e.signer.competence),
      el('edXML:Position', e.signer.position),
      el('edXML:FullName', e.signer.fullName),
    ]),
    e.dueDate ? el('edXML:DueDate', edxmlDate(e.dueDate)) : null,
    el(
      'edXML:ToPlaces',
      e.toPlaces.map((p) => el('edXML:Place', p)),
    ),
    el('edXML:OtherInfo', [
      el('edXML:Priority', e.otherInfo.priority),
      el('edXML:PageAmount', String(e.otherInfo.pageAmount)),
      el(
        'edXML:Appendixes',
        e.otherInfo.appendixes.map((a) => el('edXML:Appendix', a)),
      ),
    ]),
    el('edXML:DocumentId', e.documentId),
  ]);
  const trace = el('edXML:TraceHeaderList', [
    ...e.trace.map((t) => el('edXML:TraceHeader', [el('edXML:OrganId', t.organId), el('edXML:Timestamp', edxmlTimestamp(t.timestamp))])),
    el('edXML:Bussiness', [el('edXML:BussinessDocType', e.business.docType), el('edXML:BussinessDocReason', e.business.reason)]),
  ]);
  const manifest = el(
    'edXML:edXMLManifest',
    e.attachments.map((a) =>
      el(
        'edXML:Reference',
        [el('edXML:AttachmentName', a.name), el('edXML:ContentType', a.contentType), el('edXML:Description', a.description)],
        { 'xlink:href': `cid:${contentId(a)}`, 'xlink:type': 'simple' },
      ),
    ),
    { version: '1.0' },
  );
  const attachments = el(
    'AttachmentEncoded',
    e.attachments.map((a) =>
      el('Attachment', [
        el('ContentType', a.contentType),
        el('ContentId', contentId(a)),
        el('Description', a.description),
        el('ContentTransferEncoded', a.data.toString('base64')),
        el('AttachmentName', a.name),
      ]),
    ),
  );
  const root = el(
    'edXML',
    [
      el('edXML:edXMLEnvelope', [el('edXML:edXMLHeader', [header, trace]), el('edXML:edXMLBody', [manifest])], { 'xmlns:edXML': EDXML_NS }),
      attachments,
    ],
    { xmlns: EDXML_NS, 'xmlns:xlink': 'http://www.w3.org/1999/xlink' },
  );
  return `<?xml version="1.0" encoding="UTF-8"?>${writeXml(root)}`;
}

const organOf = (e: Element): EdxmlOrgan => ({ organId: textAt(e, 'OrganId'), organName: optionalText(e, 'OrganName') });

/** Parses an envelope written by buildEdxmlEnvelope (or another system following the same structure). */
export function parseEdxmlEnvelope(xml: string): EdxmlEnvelope {
  const root = parseXml(xml).documentElement as Element;
  const envelope = root.localName === 'edXMLEnvelope' ? root : required(root, 'edXMLEnvelope');
  const h = required(envelope, 'edXMLHeader', 'MessageHeader');
  const trace = required(envelope, 'edXMLHeader', 'TraceHeaderList');
  const encoded = new Map<string, string>();
  for (const a of children(child(root, 'AttachmentEncoded') ?? root, 'Attachment'))
    encoded.set(textAt(a, 'ContentId'), textAt(a, 'ContentTransferEncoded'));
  const refs = children(required(envelope, 'edXMLBody', 'edXMLManifest'), 'Reference');
  const dueText = optionalText(h, 'DueDate');
  const pages = Number(textAt(h, 'OtherInfo', 'PageAmount'));
  if (!Number.isInteger(pages) || pages < 0) throw new EdxmlError('PageAmount phải là số trang (số nguyên không âm).');
  return {
    from: organOf(required(h, 'From')),
    to: children(h, 'To').map(organOf),
    documentId: textAt(h, 'DocumentId'),
    code: { codeNumber: textAt(h, 'Code', 'CodeNumber'), codeNotation: textAt(h, 'Code', 'CodeNotation') },
    promulgation: { place: textAt(h, 'PromulgationInfo', 'Place'), date: isoDate(textAt(h, 'PromulgationInfo', 'PromulgationDate')) },
    documentType: { type: textAt(h, 'DocumentType', 'Type'), typeName: optionalText(h, 'DocumentType', 'TypeName') },
    subject: textAt(h, 'Subject'),
    signer: {
      competence: optionalText(h, 'SignerInfo', 'Competence'),
      position: optionalText(h, 'SignerInfo', 'Position'),
      fullName: textAt(h, 'SignerInfo', 'FullName'),
    },
    dueDate: dueText ? isoDate(dueText) : null,
    toPlaces: children(child(h, 'ToPlaces') ?? h, 'Place').map(textOf),
    otherInfo: {
      priority: optionalText(h, 'OtherInfo', 'Priority'),
      pageAmount: pages,
      appendixes: children(child(required(h, 'OtherInfo'), 'Appendixes') ?? h, 'Appendix').map(textOf),
    },
    trace: children(trace, 'TraceHeader').map((t) => ({ organId: textAt(t, 'OrganId'), timestamp: isoTimestamp(textAt(t, 'Timestamp')) })),
    business: {
      docType: optionalText(trace, 'Bussiness', 'BussinessDocType'),
      reason: optionalText(trace, 'Bussiness', 'BussinessDocReason'),
    },
    attachments: refs.map((r) => {
      const id = (r.getAttribute('xlink:href') ?? '').replace(/^cid:/, '');
      const data = encoded.get(id);
      if (data === undefined) throw new EdxmlError(`Tệp đính kèm ${id} được khai báo nhưng không có nội dung.`);
      return {
        name: textAt(r, 'AttachmentName'),
        contentType: optionalText(r, 'ContentType'),
        description: optionalText(r, 'Description'),
        data: Buffer.from(data, 'base64'),
      };
    }),
  };
}
