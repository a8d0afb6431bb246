import type { IncomingMessage, ServerResponse } from 'node:http';
import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { pinoHttp, type HttpLogger } from 'pino-http';
import { assignRequestId } from './requestId';
import { redactText } from './redactText';
import { principalOf } from '../auth/principal';

/**
 * Paths pino masks wherever they appear in a log line. Bodies are never logged, but handlers
 * and libraries may log objects that carry personal data, and headers carry credentials.
 */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  'password',
  'email',
  'emails',
  'phone',
  'phones',
  'token',
  '*.password',
  '*.email',
  '*.emails',
  '*.phone',
  '*.phones',
  '*.token',
  '*.*.password',
  '*.*.email',
  '*.*.phone',
];

/** The process logger: JSON lines, personal data masked. */
export const createLogger = (options: { level: string; destination?: DestinationStream }): Logger => {
  const config: LoggerOptions = {
    level: options.level,
    base: { service: 'c360-api' },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACT_PATHS, censor: '[redacted]' },
    serializers: { err: serializeError },
  };
  return options.destination ? pino(config, options.destination) : pino(config);
};

type LoggableError = {
  name?: unknown;
  type?: unknown;
  message?: unknown;
  stack?: unknown;
  code?: unknown;
  kind?: unknown;
};

/**
 * Errors keep their type, code and stack but lose everything else: drivers attach the failing
 * SQL and its parameters, which can hold personal data. The message itself is masked too.
 * Accepts a raw Error (pino) or one already passed through pino's standard serializer (pino-http).
 */
export const serializeError = (err: unknown): Record<string, unknown> => {
  if (typeof err !== 'object' || err === null) return { message: redactText(String(err)) };
  const e = err as LoggableError;
  const type = typeof e.type === 'string' ? e.type : typeof e.name === 'string' ? e.name : 'Error';
  return {
    type,
    message: redactText(typeof e.message === 'string' ? e.message : String(err)),
    ...(typeof e.code === 'string' || typeof e.code === 'number' ? { code: e.code } : {}),
    ...(typeof e.kind === 'string' ? { kind: e.kind } : {}),
    ...(typeof e.stack === 'string' ? { stack: redactText(e.stack) } : {}),
  };
};

// Query strings carry search terms (names, e-mails, phone numbers): only their keys are logged.
const serializeRequest = (req: IncomingMessage & { raw?: IncomingMessage }) => {
  const url = req.url ?? '';
  const question = url.indexOf('?');
  const path = question === -1 ? url : url.slice(0, question);
  const queryKeys = question === -1 ? [] : [...new URLSearchParams(url.slice(question + 1)).keys()];
  return {
    id: req.id,
    method: req.method,
    path,
    ...(queryKeys.length > 0 ? { queryKeys: [...new Set(queryKeys)] } : {}),
    userAgent: req.headers['user-agent'],
  };
};

const serializeResponse = (res: ServerResponse) => ({ statusCode: res.statusCode });

/** One access-log line per request, with its id, the caller's tenant and user, never a body. */
export const createHttpLogger = (logger: Logger): HttpLogger =>
  pinoHttp({
    logger,
    genReqId: assignRequestId,
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'requestId' },
    serializers: { req: serializeRequest, res: serializeResponse, err: serializeError },
    // Only faults carry an error (set by the error handler); a deliberate 503 (a dependency down) is a warning.
    customLogLevel: (_req, res, err) => (err || res.err ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    customErrorObject: (_req, res, error, val: Record<string, unknown>) => {
      if (res.err || !error.message.startsWith('failed with status code')) return val;
      const { err: _synthetic, ...rest } = val;
      return rest;
    },
    customProps: (_req, res) => {
      const principal = principalOf(res);
      return principal ? { tenantId: principal.tenantId, userId: principal.userId } : {};
    },
    autoLogging: { ignore: (req) => req.url === '/healthz' },
  });
