import { z } from 'zod';

export const SURVEY_KIND_VALUES = ['csat', 'nps'] as const;
export type SurveyKindValue = (typeof SURVEY_KIND_VALUES)[number];

/**
 * The tenant's post-resolution survey settings (`Tenant.settings.surveys`). Every field has a
 * default, so `{}` (or no key at all) is a valid setting.
 */
export const surveySettingsSchema = z
  .object({
    /** Off: a resolved ticket starts no survey (a survey sent by hand still goes). */
    enabled: z.boolean().default(true),
    /** How long after the resolution the survey is sent. */
    delayMinutes: z
      .number()
      .int()
      .min(0)
      .max(14 * 24 * 60)
      .default(60),
    /** Tickets closed by automation (no agent involved) get no survey. */
    skipAutoResolved: z.boolean().default(true),
    kind: z.enum(SURVEY_KIND_VALUES).default('csat'),
    /** One reminder this long after the invite, if there is no answer yet. */
    reminderAfterHours: z
      .number()
      .positive()
      .max(30 * 24)
      .default(24),
    /** The link stops working, and the survey expires, this long after the invite. */
    deadlineHours: z
      .number()
      .positive()
      .max(60 * 24)
      .default(72),
    /** A score at or below this raises `csat.low_rating_received`. */
    lowScoreThreshold: z
      .object({
        csat: z.number().int().min(1).max(5).default(2),
        nps: z.number().int().min(0).max(10).default(6),
      })
      .prefault({}),
    /** The WhatsApp Flow that asks the survey (the tenant's, from Meta); none: WhatsApp is not offered. */
    whatsappFlowId: z
      .string()
      .regex(/^\d{1,30}$/, 'must be a WhatsApp Flow id (digits)')
      .nullable()
      .default(null),
    /** Outside the 24-hour window: the approved template (with a FLOW button) that carries the flow. */
    whatsappTemplate: z.string().min(1).max(100).default('csat_survey'),
  })
  .refine((s) => s.reminderAfterHours < s.deadlineHours, {
    message: 'must be shorter than deadlineHours',
    path: ['reminderAfterHours'],
  });
export type SurveySettings = z.infer<typeof surveySettingsSchema>;

/**
 * The survey settings out of a tenant's settings, defaults filled in. A stored value that no
 * longer validates (written by hand, or by an older version) falls back to the defaults and is
 * reported in `problems`, so a bad setting delays no survey.
 */
export const readSurveySettings = (
  tenantSettings: Record<string, unknown> | null | undefined,
): { settings: SurveySettings; problems: string[] } => {
  const parsed = surveySettingsSchema.safeParse(tenantSettings?.['surveys'] ?? {});
  if (parsed.success) return { settings: parsed.data, problems: [] };
  return {
    settings: surveySettingsSchema.parse({}),
    problems: parsed.error.issues.map((i) => `surveys.${i.path.join('.')}: ${i.message}`),
  };
};
