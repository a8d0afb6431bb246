import { z } from 'zod';
import { CALL_DIRECTIONS } from '@c360/store';

export const callCreateSchema = z
  .object({
    customerId: z.uuid(),
    ticketId: z.uuid().optional(),
    agentId: z.uuid().optional().meta({ description: 'the user who took the call' }),
    direction: z.enum(CALL_DIRECTIONS),
    startedAt: z.iso.datetime({ offset: true }),
    endedAt: z.iso.datetime({ offset: true }),
    durationSeconds: z
      .number()
      .int()
      .min(0)
      .optional()
      .meta({ description: 'if given, must equal endedAt - startedAt to the second' }),
    transcript: z
      .array(
        z.object({
          speaker: z.enum(['agent', 'customer', 'other']),
          text: z.string().min(1).max(20_000),
          offsetSeconds: z.number().min(0).optional(),
        }),
      )
      .max(5_000)
      .default([]),
  })
  .superRefine((c, ctx) => {
    const seconds = (Date.parse(c.endedAt) - Date.parse(c.startedAt)) / 1000;
    if (seconds < 0)
      ctx.addIssue({ code: 'custom', path: ['endedAt'], message: 'must not be before startedAt' });
    else if (c.durationSeconds !== undefined && Math.abs(c.durationSeconds - seconds) > 1)
      ctx.addIssue({
        code: 'custom',
        path: ['durationSeconds'],
        message: `is ${c.durationSeconds} but the times say ${Math.round(seconds)}`,
      });
  });

export const callSchema = z
  .object({
    id: z.uuid(),
    customerId: z.uuid(),
    ticketId: z.uuid().nullable(),
    agentId: z.uuid().nullable(),
    direction: z.enum(CALL_DIRECTIONS),
    startedAt: z.string(),
    endedAt: z.string().nullable(),
    durationSeconds: z.number().int(),
    transcriptTurns: z.number().int(),
    transcriptChars: z.number().int(),
    summary: z.string().nullable().meta({ description: 'null until the AI assist writes one' }),
  })
  .meta({ id: 'Call' });
