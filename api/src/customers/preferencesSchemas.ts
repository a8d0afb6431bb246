import { z } from 'zod';
import { CHANNELS, marketingPreferencesPatchSchema, marketingPreferencesSchema } from '@c360/domain';
import { pageInfoFields } from '../openapi/commonSchemas';

export const marketingPreferencesDoc = marketingPreferencesSchema.meta({
  id: 'MarketingPreferences',
  description: 'Channel opt-ins, quiet hours in a time zone (start after end crosses midnight) and language.',
});

const reason = z
  .string()
  .trim()
  .min(1)
  .max(500)
  .meta({ description: 'why the change was made, in words', example: 'asked by phone' });
const source = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[a-z][a-z0-9_.-]*$/, 'must be a lower-case token such as inbox, phone, web_form, import')
  .meta({ description: 'where the change came from', example: 'inbox' });

const patchShape = marketingPreferencesPatchSchema.shape;
// The domain schema accepts and drops unknown channels; an API client that misspells one must hear about it.
const channelsPatch = z.strictObject(patchShape.channels.unwrap().shape);

export const preferencesChangeSchema = z
  .strictObject({
    channels: channelsPatch.optional(),
    quietHours: patchShape.quietHours,
    language: patchShape.language,
    reason: reason.optional(),
    source: source.default('api'),
  })
  .refine((b) => b.channels !== undefined || b.quietHours !== undefined || b.language !== undefined, {
    message: 'name at least one of channels, quietHours, language',
  })
  .meta({ id: 'PreferencesChange' });

export const consentChangeSchema = z
  .strictObject({
    channel: z.enum(CHANNELS),
    granted: z.boolean().meta({ description: 'true: opted in; false: opted out' }),
    reason,
    source,
  })
  .meta({ id: 'ConsentChange' });

export const consentEventSchema = z
  .object({
    id: z.uuid(),
    customerId: z.uuid(),
    action: z.enum(['consent.granted', 'consent.revoked']),
    channel: z.enum(CHANNELS),
    granted: z.boolean(),
    previouslyGranted: z.boolean().nullable(),
    reason: z.string().nullable(),
    source: z.string().nullable(),
    actorType: z.string(),
    actorId: z.string().nullable(),
    requestId: z.string().nullable(),
    at: z.iso.datetime(),
  })
  .meta({ id: 'ConsentEvent' });
export type ConsentEventView = z.output<typeof consentEventSchema>;

export const preferencesResponseSchema = z
  .object({ customerId: z.uuid(), preferences: marketingPreferencesDoc })
  .meta({ id: 'CustomerPreferences' });

export const preferencesChangedSchema = z
  .object({
    customerId: z.uuid(),
    preferences: marketingPreferencesDoc,
    consentEvents: z
      .array(consentEventSchema)
      .meta({ description: 'the consent events this change appended' }),
  })
  .meta({ id: 'PreferencesChanged' });

export const consentLogSchema = z
  .object({ items: z.array(consentEventSchema), ...pageInfoFields })
  .meta({ id: 'ConsentLog' });
