import type { EntityManager } from '@mikro-orm/postgresql';
import {
  findSurveyRequestByToken,
  forTenant,
  parseSurveyLink,
  SurveyRequest,
  surveyLinkSignatureValid,
} from '@c360/store';
import { surveyPageLanguage, type SurveyPageLanguage } from './surveyPageTexts';

export type OpenedSurveyLink =
  | { state: 'invalid' }
  | {
      state: 'open' | 'answered' | 'expired' | 'closed';
      request: SurveyRequest;
      tenantId: string;
      lang: SurveyPageLanguage;
    };

/**
 * What a public survey link leads to. The signature is checked before the request is read, so
 * a forged or altered link learns nothing; then the link's own expiry and the request's, then
 * the request's status (single use: an answered request shows the "already answered" page).
 */
export const openSurveyLink = async (
  root: EntityManager,
  secret: string,
  linkToken: string,
  now: Date,
): Promise<OpenedSurveyLink> => {
  const link = parseSurveyLink(linkToken);
  if (!link) return { state: 'invalid' };
  const ref = await findSurveyRequestByToken(root.fork(), link.token);
  if (!ref || !surveyLinkSignatureValid(secret, ref.id, link)) return { state: 'invalid' };
  const request = await forTenant(root.fork(), ref.tenantId).findOne(
    SurveyRequest,
    { id: ref.id },
    { populate: ['customer'] },
  );
  if (!request) return { state: 'invalid' };
  const customer = request.customer.getEntity();
  const lang = surveyPageLanguage(customer.customFields?.marketingPreferences?.language ?? customer.language);
  const base = { request, tenantId: ref.tenantId, lang };
  if (request.status === 'answered') return { state: 'answered', ...base };
  const expired =
    request.status === 'expired' ||
    now.getTime() >= link.expiresAtSeconds * 1000 ||
    now.getTime() >= request.expiresAt.getTime();
  if (expired) return { state: 'expired', ...base };
  if (request.status === 'cancelled' || request.status === 'failed') return { state: 'closed', ...base };
  return { state: 'open', ...base };
};
