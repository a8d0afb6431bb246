import { ChannelError } from './channelError';

export type GraphClientSettings = {
  /** `https://graph.facebook.com/v21.0`, or the sandbox's `http://127.0.0.1:3900/v21.0`. */
  baseUrl: string;
  accessToken: string;
  timeoutMs?: number;
};

export type GraphClient = {
  post<T>(path: string, body: Record<string, unknown>): Promise<T>;
  get<T>(path: string, query?: Record<string, string>): Promise<T>;
};

type GraphErrorBody = {
  error?: {
    message?: string;
    code?: number;
    error_subcode?: number;
    is_transient?: boolean;
    error_data?: { details?: string };
  };
};

/** Meta's throttling codes: app, user, page and WhatsApp business-use-case limits. */
const RATE_LIMIT_CODES = new Set([4, 17, 32, 613, 80002, 80006, 80007, 130429, 131048, 131056]);
/** Codes Meta documents as temporary: an unknown or service error, WhatsApp's "service unavailable". */
const TRANSIENT_CODES = new Set([1, 2, 131000, 131016, 133004]);
const AUTH_CODES = new Set([102, 190]);

const secondsHeader = (value: string | null): number | undefined => {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
};

/** `X-Business-Use-Case-Usage` (and `X-App-Usage`) carry `estimated_time_to_regain_access` in minutes. */
const usageHeaderMs = (headers: Headers): number | undefined => {
  const raw = headers.get('x-business-use-case-usage');
  if (!raw) return undefined;
  try {
    const usage = JSON.parse(raw) as Record<string, { estimated_time_to_regain_access?: number }[]>;
    const minutes = Object.values(usage)
      .flat()
      .map((u) => u.estimated_time_to_regain_access ?? 0);
    const longest = Math.max(0, ...minutes);
    return longest > 0 ? longest * 60_000 : undefined;
  } catch {
    return undefined;
  }
};

/** Classifies one Graph API error answer. */
export const graphError = (status: number, body: GraphErrorBody, headers: Headers): ChannelError => {
  const code = body.error?.code;
  const detail = body.error?.error_data?.details;
  const message = `Graph API ${status}${code !== undefined ? ` (#${code})` : ''}: ${body.error?.message ?? 'error'}${detail ? ` (${detail})` : ''}`;
  const details = { status, ...(code !== undefined ? { providerCode: code } : {}) };
  if (status === 429 || (code !== undefined && RATE_LIMIT_CODES.has(code))) {
    const retryAfterMs = secondsHeader(headers.get('retry-after')) ?? usageHeaderMs(headers);
    return new ChannelError('transient', message, {
      ...details,
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    });
  }
  if (status === 401 || (code !== undefined && AUTH_CODES.has(code)))
    return new ChannelError('auth', message, details);
  if (status >= 500 || body.error?.is_transient === true || (code !== undefined && TRANSIENT_CODES.has(code)))
    return new ChannelError('transient', message, details);
  return new ChannelError('rejected', message, details);
};

/** A small client of Meta's Graph API: bearer token, JSON in and out, errors classified. */
export const createGraphClient = (settings: GraphClientSettings): GraphClient => {
  const base = settings.baseUrl.replace(/\/+$/, '');
  const call = async <T>(
    method: 'GET' | 'POST',
    path: string,
    body?: Record<string, unknown>,
    query?: Record<string, string>,
  ): Promise<T> => {
    const url = new URL(`${base}/${path.replace(/^\/+/, '')}`);
    for (const [k, v] of Object.entries(query ?? {})) url.searchParams.set(k, v);
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: {
          authorization: `Bearer ${settings.accessToken}`,
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        ...(body ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(settings.timeoutMs ?? 15_000),
      });
    } catch (error) {
      // Refused, reset or timed out: the request may not have arrived; the caller's idempotency covers a retry.
      throw new ChannelError('transient', `Graph API unreachable: ${(error as Error).message}`);
    }
    const text = await response.text();
    let parsed: unknown = null;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      parsed = null;
    }
    if (!response.ok) throw graphError(response.status, (parsed ?? {}) as GraphErrorBody, response.headers);
    return parsed as T;
  };
  return {
    post: (path, body) => call('POST', path, body),
    get: (path, query) => call('GET', path, undefined, query),
  };
};
