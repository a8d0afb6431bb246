import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export const REQUEST_ID_HEADER = 'x-request-id';

// An incoming id is echoed into logs and headers, so only a short, plain token is trusted;
// anything else (too long, spaces, control characters) is replaced rather than sanitised.
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * The id of a request: the caller's `X-Request-Id` when it is a plain token (so a trace can
 * cross services), otherwise a fresh UUID. Echoed on the response. Used as pino-http's
 * `genReqId`, so `req.id` holds it for everything after the logger.
 */
export const assignRequestId = (req: IncomingMessage, res: ServerResponse): string => {
  const incoming = req.headers[REQUEST_ID_HEADER];
  const candidate = Array.isArray(incoming) ? incoming[0] : incoming;
  const id = candidate && ACCEPTABLE_ID.test(candidate) ? candidate : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
};

/** The request's id as set by `assignRequestId`. */
export const requestIdOf = (req: IncomingMessage): string =>
  typeof req.id === 'string' ? req.id : String(req.id ?? '');
