import { z } from 'zod';
import {
  ALWAYS_OPEN,
  businessHoursCalendar,
  businessHoursSchema,
  type ZonedBusinessHours,
} from './slaCalendar';

/**
 * The SLA policies of a tenant, stored as data in `Tenant.settings.sla` and read with this
 * schema. Every field has a default, so `{}` is a valid setting: the two policies the seeder
 * uses (`standard`, `vip`) and a risk threshold of 80 % of the time used.
 */
const minutes = z
  .number()
  .int()
  .positive()
  .max(366 * 24 * 60);

export const slaPolicySchema = z.object({
  /** Working minutes from the ticket's opening to the first agent reply. */
  firstResponseMinutes: minutes,
  /** Working minutes from the ticket's opening (or reopening) to its resolution. */
  resolutionMinutes: minutes,
  /** Count only the tenant's business hours (`businessHours` below), not around the clock. */
  businessHoursOnly: z.boolean().default(false),
});
export type SlaPolicy = z.infer<typeof slaPolicySchema>;

export const DEFAULT_SLA_POLICIES: Record<string, SlaPolicy> = {
  standard: { firstResponseMinutes: 4 * 60, resolutionMinutes: 48 * 60, businessHoursOnly: false },
  vip: { firstResponseMinutes: 60, resolutionMinutes: 8 * 60, businessHoursOnly: false },
};

export const slaSettingsSchema = z
  .object({
    policies: z
      .record(z.string().trim().min(1).max(100), slaPolicySchema)
      .refine((p) => Object.keys(p).length > 0, { message: 'needs at least one policy' })
      .default(DEFAULT_SLA_POLICIES),
    /** The policy of a ticket whose own policy name is not (or no longer) defined. */
    defaultPolicy: z.string().trim().min(1).max(100).default('standard'),
    /** Share of a deadline's time used at which the `sla` risk notification goes out. */
    riskThreshold: z.number().gt(0).lt(1).default(0.8),
    /** The opening hours policies with `businessHoursOnly` count in. */
    businessHours: businessHoursSchema.optional(),
  })
  .refine((s) => s.policies[s.defaultPolicy] !== undefined, {
    message: 'must name one of the policies',
    path: ['defaultPolicy'],
  })
  .superRefine((s, ctx) => {
    if (s.businessHours) return;
    for (const [name, policy] of Object.entries(s.policies))
      if (policy.businessHoursOnly)
        ctx.addIssue({
          code: 'custom',
          message: 'counts business hours, but none are set',
          path: ['policies', name],
        });
  });
export type SlaSettings = z.infer<typeof slaSettingsSchema>;

/** A policy as a clock uses it: durations in milliseconds, the threshold, and which name applied. */
export type ResolvedSlaPolicy = {
  name: string;
  /** True when the ticket's own policy name was unknown and the tenant's default applied. */
  fallback: boolean;
  firstResponseMs: number;
  resolutionMs: number;
  riskThreshold: number;
  /** The opening hours the policy counts in; null: around the clock. */
  businessHours: ZonedBusinessHours | null;
};

const MINUTE_MS = 60_000;

/**
 * The named policy of validated settings, or the default policy when the name is not defined.
 * Business hours without a zone of their own are in the tenant's time zone.
 */
export const resolveSlaPolicy = (
  settings: SlaSettings,
  name: string | null,
  tenantTimeZone: string,
): ResolvedSlaPolicy => {
  const own = name === null ? undefined : settings.policies[name];
  const policyName = own ? (name as string) : settings.defaultPolicy;
  const policy = own ?? (settings.policies[settings.defaultPolicy] as SlaPolicy);
  return {
    name: policyName,
    fallback: !own,
    firstResponseMs: policy.firstResponseMinutes * MINUTE_MS,
    resolutionMs: policy.resolutionMinutes * MINUTE_MS,
    riskThreshold: settings.riskThreshold,
    businessHours:
      policy.businessHoursOnly && settings.businessHours
        ? { ...settings.businessHours, timeZone: settings.businessHours.timeZone ?? tenantTimeZone }
        : null,
  };
};

/** The calendar a resolved policy counts in. */
export const slaCalendarOf = (policy: Pick<ResolvedSlaPolicy, 'businessHours'>) =>
  policy.businessHours ? businessHoursCalendar(policy.businessHours) : ALWAYS_OPEN;
