import { BadRequestException, type PipeTransform } from '@nestjs/common';
import { OPERATIONS, parseInput, problemText, type OperationId } from '@trinhky/contracts';
import type { z } from 'zod';

type Part = 'body' | 'query' | 'textBody';

/**
 * Validates one part of a request against the operation's contract schema (libs/contracts) and hands
 * the handler the parsed, normalised value. A refusal is a 400 `{statusCode, message, field}` in
 * Vietnamese, before anything is read or written.
 */
export class ContractPipe implements PipeTransform<unknown, unknown> {
  private readonly schema: z.ZodType;

  constructor(
    readonly operation: OperationId,
    readonly part: Part,
  ) {
    const schema = (OPERATIONS[operation] as Partial<Record<Part, z.ZodType>>)[part];
    if (!schema) throw new Error(`operation ${operation} has no ${part} schema`);
    this.schema = schema;
  }

  transform(value: unknown): unknown {
    const r = parseInput(this.schema, this.part === 'body' && value === undefined ? {} : value);
    if (r.ok) return r.value;
    throw new BadRequestException({ statusCode: 400, message: problemText(r.problem), field: r.problem.field || undefined });
  }
}

/** `@Body(contract('createReport'))`, `@Query(contract('listReports', 'query'))`. */
export const contract = (operation: OperationId, part: Part = 'body'): ContractPipe => new ContractPipe(operation, part);

/** The parsed type of an operation's body or query, for the handler's parameter. */
export type Input<K extends OperationId, P extends 'body' | 'query' = 'body'> =
  (typeof OPERATIONS)[K] extends Record<P, infer S> ? (S extends z.ZodType ? z.output<S> : never) : never;
