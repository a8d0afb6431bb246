import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The public survey link: `/s/<token>.<expires>.<signature>`. The token is the request's stored
 * secret (how the page finds the request, and so the tenant, without a login); the signature is
 * an HMAC-SHA256, keyed with the server's secret, over the request id, the expiry and the token.
 * A link whose signature does not verify is refused before anything else is looked at, a link
 * past its expiry shows the expired page, and the request's status makes it single-use.
 */
export type SurveyLinkParts = { token: string; expiresAtSeconds: number; signature: string };

const TOKEN_BYTES = 24;
const PATTERN = /^([A-Za-z0-9_-]{16,64})\.(\d{1,12})\.([A-Za-z0-9_-]{43})$/;

/** A fresh stored token: 24 random bytes, base64url (32 characters). */
export const newSurveyToken = (): string => randomBytes(TOKEN_BYTES).toString('base64url');

const sign = (secret: string, requestId: string, expiresAtSeconds: number, token: string): string =>
  createHmac('sha256', secret)
    .update(`survey-link.v1|${requestId}|${expiresAtSeconds}|${token}`)
    .digest('base64url');

/** The link token for a request (the part after `/s/`). */
export const signSurveyLink = (
  secret: string,
  request: { id: string; token: string; expiresAt: Date },
): string => {
  const expiresAtSeconds = Math.floor(request.expiresAt.getTime() / 1000);
  return `${request.token}.${expiresAtSeconds}.${sign(secret, request.id, expiresAtSeconds, request.token)}`;
};

/** The parts of a link token, or null when it is not shaped like one. */
export const parseSurveyLink = (linkToken: string): SurveyLinkParts | null => {
  const m = PATTERN.exec(linkToken);
  if (!m) return null;
  return { token: m[1]!, expiresAtSeconds: Number(m[2]), signature: m[3]! };
};

/** True when the signature was made with this secret for this request, expiry and token. */
export const surveyLinkSignatureValid = (
  secret: string,
  requestId: string,
  parts: SurveyLinkParts,
): boolean => {
  const expected = Buffer.from(sign(secret, requestId, parts.expiresAtSeconds, parts.token));
  const given = Buffer.from(parts.signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
};

/** The whole public URL of a request's survey page. */
export const surveyLinkUrl = (
  publicBaseUrl: string,
  secret: string,
  request: { id: string; token: string; expiresAt: Date },
): string => `${publicBaseUrl.replace(/\/+$/, '')}/s/${signSurveyLink(secret, request)}`;
