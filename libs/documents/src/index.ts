export * from './lib/documents';
