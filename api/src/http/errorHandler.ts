import type { ErrorRequestHandler, RequestHandler } from 'express';
import {
  ConnectionException,
  ForeignKeyConstraintViolationException,
  UniqueConstraintViolationException,
} from '@mikro-orm/core';
import { errors as searchErrors } from '@opensearch-project/opensearch';
import { AppError, type AppErrorKind, type FieldProblem } from '@c360/domain';
import { RateLimitedError } from '../auth/loginThrottle';
import { requestIdOf } from './requestId';

/** The one place where a kind of failure becomes an HTTP status. */
export const STATUS_BY_KIND: Record<AppErrorKind, number> = {
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  unavailable: 503,
  not_implemented: 501,
};

/** Every error answer has this shape. */
export type ErrorBody = {
  error: { code: string; message: string; fields?: FieldProblem[] };
  requestId: string;
};

type HttpFailure = {
  status: number;
  code: string;
  message: string;
  fields?: FieldProblem[];
  headers?: Record<string, string>;
};

type BodyParserError = Error & { type: string; status: number };

const isBodyParserError = (err: unknown): err is BodyParserError =>
  err instanceof Error &&
  typeof (err as BodyParserError).type === 'string' &&
  typeof (err as BodyParserError).status === 'number';

// http-errors raised by Express's own middleware (static files, body reading) for the client's fault.
const isClientHttpError = (err: unknown): err is Error & { status: number } => {
  const status = (err as { status?: unknown; expose?: unknown }).status;
  return (
    err instanceof Error &&
    typeof status === 'number' &&
    status >= 400 &&
    status < 500 &&
    (err as { expose?: unknown }).expose === true
  );
};

/**
 * Translates anything thrown into the answer the client sees. Known failures keep their
 * message; anything else becomes a bare 500 so no internals (SQL, stack, hostnames) leak.
 */
export const toHttpFailure = (err: unknown): HttpFailure => {
  if (err instanceof AppError) {
    const status = STATUS_BY_KIND[err.kind];
    const failure: HttpFailure = { status, code: err.kind, message: err.message };
    if (err.details.fields && err.details.fields.length > 0) failure.fields = err.details.fields;
    if (err.kind === 'unauthenticated') failure.headers = { 'WWW-Authenticate': 'Bearer realm="c360"' };
    return failure;
  }
  if (err instanceof RateLimitedError) {
    return {
      status: 429,
      code: 'rate_limited',
      message: err.message,
      headers: { 'Retry-After': String(err.retryAfterSeconds) },
    };
  }
  if (isBodyParserError(err)) {
    if (err.type === 'entity.parse.failed') {
      return {
        status: 400,
        code: 'validation',
        message: 'the request body is not valid JSON',
        fields: [{ path: 'body', message: 'is not valid JSON' }],
      };
    }
    if (err.type === 'entity.too.large')
      return { status: 413, code: 'payload_too_large', message: 'the request body is too large' };
    if (err.type === 'charset.unsupported' || err.type === 'encoding.unsupported') {
      return {
        status: 415,
        code: 'unsupported_media_type',
        message: 'the request body encoding is not supported',
      };
    }
  }
  if (isClientHttpError(err)) {
    return {
      status: err.status,
      code: err.status === 404 ? 'not_found' : 'bad_request',
      message: 'the request could not be served',
    };
  }
  if (err instanceof UniqueConstraintViolationException) {
    return { status: 409, code: 'conflict', message: 'the change conflicts with an existing record' };
  }
  if (err instanceof ForeignKeyConstraintViolationException) {
    return { status: 409, code: 'conflict', message: 'the change conflicts with related records' };
  }
  if (err instanceof ConnectionException || (err instanceof Error && err.name === 'KnexTimeoutError')) {
    return { status: 503, code: 'unavailable', message: 'the database is unavailable; try again shortly' };
  }
  if (
    err instanceof searchErrors.ConnectionError ||
    err instanceof searchErrors.TimeoutError ||
    err instanceof searchErrors.NoLivingConnectionsError
  ) {
    return { status: 503, code: 'unavailable', message: 'search is unavailable; try again shortly' };
  }
  return { status: 500, code: 'internal', message: 'an unexpected error occurred' };
};

export const errorBody = (
  failure: Pick<HttpFailure, 'code' | 'message' | 'fields'>,
  requestId: string,
): ErrorBody => ({
  error: {
    code: failure.code,
    message: failure.message,
    ...(failure.fields ? { fields: failure.fields } : {}),
  },
  requestId,
});

/** Express's error middleware: the last `app.use`. */
export const errorHandler: ErrorRequestHandler = (err, req, res, next) => {
  if (res.headersSent) {
    next(err);
    return;
  }
  const failure = toHttpFailure(err);
  // The access logger prints `res.err`: attach server faults (with their stack) and nothing else.
  if (failure.status >= 500) res.err = err instanceof Error ? err : new Error(String(err));
  for (const [name, value] of Object.entries(failure.headers ?? {})) res.setHeader(name, value);
  res.status(failure.status).json(errorBody(failure, requestIdOf(req)));
};

/** Anything no route matched. */
export const notFoundHandler: RequestHandler = (req, res) => {
  res
    .status(404)
    .json(
      errorBody({ code: 'not_found', message: `no route for ${req.method} ${req.path}` }, requestIdOf(req)),
    );
};
