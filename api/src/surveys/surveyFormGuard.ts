import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';

/**
 * Anti-forgery for the public survey form, which has no login: a double-submit token bound to
 * the link. The page sets a random cookie (HttpOnly, SameSite=Strict, only for /s/) and puts an
 * HMAC of it and the link in the form; a post must bring both, so another site can neither
 * send the cookie (SameSite) nor know the token.
 */
export const SURVEY_FORM_COOKIE = 'c360_survey_form';

const tokenFor = (secret: string, linkToken: string, nonce: string): string =>
  createHmac('sha256', secret).update(`survey-form.v1|${linkToken}|${nonce}`).digest('base64url');

export const newSurveyFormGuard = (
  secret: string,
  linkToken: string,
  secure: boolean,
): { cookie: string; csrfToken: string } => {
  const nonce = randomBytes(18).toString('base64url');
  return {
    cookie: `${SURVEY_FORM_COOKIE}=${nonce}; Path=/s/; HttpOnly; SameSite=Strict; Max-Age=86400${secure ? '; Secure' : ''}`,
    csrfToken: tokenFor(secret, linkToken, nonce),
  };
};

const cookieValue = (req: Request, name: string): string | null => {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return null;
};

export const surveyFormGuardValid = (
  secret: string,
  linkToken: string,
  req: Request,
  csrf: unknown,
): boolean => {
  const nonce = cookieValue(req, SURVEY_FORM_COOKIE);
  if (!nonce || typeof csrf !== 'string') return false;
  const expected = Buffer.from(tokenFor(secret, linkToken, nonce));
  const given = Buffer.from(csrf);
  return expected.length === given.length && timingSafeEqual(expected, given);
};
