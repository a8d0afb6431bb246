import type { MarketingPreferences } from '../customer/preferences';

/** `web`: the in-app survey at a signed public link, which needs no consent to be shown. */
export type SurveyChannelChoice = 'whatsapp' | 'email' | 'web';

export type SurveyReach = {
  preferences: MarketingPreferences;
  /** The customer has a WhatsApp number (an identity or a phone) and the tenant a WhatsApp account. */
  whatsapp: boolean;
  /** The customer has an e-mail address. */
  email: boolean;
};

/**
 * The channels a survey may go on, best first: the WhatsApp flow, then e-mail, each only when
 * the customer opted in and can be reached there, and always the in-app web link last. The
 * workflow tries them in order, so a send the send path skips (consent revoked meanwhile, no
 * address) falls through to the next one.
 */
export const surveyChannelCandidates = (reach: SurveyReach): SurveyChannelChoice[] => {
  const out: SurveyChannelChoice[] = [];
  if (reach.whatsapp && reach.preferences.channels.whatsapp.optedIn) out.push('whatsapp');
  if (reach.email && reach.preferences.channels.email.optedIn) out.push('email');
  out.push('web');
  return out;
};
