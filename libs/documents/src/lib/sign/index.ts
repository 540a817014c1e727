export type { Signer, RawSign } from './signer';
export { buildCms } from './cms';
export { issueCertificate, certificatePem, type IssuedCertificate, type SubjectName, type IssueOptions } from './certificates';
export { toPkcs12, readPkcs12, localSigner, pkcs12Signer } from './p12-signer';
export { signPdfPades, type PadesOptions, type AddedAnnotation } from './pades';
export { leaderAppearance, sealAppearance, textLineAppearance, vietnamTime, type AppearanceBuilder } from './appearance';
export { warmAppearanceFonts } from './appearance-font';
export { verifyPdf, findSignatures, type PdfVerification, type SignatureReport, type SignatureStatus } from './verify';
export { decodePng, decodePngDataUrl, type PdfImageData } from './png-image';
