import type { z } from 'zod';
import { AppError, type FieldProblem } from '@c360/domain';

export type RequestPart = 'params' | 'query' | 'body';

const pathOf = (part: RequestPart, path: readonly PropertyKey[]): string =>
  [part, ...path.map((p) => (typeof p === 'symbol' ? (p.description ?? '') : String(p)))].join('.');

/** One problem per bad field, named from the request's root: `body.emails.1`, `query.pageSize`. */
export const fieldProblems = (part: RequestPart, error: z.ZodError): FieldProblem[] =>
  error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        path: pathOf(part, [...issue.path, key]),
        message: 'is not a known field',
      }));
    }
    return [{ path: pathOf(part, issue.path), message: issue.message }];
  });

/**
 * Parses every part of a request against its schema and reports all bad fields at once, so a
 * client fixes its request in one round trip.
 */
export const validateRequest = <P, Q, B>(
  schemas: { params?: z.ZodType<P>; query?: z.ZodType<Q>; body?: z.ZodType<B> },
  input: { params: unknown; query: unknown; body: unknown },
): { params: P; query: Q; body: B } => {
  const fields: FieldProblem[] = [];
  const parse = <T>(part: RequestPart, schema: z.ZodType<T> | undefined, value: unknown): T => {
    if (!schema) return undefined as T;
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    fields.push(...fieldProblems(part, result.error));
    return undefined as T;
  };
  const params = parse('params', schemas.params, input.params);
  const query = parse('query', schemas.query, input.query);
  const body = parse('body', schemas.body, input.body);
  if (fields.length > 0) {
    const names = [...new Set(fields.map((f) => f.path))];
    throw new AppError('validation', `invalid request: ${names.join(', ')}`, { fields });
  }
  return { params, query, body };
};
