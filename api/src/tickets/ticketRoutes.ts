import type { EntityManager } from '@mikro-orm/postgresql';
import { notFound } from '@c360/domain';
import { forTenant, Ticket, ticketRecords } from '@c360/store';
import { CUSTOMER_WRITERS } from '../customers/customerRoutes';
import { defineRoute, type ApiRoute } from '../http/defineRoute';
import { ticketChangeSchema, ticketCreateSchema, ticketParamsSchema, ticketSchema } from './ticketSchemas';

const iso = (d: Date | null | undefined): string | null => d?.toISOString() ?? null;

export const toTicketView = (t: Ticket) => ({
  id: t.id,
  customerId: t.customer.id,
  subject: t.subject,
  description: t.description ?? null,
  status: t.status,
  priority: t.priority,
  team: t.team ?? null,
  assigneeId: t.assignee?.id ?? null,
  slaPolicy: t.slaPolicy,
  firstResponseDueAt: iso(t.firstResponseDueAt),
  resolutionDueAt: iso(t.resolutionDueAt),
  firstResponseBreached: t.firstResponseBreached,
  resolutionBreached: t.resolutionBreached,
  firstRespondedAt: iso(t.firstRespondedAt),
  resolvedAt: iso(t.resolvedAt),
  createdAt: t.createdAt.toISOString(),
});

/** Tickets: open, read, change (status, priority, owner, policy); each change announces itself to the workflows. */
export const ticketRoutes = (deps: { em: EntityManager; now: () => Date }): ApiRoute[] => [
  defineRoute({
    method: 'post',
    path: '/api/v1/tickets',
    operationId: 'createTicket',
    summary: 'Open a ticket',
    description:
      'Opens a ticket for a customer, optionally linked to one of their conversations, and appends ' +
      '`ticket.created` in the same transaction: its SLA clock starts from it.',
    tags: ['tickets'],
    access: CUSTOMER_WRITERS,
    body: ticketCreateSchema,
    responses: { 201: { description: 'Opened', schema: ticketSchema } },
    errors: [404],
    handler: async ({ principal, body, requestId }) => {
      const ticket = await ticketRecords(deps.em, principal.tenantId, deps.now).create(body, {
        userId: principal.userId,
        requestId,
        source: 'api',
      });
      return { status: 201, body: toTicketView(ticket) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/v1/tickets/:id',
    operationId: 'getTicket',
    summary: 'A ticket with its SLA state',
    tags: ['tickets'],
    access: CUSTOMER_WRITERS,
    params: ticketParamsSchema,
    responses: { 200: { description: 'The ticket', schema: ticketSchema } },
    errors: [404],
    handler: async ({ principal, params }) => {
      const ticket = await forTenant(deps.em.fork(), principal.tenantId).findOne(Ticket, { id: params.id });
      if (!ticket) throw notFound('ticket', params.id);
      return { status: 200, body: toTicketView(ticket) };
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/api/v1/tickets/:id',
    operationId: 'changeTicket',
    summary: 'Change status, priority, owner or SLA policy',
    description:
      'Each change appends its event in the same transaction: `ticket.status_changed` (open ↔ pending), ' +
      '`ticket.resolved` (to resolved or closed), `ticket.reopened` (back to open or pending), ' +
      '`ticket.assigned` (assignee, team or policy). A request that changes nothing writes nothing.',
    tags: ['tickets'],
    access: CUSTOMER_WRITERS,
    params: ticketParamsSchema,
    body: ticketChangeSchema,
    responses: { 200: { description: 'The ticket after the change', schema: ticketSchema } },
    errors: [404],
    handler: async ({ principal, params, body, requestId }) => {
      const { ticket } = await ticketRecords(deps.em, principal.tenantId, deps.now).change(params.id, body, {
        userId: principal.userId,
        requestId,
        source: 'api',
      });
      return { status: 200, body: toTicketView(ticket) };
    },
  }),
];
