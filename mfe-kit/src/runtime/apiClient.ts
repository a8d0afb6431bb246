import type { ApiAccess } from './mountProps';

/** An API answer other than 2xx, with the API's error code and message. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: { path: string; message: string }[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Query = Record<string, string | number | boolean | undefined | null | string[]>;

export type ApiClient = {
  get: <T>(path: string, query?: Query) => Promise<T>;
  /** `extraHeaders`: request headers a route reads, such as `Idempotency-Key` on a reply. */
  post: <T>(path: string, body?: unknown, extraHeaders?: Record<string, string>) => Promise<T>;
  put: <T>(path: string, body?: unknown) => Promise<T>;
  patch: <T>(path: string, body?: unknown) => Promise<T>;
  delete: <T>(path: string) => Promise<T>;
  /** A file answer (CSV, JSON) as a Blob, with the status and the file name the API suggests. */
  download: (path: string, query?: Query) => Promise<{ status: number; blob: Blob; fileName: string | null }>;
  /** The absolute URL of `path` with its query, for links and EventSource. */
  url: (path: string, query?: Query) => string;
};

const toSearch = (query: Query | undefined): string => {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) value.forEach((v) => params.append(key, v));
    else params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
};

const failure = async (response: Response): Promise<ApiError> => {
  let code = `http_${response.status}`;
  let message = response.statusText || `HTTP ${response.status}`;
  let fields: { path: string; message: string }[] = [];
  try {
    const body = (await response.json()) as {
      error?: { code?: string; message?: string; fields?: { path: string; message: string }[] };
    };
    code = body.error?.code ?? code;
    message = body.error?.message ?? message;
    fields = body.error?.fields ?? [];
  } catch {
    // Not JSON (a proxy's 502 page): keep the status text.
  }
  return new ApiError(response.status, code, message, fields);
};

const fileNameOf = (response: Response): string | null => {
  const disposition = response.headers.get('content-disposition') ?? '';
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(disposition);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
};

/** The one way an MFE talks to the API: JSON over fetch with the user's bearer token. */
export const createApiClient = (
  access: ApiAccess,
  fetchImpl: typeof fetch = (...a) => fetch(...a),
): ApiClient => {
  const url = (path: string, query?: Query) => `${access.baseUrl}${path}${toSearch(query)}`;
  const headers = (json: boolean): Record<string, string> => {
    const token = access.getToken();
    return {
      Accept: 'application/json',
      ...(json ? { 'Content-Type': 'application/json' } : {}),
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
    };
  };
  const send = async <T>(
    method: string,
    path: string,
    body?: unknown,
    query?: Query,
    extraHeaders: Record<string, string> = {},
  ): Promise<T> => {
    const response = await fetchImpl(url(path, query), {
      method,
      headers: { ...headers(body !== undefined), ...extraHeaders },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw await failure(response);
    if (response.status === 204) return undefined as T;
    const type = response.headers.get('content-type') ?? '';
    return (type.includes('json') ? await response.json() : await response.text()) as T;
  };
  return {
    get: (path, query) => send('GET', path, undefined, query),
    post: (path, body, extraHeaders) => send('POST', path, body ?? {}, undefined, extraHeaders),
    put: (path, body) => send('PUT', path, body ?? {}),
    patch: (path, body) => send('PATCH', path, body ?? {}),
    delete: (path) => send('DELETE', path),
    download: async (path, query) => {
      const response = await fetchImpl(url(path, query), { headers: { ...headers(false), Accept: '*/*' } });
      if (!response.ok) throw await failure(response);
      return { status: response.status, blob: await response.blob(), fileName: fileNameOf(response) };
    },
    url,
  };
};
