import { z } from 'zod';
import type { Operation } from './operation';
import { errorBody } from './primitives';

type JsonSchema = Record<string, unknown>;

const schemaOf = (s: z.ZodType, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any', reused: 'inline' }) as JsonSchema;
  return rest;
};

const ERROR_TEXT: Record<number, string> = {
  400: 'Dữ liệu gửi lên không hợp lệ (lý do trong message, trường trong field)',
  401: 'Chưa đăng nhập hoặc phiên đăng nhập không còn hiệu lực',
  403: 'Không có quyền (lý do trong message)',
  404: 'Không tìm thấy',
  409: 'Xung đột (phiên bản đã cũ, hoặc đã tồn tại)',
  422: 'Không thực hiện được ở trạng thái hiện tại',
  429: 'Thử quá nhiều lần; thử lại sau',
  503: 'Cơ sở dữ liệu tạm thời không truy cập được',
};

function parameters(op: Operation): JsonSchema[] {
  const out: JsonSchema[] = [];
  for (const [where, obj] of [
    ['path', op.params],
    ['query', op.query],
  ] as const) {
    if (!obj) continue;
    for (const [name, s] of Object.entries(obj.shape as Record<string, z.ZodType>)) {
      out.push({ name, in: where, required: where === 'path' || !s.safeParse(undefined).success, schema: schemaOf(s, 'input') });
    }
  }
  return out;
}

/** The OpenAPI 3.1 document of a set of operations (served at /api/docs-json). */
export function openApiDocument(
  ops: Record<string, Operation>,
  info: { title: string; version: string; description?: string },
): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  const error = schemaOf(errorBody, 'output');
  for (const [id, op] of Object.entries(ops)) {
    const responses: Record<string, JsonSchema> = {
      [op.status]: op.response
        ? { description: 'OK', content: { 'application/json': { schema: schemaOf(op.response, 'output') } } }
        : {
            description: 'OK',
            ...(op.produces
              ? {
                  content: {
                    [op.produces]: {
                      schema: op.produces === 'application/pdf' ? { type: 'string', format: 'binary' } : { type: 'string' },
                    },
                  },
                }
              : {}),
          },
    };
    for (const code of [400, ...(op.public ? [] : [401]), ...(op.errors ?? [])])
      responses[code] = { description: ERROR_TEXT[code] ?? 'Lỗi', content: { 'application/json': { schema: error } } };
    const content: Record<string, JsonSchema> = {};
    if (op.body) content['application/json'] = { schema: schemaOf(op.body, 'input') };
    if (op.textBody) content[op.textType ?? 'text/plain'] = { schema: schemaOf(op.textBody, 'input') };
    (paths[op.path] ??= {})[op.method] = {
      operationId: id,
      tags: [op.tag],
      summary: op.summary,
      ...(op.public ? { security: [] } : {}),
      parameters: parameters(op),
      ...(op.body || op.textBody ? { requestBody: { required: true, content } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info,
    servers: [{ url: '/api' }],
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
    security: [{ bearer: [] }],
    paths,
  };
}
