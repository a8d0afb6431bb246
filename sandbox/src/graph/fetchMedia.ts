import { createHash } from 'node:crypto';

/** What the sandbox got when it fetched a media link, as Meta's servers would: kept for tests to compare bytes. */
export type FetchedMedia = {
  url: string;
  at: string;
  ok: boolean;
  httpStatus: number | null;
  contentType: string | null;
  size: number;
  sha256: string | null;
  error: string | null;
};

const FETCH_TIMEOUT_MS = 10_000;

/** Which response content types a media kind accepts (`document`/`file`: any). */
const kindAccepts = (kind: string, contentType: string): boolean =>
  kind === 'document' || kind === 'file' ? true : contentType.startsWith(`${kind}/`);

/**
 * GETs a media link the way the Cloud API and the Send API do before delivering: the answer must
 * be 200, within the size limit, and of a content type that fits the message type.
 */
export const fetchMedia = async (url: string, kind: string, maxBytes: number): Promise<FetchedMedia> => {
  const base = { url, at: new Date().toISOString() };
  const failed = (error: string, httpStatus: number | null = null, contentType: string | null = null) => ({
    ...base,
    ok: false,
    httpStatus,
    contentType,
    size: 0,
    sha256: null,
    error,
  });
  let response: Response;
  try {
    response = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  } catch (error) {
    return failed(`fetch failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  const contentType = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (response.status !== 200)
    return failed(`the link answered ${response.status}`, response.status, contentType);
  const bytes = Buffer.from(await response.arrayBuffer());
  if (bytes.length > maxBytes)
    return failed(`the file is ${bytes.length} bytes, over ${maxBytes}`, 200, contentType);
  if (!kindAccepts(kind, contentType))
    return failed(`content type ${contentType || '(none)'} does not fit a ${kind} message`, 200, contentType);
  return {
    ...base,
    ok: true,
    httpStatus: 200,
    contentType,
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    error: null,
  };
};
