import type { ErrorRequestHandler, Request } from 'express';
import type { z } from 'zod';

export type FieldProblem = { path: string; message: string };

/** A control API failure: one status, a code, a message, and the bad fields for a 400. */
export class ControlError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: FieldProblem[],
  ) {
    super(message);
  }
}

/** Parses a control request body; a bad one is a 400 naming every bad field and why. */
export const parseBody = <T>(schema: z.ZodType<T>, req: Request): T => {
  const result = schema.safeParse(req.body ?? {});
  if (result.success) return result.data;
  const fields = result.error.issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          path: ['body', ...issue.path, key].join('.'),
          message: 'is not a known field',
        }))
      : [{ path: ['body', ...issue.path.map(String)].join('.'), message: issue.message }],
  );
  throw new ControlError(
    400,
    'validation',
    `invalid request: ${[...new Set(fields.map((f) => f.path))].join(', ')}`,
    fields,
  );
};

export const notFound = (what: string) => new ControlError(404, 'not_found', `${what} not found`);

/** Control API errors as `{ error: { code, message, fields? } }`; Graph API errors never reach here. */
export const controlErrorHandler: ErrorRequestHandler = (err: unknown, _req, res, _next) => {
  if (err instanceof ControlError) {
    res.status(err.status).json({
      error: { code: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) },
    });
    return;
  }
  const status = (err as { status?: unknown }).status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    res.status(status).json({ error: { code: 'bad_request', message: (err as Error).message } });
    return;
  }
  res.status(500).json({ error: { code: 'internal', message: 'sandbox internal error' } });
};
