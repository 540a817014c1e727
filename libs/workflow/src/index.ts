export * from './lib/workflow';
