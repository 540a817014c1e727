import { HttpException, HttpStatus } from '@nestjs/common';

/** 422: the request is understood but not possible now; `extra` travels in the body. */
export class UnprocessableError extends HttpException {
  constructor(message: string, extra: Record<string, unknown> = {}) {
    super({ statusCode: HttpStatus.UNPROCESSABLE_ENTITY, message, ...extra }, HttpStatus.UNPROCESSABLE_ENTITY);
  }
}

/** 403 with the reason and what the user may do instead. */
export class ForbiddenWithReason extends HttpException {
  constructor(message: string, extra: Record<string, unknown> = {}) {
    super({ statusCode: HttpStatus.FORBIDDEN, message, ...extra }, HttpStatus.FORBIDDEN);
  }
}

/** 409: someone else changed the thing first. */
export class ConflictWithState extends HttpException {
  constructor(message: string, extra: Record<string, unknown> = {}) {
    super({ statusCode: HttpStatus.CONFLICT, message, ...extra }, HttpStatus.CONFLICT);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (v: unknown): v is string => typeof v === 'string' && UUID.test(v);
