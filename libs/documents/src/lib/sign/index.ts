export type { Signer, RawSign } from './signer';
export { buildCms } from './cms';
export { issueCertificate, certificatePem, type IssuedCertificate, type SubjectName, type IssueOptions } from './certificates';
export { toPkcs12, readPkcs12, localSigner, pkcs12Signer } from './p12-signer';
export { signPdfPades, type PadesOptions } from './pades';
export { verifyPdf, findSignatures, type PdfVerification, type SignatureReport, type SignatureStatus } from './verify';
