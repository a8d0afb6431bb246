import type { EntityManager } from '@mikro-orm/postgresql';
import { recordCall, type Call } from '@c360/store';
import { CUSTOMER_WRITERS } from '../customers/customerRoutes';
import { defineRoute, type ApiRoute } from '../http/defineRoute';
import { callCreateSchema, callSchema } from './callSchemas';

export const toCallView = (c: Call) => ({
  id: c.id,
  customerId: c.customer.id,
  ticketId: c.ticket?.id ?? null,
  agentId: c.agent?.id ?? null,
  direction: c.direction,
  startedAt: c.startedAt.toISOString(),
  endedAt: c.endedAt?.toISOString() ?? null,
  durationSeconds: c.durationSeconds,
  transcriptTurns: c.transcriptTurns?.length ?? 0,
  transcriptChars: c.transcript?.length ?? 0,
  summary: c.summary ?? null,
});

/** Call records from the telephony side, linked to the customer (and ticket) and shown on the journey. */
export const callRoutes = (deps: { em: EntityManager }): ApiRoute[] => [
  defineRoute({
    method: 'post',
    path: '/api/v1/calls',
    operationId: 'recordCall',
    summary: 'Record a call with its transcript',
    description:
      "Stores the call, linked to its customer and optional ticket (which must be the same customer's), and " +
      'raises customer.changed so the index and the journey show it. The duration comes from the times. ' +
      'No summary is made here: it stays null until the AI assist writes one.',
    tags: ['calls'],
    access: CUSTOMER_WRITERS,
    body: callCreateSchema,
    responses: { 201: { description: 'Recorded', schema: callSchema } },
    errors: [404],
    handler: async ({ principal, body }) => {
      const call = await recordCall(deps.em, principal.tenantId, {
        customerId: body.customerId,
        ticketId: body.ticketId,
        agentId: body.agentId,
        direction: body.direction,
        startedAt: new Date(body.startedAt),
        endedAt: new Date(body.endedAt),
        transcript: body.transcript,
      });
      return { status: 201, body: toCallView(call) };
    },
  }),
];
