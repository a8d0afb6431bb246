import { z } from 'zod';
import { TICKET_PRIORITIES, TICKET_STATUSES } from '@c360/store';

const slaPolicy = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9_-]{0,99}$/, 'must be a policy name (lower-case letters, digits, _ and -)')
  .meta({ description: "the name of one of the tenant's SLA policies", example: 'standard' });

const team = z.string().trim().min(1).max(100);

export const ticketCreateSchema = z
  .strictObject({
    customerId: z.uuid(),
    subject: z.string().trim().min(1).max(500),
    description: z.string().max(50_000).optional(),
    priority: z.enum(TICKET_PRIORITIES).optional(),
    team: team.optional(),
    assigneeId: z.uuid().optional(),
    slaPolicy: slaPolicy.optional(),
    conversationId: z
      .uuid()
      .optional()
      .meta({ description: "links the customer's conversation (one ticket each)" }),
  })
  .meta({ id: 'TicketCreate' });

export const ticketChangeSchema = z
  .strictObject({
    status: z.enum(TICKET_STATUSES).optional().meta({
      description:
        '`pending` means waiting on the customer (the SLA clock pauses); `resolved` raises ticket.resolved',
    }),
    priority: z.enum(TICKET_PRIORITIES).optional(),
    team: team.nullable().optional(),
    assigneeId: z.uuid().nullable().optional(),
    slaPolicy: slaPolicy.optional(),
  })
  .refine((c) => Object.keys(c).length > 0, {
    message: 'at least one of status, priority, team, assigneeId, slaPolicy',
  })
  .meta({ id: 'TicketChange' });

export const ticketSchema = z
  .object({
    id: z.uuid(),
    customerId: z.uuid(),
    subject: z.string(),
    description: z.string().nullable(),
    status: z.enum(TICKET_STATUSES),
    priority: z.enum(TICKET_PRIORITIES),
    team: z.string().nullable(),
    assigneeId: z.uuid().nullable(),
    slaPolicy: z.string(),
    firstResponseDueAt: z.string().nullable(),
    resolutionDueAt: z.string().nullable(),
    firstResponseBreached: z.boolean(),
    resolutionBreached: z.boolean(),
    firstRespondedAt: z.string().nullable(),
    resolvedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Ticket' });

export const ticketParamsSchema = z.object({ id: z.uuid() });
