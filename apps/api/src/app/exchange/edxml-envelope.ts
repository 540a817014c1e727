import type { ReportDocument } from '@trinhky/domain';
import { documentIdOf, type EdxmlEnvelope, type EdxmlOrgan } from '@trinhky/documents';

/** What an envelope is made from: the issued report, its organisations, its document and its signed PDF. */
export interface EnvelopeSource {
  report: { numberText: string; issuedAt: string; deadline: string; signature: { lines: string[]; name: string } };
  from: EdxmlOrgan;
  to: EdxmlOrgan;
  document: ReportDocument;
  pdf: Buffer;
  pdfName: string;
  now: Date;
}

const AUTHORITY = /^(?:TM|KT|TL|TUQ|Q)\.\s/u;

/** "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH" → competence "KT. CHỦ TỊCH", position "PHÓ CHỦ TỊCH". */
export function signerInfo(lines: string[], name: string): EdxmlEnvelope['signer'] {
  const authority = lines.filter((l) => AUTHORITY.test(l));
  const position = lines.length && !AUTHORITY.test(lines[lines.length - 1]) ? lines[lines.length - 1] : '';
  return { competence: authority[authority.length - 1] ?? '', position, fullName: name };
}

/** Pages of a PDF written by pdfmake/pdfkit or by the signer's incremental updates (page objects are never in object streams there). */
export function pageCount(pdf: Buffer): number {
  const ids = new Set<string>();
  const text = pdf.toString('latin1');
  for (const m of text.matchAll(/(\d+) 0 obj\s*<<(?:(?!endobj)[\s\S])*?\/Type\s*\/Page(?![a-zA-Z])/g)) ids.add(m[1]);
  return ids.size;
}

/** Nơi nhận without "Lưu: …" and list marks: where the document goes. */
export function toPlaces(distribution: string[]): string[] {
  return distribution
    .map((l) =>
      l
        .replace(/^[-–+]\s*/u, '')
        .replace(/[;.,]+$/u, '')
        .trim(),
    )
    .filter((l) => l && !/^Lưu\b/u.test(l));
}

export function envelopeOf(s: EnvelopeSource): EdxmlEnvelope {
  const slash = s.report.numberText.indexOf('/');
  const codeNumber = slash > 0 ? s.report.numberText.slice(0, slash) : s.report.numberText;
  const codeNotation = slash > 0 ? s.report.numberText.slice(slash + 1) : '';
  return {
    from: s.from,
    to: [s.to],
    documentId: documentIdOf(s.from.organId, s.report.issuedAt, s.report.numberText),
    code: { codeNumber, codeNotation },
    promulgation: { place: s.document.place, date: s.report.issuedAt },
    documentType: { type: 'BC', typeName: 'Báo cáo' },
    subject: s.document.subject.join(' ').replace(/\s+/g, ' ').trim(),
    signer: signerInfo(s.report.signature.lines, s.report.signature.name),
    dueDate: s.report.deadline,
    toPlaces: toPlaces(s.document.distribution),
    otherInfo: {
      priority: '0',
      pageAmount: pageCount(s.pdf),
      appendixes: s.document.annexes.map((a) => a.title),
    },
    trace: [{ organId: s.from.organId, timestamp: s.now.toISOString().replace(/\.\d{3}Z$/, '.000Z') }],
    business: { docType: '0', reason: 'Văn bản điện tử mới' },
    attachments: [{ name: s.pdfName, contentType: 'application/pdf', description: 'Bản PDF đã ký số (PAdES)', data: s.pdf }],
  };
}
