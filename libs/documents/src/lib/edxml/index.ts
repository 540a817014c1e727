export { buildEdxmlEnvelope, parseEdxmlEnvelope, type EdxmlEnvelope, type EdxmlAttachment, type EdxmlOrgan } from './envelope';
export { buildEdxmlStatus, parseEdxmlStatus, splitDocumentId, documentIdOf, EDXML_STATUS, type EdxmlStatus } from './status';
export {
  signEdxml,
  readEdxmlSignature,
  verifyEdxmlSignature,
  EDXML_SIGNATURE_NS,
  type EdxmlSignatureCheck,
  type EdxmlSignatureStatus,
} from './signature';
export { EdxmlError } from './xml';
