import { z } from 'zod';

const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

/** One step of a macro. The inbox runs them in order, all in one transaction. */
export const macroActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('insert_template'), templateId: z.uuid() }),
  z.object({ type: z.literal('tag'), tags: z.array(z.string().trim().min(1).max(100)).min(1).max(20) }),
  z
    .object({
      type: z.literal('assign'),
      userId: z.uuid().optional(),
      team: z.string().trim().min(1).max(100).optional(),
    })
    .refine((a) => a.userId !== undefined || a.team !== undefined, {
      message: 'assign needs a userId, a team or both',
    }),
  z.object({ type: z.literal('set_priority'), priority: z.enum(PRIORITIES) }),
  z.object({ type: z.literal('resolve') }),
  z.object({ type: z.literal('send_survey'), kind: z.enum(['csat', 'nps']) }),
]);
export type MacroAction = z.infer<typeof macroActionSchema>;

export const macroActionsSchema = z.array(macroActionSchema).min(1).max(20);
