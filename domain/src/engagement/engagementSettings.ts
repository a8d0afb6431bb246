import { z } from 'zod';

/**
 * `Tenant.settings.engagement`: the send path's rules. `frequencyCapPerDay` counts automated
 * sends per customer per customer-local day (0 = no cap); agents' scheduled replies do not
 * count. `maxDeferralDays` bounds how far the cap may push a message before it is
 * recorded as skipped (`cap_exhausted`), so nothing waits forever and nothing vanishes unrecorded.
 */
export const engagementSettingsSchema = z.object({
  frequencyCapPerDay: z.number().int().min(0).max(100).default(3),
  maxDeferralDays: z.number().int().min(1).max(90).default(14),
});
export type SendEngagementSettings = z.infer<typeof engagementSettingsSchema>;

/** Reads the tenant's `engagement` settings, defaults filled in; a malformed value falls back to the defaults. */
export const readSendEngagementSettings = (settings: unknown): SendEngagementSettings => {
  const raw = (settings as { engagement?: unknown } | null | undefined)?.engagement ?? {};
  const parsed = engagementSettingsSchema.safeParse(raw);
  return parsed.success ? parsed.data : engagementSettingsSchema.parse({});
};
