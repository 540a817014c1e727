export * from './lib/document-model';
export * from './lib/validation';
export * from './lib/format';
export * from './lib/periods';
export * from './lib/organisation';
export * from './lib/templates';
export * from './lib/report-document';
export * from './lib/indicators';
