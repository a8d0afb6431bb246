import { z } from 'zod';

export const CHANNELS = ['whatsapp', 'email', 'sms'] as const;
export type ConsentChannel = (typeof CHANNELS)[number];

export const LANGUAGES = ['en', 'fr', 'ar', 'es', 'de', 'pt', 'it', 'nl', 'tr', 'ja'] as const;

const isIanaZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

export const timeZoneSchema = z
  .string()
  .refine(isIanaZone, { message: 'must be an IANA time zone such as Europe/Paris' });

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day HH:MM (24 h)');

/** Quiet hours: a daily window in the customer's time zone; `start` after `end` crosses midnight. */
export const quietHoursSchema = z
  .object({ start: clock, end: clock, timeZone: timeZoneSchema })
  .refine((q) => q.start !== q.end, { message: 'start and end must differ', path: ['end'] });

export const channelPreferenceSchema = z.object({ optedIn: z.boolean() });

/** What `Customer.customFields.marketingPreferences` holds. */
export const marketingPreferencesSchema = z.object({
  channels: z.object({
    whatsapp: channelPreferenceSchema,
    email: channelPreferenceSchema,
    sms: channelPreferenceSchema,
  }),
  quietHours: quietHoursSchema.nullable(),
  language: z.enum(LANGUAGES),
});
export type MarketingPreferences = z.infer<typeof marketingPreferencesSchema>;

/** A partial update, as the API accepts it; at least one field must be present. */
export const marketingPreferencesPatchSchema = z
  .object({
    channels: z
      .object({
        whatsapp: channelPreferenceSchema.optional(),
        email: channelPreferenceSchema.optional(),
        sms: channelPreferenceSchema.optional(),
      })
      .optional(),
    quietHours: quietHoursSchema.nullable().optional(),
    language: z.enum(LANGUAGES).optional(),
  })
  .refine((p) => Object.keys(p).length > 0, { message: 'at least one of channels, quietHours, language' });
export type MarketingPreferencesPatch = z.infer<typeof marketingPreferencesPatchSchema>;

/** Nobody is opted in until they say so. */
export const defaultMarketingPreferences = (
  language: MarketingPreferences['language'] = 'en',
): MarketingPreferences => ({
  channels: { whatsapp: { optedIn: false }, email: { optedIn: false }, sms: { optedIn: false } },
  quietHours: null,
  language,
});

export type ConsentChange = { channel: ConsentChannel; granted: boolean };

/** Applies a patch and lists the per-channel consent changes it makes (each becomes an audit event). */
export const applyPreferencesPatch = (
  current: MarketingPreferences,
  patch: MarketingPreferencesPatch,
): { next: MarketingPreferences; consentChanges: ConsentChange[] } => {
  const next: MarketingPreferences = {
    channels: { ...current.channels },
    quietHours: patch.quietHours === undefined ? current.quietHours : patch.quietHours,
    language: patch.language ?? current.language,
  };
  const consentChanges: ConsentChange[] = [];
  for (const channel of CHANNELS) {
    const wanted = patch.channels?.[channel];
    if (wanted && wanted.optedIn !== current.channels[channel].optedIn) {
      consentChanges.push({ channel, granted: wanted.optedIn });
    }
    if (wanted) next.channels[channel] = { optedIn: wanted.optedIn };
  }
  return { next, consentChanges };
};
