import { defineRoute, type ApiRoute } from '../http/defineRoute';
import { idParamsSchema } from '../openapi/commonSchemas';
import { INBOX_ROLES } from './inboxRoutes';
import { scheduledReplies, type ScheduledReplyDeps } from './scheduledReplies';
import {
  composeCheckSchema,
  editScheduledReplyBodySchema,
  scheduledReplyListSchema,
  scheduledReplySchema,
  scheduleReplyBodySchema,
} from './scheduledReplySchemas';

/** Send later (list, schedule, edit, cancel) and the composer's quiet-hours check (issue 5 on the issue 6 send path). */
export const scheduledReplyRoutes = (deps: ScheduledReplyDeps): ApiRoute[] => [
  defineRoute({
    method: 'get',
    path: '/api/v1/inbox/conversations/:id/compose-check',
    operationId: 'checkReplyTiming',
    summary: "Is it the customer's quiet hours? Is the WhatsApp window open?",
    description:
      'For the composer: during quiet hours (`quietHours.now`) a reply sent now is held until they end ' +
      '(the reply route answers 202 with `heldBy: quiet_hours`), so the composer says so before the send and ' +
      'offers "send at the end of quiet hours" (`POST .../scheduled-replies` with `atQuietHoursEnd: true`); ' +
      '`suggestSendLater` is true when the customer has not written in the last 24 hours.',
    tags: ['inbox'],
    access: INBOX_ROLES,
    params: idParamsSchema,
    responses: { 200: { description: 'The timing facts', schema: composeCheckSchema } },
    errors: [404],
    handler: async ({ principal, params }) => ({
      status: 200,
      body: await scheduledReplies(deps, principal.tenantId).composeCheck(params.id),
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/v1/inbox/conversations/:id/scheduled-replies',
    operationId: 'listScheduledReplies',
    summary: "The conversation's replies sent later (every status)",
    tags: ['inbox'],
    access: INBOX_ROLES,
    params: idParamsSchema,
    responses: { 200: { description: 'Oldest send time first', schema: scheduledReplyListSchema } },
    errors: [404],
    handler: async ({ principal, params }) => ({
      status: 200,
      body: { items: await scheduledReplies(deps, principal.tenantId).list(params.id) },
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/v1/inbox/conversations/:id/scheduled-replies',
    operationId: 'scheduleReply',
    summary: 'Send a reply later (at a time, or when quiet hours end)',
    description:
      'Starts the send path (`sendMessageWorkflow`, source `scheduled_reply`): it waits until `sendAt`, then ' +
      "past the customer's quiet hours (`plannedAt`), and sends through the channel adapter once. A WhatsApp " +
      'free-text reply that would go after the 24-hour window closes is refused with 409 (a template is allowed).',
    tags: ['inbox'],
    access: INBOX_ROLES,
    params: idParamsSchema,
    body: scheduleReplyBodySchema,
    responses: { 202: { description: 'Scheduled', schema: scheduledReplySchema } },
    errors: [404, 409, 503],
    handler: async ({ principal, params, body }) => ({
      status: 202,
      body: await scheduledReplies(deps, principal.tenantId).create(principal, params.id, body),
    }),
  }),
  defineRoute({
    method: 'patch',
    path: '/api/v1/inbox/scheduled-replies/:id',
    operationId: 'editScheduledReply',
    summary: 'Change the time or the content of a reply not sent yet',
    tags: ['inbox'],
    access: INBOX_ROLES,
    params: idParamsSchema,
    body: editScheduledReplyBodySchema,
    responses: { 200: { description: 'The reply as it will now go', schema: scheduledReplySchema } },
    errors: [404, 409, 503],
    handler: async ({ principal, params, body }) => ({
      status: 200,
      body: await scheduledReplies(deps, principal.tenantId).edit(params.id, body),
    }),
  }),
  defineRoute({
    method: 'delete',
    path: '/api/v1/inbox/scheduled-replies/:id',
    operationId: 'cancelScheduledReply',
    summary: 'Cancel a reply not sent yet',
    tags: ['inbox'],
    access: INBOX_ROLES,
    params: idParamsSchema,
    responses: { 200: { description: 'Cancelled', schema: scheduledReplySchema } },
    errors: [404, 409, 503],
    handler: async ({ principal, params }) => ({
      status: 200,
      body: await scheduledReplies(deps, principal.tenantId).cancel(params.id),
    }),
  }),
];
