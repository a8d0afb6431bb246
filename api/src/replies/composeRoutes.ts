import { forTenant, renderReplyForSend } from '@c360/store';
import { defineRoute, type ApiRoute } from '../http/defineRoute';
import { REPLY_USERS } from './replyRoles';
import { composeSchema, renderedReplySchema } from './replySchemas';
import type { ReplyRouteDeps } from './templateRoutes';

/** Several templates, snippets and free text rendered into one message for a customer. */
export const composeRoutes = (deps: ReplyRouteDeps): ApiRoute[] => [
  defineRoute({
    method: 'post',
    path: '/api/v1/replies/compose',
    operationId: 'composeReply',
    summary: 'Compose one message from templates, snippets and free text',
    description:
      'Parts are rendered in the order given and joined by a blank line; free text is taken literally. ' +
      'Variables are filled from the customer, the calling agent and the ticket; one without a value is a 400 ' +
      'naming the part. Email gets escaped HTML and plain text, WhatsApp and Instagram plain text. This is the ' +
      'render for a send: each template used counts one use (the template preview does not). Nothing is sent.',
    tags: ['replies'],
    access: REPLY_USERS,
    body: composeSchema,
    responses: { 200: { description: 'The composed message', schema: renderedReplySchema } },
    errors: [404],
    handler: async ({ principal, body }) => {
      const rendered = await forTenant(deps.em, principal.tenantId).transactional((em) =>
        renderReplyForSend(em, principal.tenantId, {
          channel: body.channel,
          parts: body.parts,
          customerId: body.customerId,
          ticketId: body.ticketId ?? null,
          agentId: principal.userId,
          forSend: true,
        }),
      );
      return { status: 200, body: rendered };
    },
  }),
];
