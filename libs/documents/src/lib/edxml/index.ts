export { buildEdxmlEnvelope, parseEdxmlEnvelope, type EdxmlEnvelope, type EdxmlAttachment, type EdxmlOrgan } from './envelope';
export { buildEdxmlStatus, parseEdxmlStatus, splitDocumentId, documentIdOf, EDXML_STATUS, type EdxmlStatus } from './status';
export { EdxmlError } from './xml';
