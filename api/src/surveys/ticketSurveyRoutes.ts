import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { AppError, notFound, readSurveySettings, workflowIds } from '@c360/domain';
import {
  appendOutboxEvent,
  forTenant,
  newSurveyToken,
  OPEN_SURVEY_STATUSES,
  SURVEY_REQUESTED_EVENT,
  SurveyRequest,
  Tenant,
  Ticket,
  type SurveyRequestedPayload,
} from '@c360/store';
import { defineRoute, type ApiRoute } from '../http/defineRoute';
import { idParamsSchema } from '../openapi/commonSchemas';

export const TICKET_SURVEY_ROLES = ['agent', 'manager', 'admin'] as const;

const bodySchema = z
  .object({
    kind: z
      .enum(['csat', 'nps'])
      .optional()
      .meta({ description: "csat (1-5) or nps (0-10); the tenant's survey kind when absent" }),
  })
  .strict();

const resultSchema = z
  .object({
    surveyRequestId: z.uuid(),
    workflowId: z.string(),
    kind: z.enum(['csat', 'nps']),
    status: z.literal('pending'),
  })
  .meta({ id: 'TicketSurveyRequested' });

/**
 * A survey sent by hand from a ticket. The request row and a `survey.requested` outbox event are
 * written in one transaction with the ticket locked, so two clicks cannot both send; the
 * dispatcher starts the survey workflow, which sends at once (no delay) on the best permitted
 * channel. Nothing is sent within the request: a Temporal outage delays the survey, loses nothing.
 */
export const ticketSurveyRoutes = (deps: { em: EntityManager; now: () => Date }): ApiRoute[] => [
  defineRoute({
    method: 'post',
    path: '/api/v1/tickets/:id/survey',
    operationId: 'sendTicketSurvey',
    summary: 'Send a satisfaction survey about a ticket to its customer',
    description:
      '202 with the survey request; the survey workflow sends it on the best channel the customer allows ' +
      '(WhatsApp flow, e-mail, else the in-app web link). 409 when a survey of this ticket is still open.',
    tags: ['tickets', 'surveys'],
    access: TICKET_SURVEY_ROLES,
    params: idParamsSchema,
    body: bodySchema,
    responses: { 202: { description: 'The survey request, pending', schema: resultSchema } },
    errors: [404, 409],
    handler: async ({ principal, params, body }) => {
      const result = await forTenant(deps.em.fork(), principal.tenantId).transactional(async (em) => {
        const ticket = await em.findOne(Ticket, { id: params.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
        if (!ticket) throw notFound('ticket', params.id);
        const open = await em.count(SurveyRequest, {
          ticket: ticket.id,
          status: { $in: [...OPEN_SURVEY_STATUSES] },
        });
        if (open > 0)
          throw new AppError(
            'conflict',
            'a survey of this ticket is still open (sent and not yet answered or expired)',
          );
        const tenant = await em.findOneOrFail(Tenant, { id: principal.tenantId });
        const { settings } = readSurveySettings(tenant.settings);
        const kind = body.kind ?? settings.kind;
        const now = deps.now();
        const request = em.create(SurveyRequest, {
          tenant: principal.tenantId,
          ticket,
          customer: ticket.customer,
          kind,
          channel: 'web',
          token: newSurveyToken(),
          status: 'pending',
          // Provisional: the workflow sets the expiry when it makes the link.
          expiresAt: new Date(now.getTime() + settings.deadlineHours * 3_600_000),
        });
        request.workflowId = workflowIds.manualSurvey(principal.tenantId, request.id);
        appendOutboxEvent(em, {
          type: SURVEY_REQUESTED_EVENT,
          aggregateType: 'ticket',
          aggregateId: ticket.id,
          payload: {
            customerId: ticket.customer.id,
            ticketId: ticket.id,
            conversationId: null,
            kind,
            channel: 'auto',
            surveyRequestId: request.id,
          } satisfies SurveyRequestedPayload,
        });
        return {
          surveyRequestId: request.id,
          workflowId: request.workflowId,
          kind,
          status: 'pending' as const,
        };
      });
      return { status: 202, body: result };
    },
  }),
];
