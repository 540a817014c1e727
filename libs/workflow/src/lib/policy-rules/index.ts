/** The rulebook's answers outside the machines: who may edit, open, hold and sign; dates, numbers, fields. */
export * from './states';
export * from './editing';
export * from './opening';
export * from './holder';
export * from './signer';
export * from './register-number';
export * from './delegation';
export * from './part-fields';
export * from './receipt';
export * from './progress';
export * from './compile';
export * from './leadership';
export * from './units';
