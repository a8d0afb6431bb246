import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { surveyAnswerSchema, SURVEY_SCORE_RANGE } from '@c360/domain';
import { recordSurveyAnswer } from '@c360/store';
import { defineRoute, type ApiRoute, type Reply } from '../http/defineRoute';
import { openSurveyLink, type OpenedSurveyLink } from './openSurveyLink';
import { messagePage, surveyFormPage } from './surveyPage';
import { newSurveyFormGuard, surveyFormGuardValid } from './surveyFormGuard';
import { SURVEY_PAGE_TEXTS, type SurveyPageLanguage } from './surveyPageTexts';

export type PublicSurveyDeps = {
  em: EntityManager;
  now: () => Date;
  /** The survey links' HMAC key; without it the pages answer 503. */
  linkSecret: string | undefined;
};

// The link is a secret: no cache keeps the page, no Referer carries the link elsewhere, no frame shows it.
const PAGE_HEADERS = {
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
};

const paramsSchema = z.object({
  token: z.string().min(1).max(200).meta({ description: 'the signed link token from the survey message' }),
});

const html = <S extends number>(status: S, body: string, headers: Record<string, string> = {}): Reply<S> => ({
  status,
  body,
  contentType: 'text/html',
  headers: { ...PAGE_HEADERS, ...headers },
});

const page = (lang: SurveyPageLanguage, title: string, text: string) => messagePage(lang, title, text);

/** The page for a link that cannot take an answer (or null when it can). */
const closedPage = (opened: OpenedSurveyLink) => {
  if (opened.state === 'invalid') {
    const t = SURVEY_PAGE_TEXTS.en;
    return html(404, page('en', t.invalid, t.invalidBody));
  }
  const t = SURVEY_PAGE_TEXTS[opened.lang];
  if (opened.state === 'answered') return html(409, page(opened.lang, t.answered, t.answeredBody));
  if (opened.state === 'expired') return html(410, page(opened.lang, t.expired, t.expiredBody));
  if (opened.state === 'closed') return html(410, page(opened.lang, t.closed, t.closedBody));
  return null;
};

const h = (description: string) => ({ description, mediaType: 'text/html' as const });
const htmlResponses = {
  200: h('The survey form (GET) or the thank-you page (POST)'),
  400: h('The form again, naming the bad answer (POST)'),
  403: h('The form again: its anti-forgery token or cookie was missing or wrong (POST)'),
  404: h('Not a valid survey link (bad signature, unknown or malformed token)'),
  409: h('Already answered'),
  410: h('Expired, or closed (the ticket was reopened)'),
  503: h('Surveys are not configured on this server'),
};

/**
 * The public web survey at a signed, expiring, single-use link (`/s/<token>`): no login, the
 * customer's language (en, fr, ar right to left), a form protected against forgery. The answer
 * is stored durably before anything else (see recordSurveyAnswer), and the survey workflow hears
 * of it through the outbox. Pages: 404 not a valid link, 409 already answered, 410 expired or
 * closed, 400 the form again with the problem named.
 */
export const publicSurveyRoutes = (deps: PublicSurveyDeps): ApiRoute[] => {
  const unavailable = () => html(503, page('en', 'Surveys', SURVEY_PAGE_TEXTS.en.unavailable));
  return [
    defineRoute({
      method: 'get',
      path: '/s/:token',
      operationId: 'showPublicSurvey',
      summary: 'The public survey page of a signed survey link',
      description:
        "HTML in the customer's language. 404 (HTML) for a link whose signature does not verify, 409 when already answered, 410 when expired or closed.",
      tags: ['surveys'],
      access: 'public',
      params: paramsSchema,
      responses: htmlResponses,
      handler: async ({ params, req }) => {
        if (!deps.linkSecret) return unavailable();
        const opened = await openSurveyLink(deps.em, deps.linkSecret, params.token, deps.now());
        const closed = closedPage(opened);
        if (closed || opened.state === 'invalid') return closed!;
        const guard = newSurveyFormGuard(deps.linkSecret, params.token, req.secure);
        return html(
          200,
          surveyFormPage({
            lang: opened.lang,
            kind: opened.request.kind,
            action: `/s/${params.token}`,
            csrfToken: guard.csrfToken,
          }),
          { 'Set-Cookie': guard.cookie },
        );
      },
    }),
    defineRoute({
      method: 'post',
      path: '/s/:token',
      operationId: 'answerPublicSurvey',
      summary: 'Answer a survey from its public page',
      description:
        'Form fields `score` (CSAT 1-5 or NPS 0-10), `comment` (optional, up to 2000 characters) and `csrf` ' +
        '(from the page, with its cookie). Stores the answer once; a second post shows the "already answered" page (409).',
      tags: ['surveys'],
      access: 'public',
      params: paramsSchema,
      rawBody: { mediaType: 'application/x-www-form-urlencoded', description: 'score, comment, csrf' },
      responses: htmlResponses,
      handler: async ({ params, req }) => {
        if (!deps.linkSecret) return unavailable();
        const now = deps.now();
        const opened = await openSurveyLink(deps.em, deps.linkSecret, params.token, now);
        const closed = closedPage(opened);
        if (closed || opened.state === 'invalid') return closed!;
        const t = SURVEY_PAGE_TEXTS[opened.lang];
        const form = (req.body && typeof req.body === 'object' ? req.body : {}) as Record<string, unknown>;
        const again = (status: 400 | 403, error: string) => {
          const guard = newSurveyFormGuard(deps.linkSecret!, params.token, req.secure);
          return html(
            status,
            surveyFormPage({
              lang: opened.lang,
              kind: opened.request.kind,
              action: `/s/${params.token}`,
              csrfToken: guard.csrfToken,
              error,
              comment: typeof form['comment'] === 'string' ? form['comment'] : '',
            }),
            { 'Set-Cookie': guard.cookie },
          );
        };
        if (!surveyFormGuardValid(deps.linkSecret, params.token, req, form['csrf']))
          return again(403, t.formExpired);
        const parsed = surveyAnswerSchema(opened.request.kind).safeParse({
          score: form['score'] === '' ? undefined : form['score'],
          comment: typeof form['comment'] === 'string' ? form['comment'] : undefined,
        });
        if (!parsed.success) {
          const { min, max } = SURVEY_SCORE_RANGE[opened.request.kind];
          return again(400, t.scoreError(min, max));
        }
        const recorded = await recordSurveyAnswer(deps.em, {
          tenantId: opened.tenantId,
          requestId: opened.request.id,
          score: parsed.data.score,
          comment: parsed.data.comment,
          channel: opened.request.channel,
          answeredAt: now,
        });
        if (recorded.outcome === 'recorded') return html(200, page(opened.lang, t.thanks, t.thanksBody));
        if (recorded.outcome === 'already_answered')
          return html(409, page(opened.lang, t.answered, t.answeredBody));
        if (recorded.outcome === 'expired') return html(410, page(opened.lang, t.expired, t.expiredBody));
        return html(410, page(opened.lang, t.closed, t.closedBody));
      },
    }),
  ];
};
