import { z } from 'zod';
import { CORE_OPERATIONS } from './operations/core';
import { DOCUMENTS_OPERATIONS } from './operations/documents';
import { WORK_OPERATIONS } from './operations/work';
import { ADMIN_OPERATIONS } from './operations/admin';
import { PROVINCE_OPERATIONS } from './operations/province';
import { EXCHANGE_IN_OPERATIONS } from './operations/exchange-in';
import { FIGURES_OPERATIONS } from './operations/figures';
import { EXCHANGE_OPERATIONS } from './operations/exchange';
import { AGGREGATE_OPERATIONS } from './operations/aggregate';
import { ORGANISATION_OPERATIONS } from './operations/organisation';

/** Every operation of the API (paths under /api), one file per area under ./operations. */
export const OPERATIONS = {
  ...CORE_OPERATIONS,
  ...DOCUMENTS_OPERATIONS,
  ...WORK_OPERATIONS,
  ...ADMIN_OPERATIONS,
  ...PROVINCE_OPERATIONS,
  ...EXCHANGE_IN_OPERATIONS,
  ...FIGURES_OPERATIONS,
  ...EXCHANGE_OPERATIONS,
  ...AGGREGATE_OPERATIONS,
  ...ORGANISATION_OPERATIONS,
};

export type OperationId = keyof typeof OPERATIONS;
type Op<K extends OperationId> = (typeof OPERATIONS)[K];
type Inferred<T> = T extends z.ZodType ? z.output<T> : never;
/** What the operation answers (its success body). */
export type ResponseOf<K extends OperationId> = Op<K>['response'] extends z.ZodType ? z.output<Op<K>['response']> : void;
/** The JSON body a client sends (before defaults are applied). */
export type BodyOf<K extends OperationId> = Op<K> extends { body: infer B } ? (B extends z.ZodType ? z.input<B> : never) : never;
export type QueryOf<K extends OperationId> = Op<K> extends { query: infer Q } ? (Q extends z.ZodType ? z.input<Q> : never) : never;
export type ParsedBodyOf<K extends OperationId> = Op<K> extends { body: infer B } ? Inferred<B> : never;
