import { newIds } from '../state/ids';

/** Meta's error object: `{ error: { message, type, code, error_subcode?, error_data?, fbtrace_id } }`. */
export type GraphErrorBody = {
  error: {
    message: string;
    type: string;
    code: number;
    error_subcode?: number;
    error_data?: { messaging_product?: 'whatsapp'; details: string };
    is_transient?: boolean;
    fbtrace_id: string;
  };
};

/** A Graph API failure: the HTTP status, Meta's error body and any headers Meta sends with it. */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly body: GraphErrorBody,
    readonly headers: Record<string, string> = {},
  ) {
    super(body.error.message);
  }
}

type Detail = { details?: string; subcode?: number; whatsapp?: boolean; transient?: boolean };

const graphError = (
  status: number,
  code: number,
  message: string,
  { details, subcode, whatsapp, transient }: Detail = {},
  headers: Record<string, string> = {},
): GraphError =>
  new GraphError(
    status,
    {
      error: {
        message,
        type: 'OAuthException',
        code,
        ...(subcode === undefined ? {} : { error_subcode: subcode }),
        ...(details === undefined
          ? {}
          : { error_data: { ...(whatsapp ? { messaging_product: 'whatsapp' as const } : {}), details } }),
        ...(transient === undefined ? {} : { is_transient: transient }),
        fbtrace_id: newIds.fbtraceId(),
      },
    },
    headers,
  );

const RATE_LIMIT_TITLES: Record<number, string> = {
  4: 'Application request limit reached',
  613: 'Calls to this api have exceeded the rate limit.',
  80007: 'Rate limit issues',
  130429: 'Rate limit hit',
  131056: '(Business Account, Consumer Account) pair rate limit hit',
};
export const rateLimitCodes = Object.keys(RATE_LIMIT_TITLES).map(Number);

/** The errors the sandbox answers with, by meaning; codes and titles are Meta's. */
export const graphErrors = {
  invalidParameter: (details: string, whatsapp = true) =>
    graphError(400, 100, '(#100) Invalid parameter', { details, whatsapp }),
  missingParameter: (details: string) =>
    graphError(400, 131008, '(#131008) Required parameter is missing', { details, whatsapp: true }),
  invalidParameterValue: (details: string) =>
    graphError(400, 131009, '(#131009) Parameter value is not valid', { details, whatsapp: true }),
  templateNotFound: (name: string, language: string) =>
    graphError(404, 132001, '(#132001) Template name does not exist in the translation', {
      details: `template name (${name}) does not exist in ${language}`,
      whatsapp: true,
    }),
  templateNotApproved: (name: string, status: string) =>
    graphError(400, 132001, '(#132001) Template name does not exist in the translation', {
      details: `template (${name}) is ${status.toLowerCase()} and cannot be sent`,
      whatsapp: true,
    }),
  templateParamCount: (details: string) =>
    graphError(400, 132000, '(#132000) Number of parameters does not match the expected number of params', {
      details,
      whatsapp: true,
    }),
  templateParamFormat: (details: string) =>
    graphError(400, 132012, '(#132012) Parameter format does not match format in the created template', {
      details,
      whatsapp: true,
    }),
  unknownObject: (id: string, method: string) =>
    graphError(
      400,
      100,
      `Unsupported ${method.toLowerCase()} request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`,
      { subcode: 33 },
    ),
  alreadyPrivatelyReplied: (commentId: string) =>
    graphError(400, 10, '(#10) This comment already has a private reply', {
      details: `only one private reply can be sent to comment ${commentId}`,
    }),
  missingToken: () => graphError(400, 104, 'An access token is required to request this resource.'),
  invalidToken: () => graphError(401, 190, 'Invalid OAuth access token - Cannot parse access token'),
  tokenExpired: () =>
    graphError(401, 190, 'Error validating access token: Session has expired.', { subcode: 463 }),
  rateLimited: (code: number, retryAfterSeconds: number) =>
    graphError(
      429,
      code,
      `(#${code}) ${RATE_LIMIT_TITLES[code] ?? 'Rate limit hit'}`,
      { details: `retry after ${retryAfterSeconds} seconds`, whatsapp: code >= 80000, transient: true },
      {
        'Retry-After': String(retryAfterSeconds),
        'X-Business-Use-Case-Usage': JSON.stringify({
          [newIds.instagramObjectId()]: [
            {
              type: 'whatsapp',
              call_count: 100,
              total_cputime: 100,
              total_time: 100,
              estimated_time_to_regain_access: Math.ceil(retryAfterSeconds / 60),
            },
          ],
        }),
      },
    ),
  serverError: (whatsapp: boolean) =>
    whatsapp
      ? graphError(500, 131000, '(#131000) Something went wrong', {
          details: 'sandbox: injected server error',
          whatsapp: true,
          transient: true,
        })
      : graphError(500, 2, 'An unexpected error has occurred. Please retry your request later.', {
          transient: true,
        }),
};
