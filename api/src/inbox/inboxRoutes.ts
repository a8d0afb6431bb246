import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, isServiceWindowOpen, type AssetLimits } from '@c360/domain';
import {
  Customer,
  forTenant,
  listInboxConversations,
  loadConversationThread,
  loadSlaSettings,
  type InboxConversationRow,
} from '@c360/store';
import { signedAssetUrl, type AssetLinks } from '../replies/assetLinks';
import { defineRoute, type ApiRoute } from '../http/defineRoute';
import { idParamsSchema } from '../openapi/commonSchemas';
import { decodeInboxCursor, encodeInboxCursor } from './inboxCursor';
import { findConversationOr404, inboxRecords } from './inboxRecords';
import {
  assignBodySchema,
  conversationListQuerySchema,
  conversationListSchema,
  conversationStateSchema,
  readStateSchema,
  replyBodySchema,
  replyResultSchema,
  tagsBodySchema,
  threadQuerySchema,
  threadSchema,
} from './inboxSchemas';
import type { InboxSender } from './inboxSender';
import type { SendClient } from '@c360/workflows';
import { scheduledReplies } from './scheduledReplies';
import { heldReplySchema } from './scheduledReplySchemas';
import { heldReplyId } from './replyGate';
import { replyToConversation } from './replyToConversation';

export type InboxRouteDeps = {
  em: EntityManager;
  now: () => Date;
  /** Without it, replies answer 503 (the rest of the inbox works). */
  sender: InboxSender | undefined;
  /** Starts and steers sends (send later); without it `sendAt` answers 503. */
  sends?: SendClient | undefined;
  /** Signs the thread's attachment links; without it attachments carry no url. */
  assetLinks?: AssetLinks | undefined;
  /** The e-mail attachment cap a reply's asset is checked against. */
  assetLimits: AssetLimits;
};

/** A message's attachments, each stored asset with a freshly signed link to open it. */
const withAssetLinks = <A extends { assetId?: string; url?: string }>(
  attachments: A[],
  links: AssetLinks | undefined,
  tenantId: string,
  now: Date,
): A[] =>
  attachments.map((a) =>
    a.assetId && links && !a.url ? { ...a, url: signedAssetUrl(links, tenantId, a.assetId, now) } : a,
  );

export const INBOX_ROLES = ['agent', 'manager', 'admin'] as const;

const IDEMPOTENCY_KEY = /^[A-Za-z0-9._:-]{8,128}$/;

const windowOpen = (channel: string, lastInboundAt: Date | null, now: Date): boolean | null =>
  channel === 'whatsapp' ? isServiceWindowOpen(lastInboundAt, now) : null;

const summaryOf = (r: InboxConversationRow, now: Date) => ({
  id: r.id,
  channel: r.channel,
  status: r.status,
  subject: r.subject,
  tags: r.tags,
  customer: r.customer,
  assigneeId: r.assigneeId,
  ticketId: r.ticketId,
  team: r.team,
  lastMessageAt: r.lastMessageAt?.toISOString() ?? null,
  lastActivityAt: r.lastActivityAt.toISOString(),
  slaDueAt: r.slaDueAt?.toISOString() ?? null,
  slaRisk: r.slaRisk,
  unread: r.unread,
  whatsappWindowOpen: windowOpen(r.channel, r.lastInboundAt, now),
  preview: r.preview,
});

const stateRoute = (
  deps: InboxRouteDeps,
  action: 'resolve' | 'reopen',
  summary: string,
  description: string,
): ApiRoute =>
  defineRoute({
    method: 'post',
    path: `/api/v1/inbox/conversations/:id/${action}`,
    operationId: `${action}Conversation`,
    summary,
    description,
    tags: ['inbox'],
    access: INBOX_ROLES,
    params: idParamsSchema,
    responses: { 200: { description: 'The conversation after the action', schema: conversationStateSchema } },
    errors: [404],
    handler: async ({ principal, params, requestId }) => ({
      status: 200,
      body: await inboxRecords(deps.em, principal.tenantId, deps.now)[action](params.id, {
        actor: principal,
        requestId,
      }),
    }),
  });

/** The agents' inbox: every channel's conversations in one list, a thread, replies and triage actions. */
export const inboxRoutes = (deps: InboxRouteDeps): ApiRoute[] => [
  defineRoute({
    method: 'get',
    path: '/api/v1/inbox/conversations',
    operationId: 'listInboxConversations',
    summary: 'Conversations of every channel, filtered and sorted, one page at a time',
    description:
      "SLA risk comes from the linked ticket's next due date (first response until answered, then resolution): " +
      '`breached` (past due or flagged), `at_risk` (the tenant SLA `riskThreshold` of the window from the ticket’s ' +
      'creation to that due date is used, default 80%), `ok`, or `none` (no open ticket). ' +
      'Pages are keyset-paginated: pass `nextCursor` back as `cursor`.',
    tags: ['inbox'],
    access: INBOX_ROLES,
    query: conversationListQuerySchema,
    responses: { 200: { description: 'One page of conversations', schema: conversationListSchema } },
    handler: async ({ principal, query }) => {
      const now = deps.now();
      const { rows, next } = await listInboxConversations(deps.em.fork(), {
        tenantId: principal.tenantId,
        readerId: principal.userId,
        filter: {
          ...(query.channel ? { channels: query.channel } : {}),
          ...(query.status ? { statuses: query.status } : {}),
          ...(query.assignee
            ? { assignee: query.assignee === 'me' ? principal.userId : query.assignee }
            : {}),
          ...(query.team ? { team: query.team } : {}),
          ...(query.unread !== undefined ? { unread: query.unread } : {}),
          ...(query.slaRisk ? { slaRisks: query.slaRisk } : {}),
        },
        sort: query.sort,
        now,
        riskThreshold: (
          await loadSlaSettings(forTenant(deps.em.fork(), principal.tenantId), principal.tenantId)
        ).riskThreshold,
        limit: query.pageSize,
        ...(query.cursor ? { after: decodeInboxCursor(query.cursor) } : {}),
      });
      return {
        status: 200,
        body: {
          items: rows.map((r) => summaryOf(r, now)),
          nextCursor: next ? encodeInboxCursor(next) : null,
        },
      };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/v1/inbox/conversations/:id',
    operationId: 'getInboxConversation',
    summary: 'A conversation with its thread: messages and events (assignment, tags, status), newest first',
    tags: ['inbox'],
    access: INBOX_ROLES,
    params: idParamsSchema,
    query: threadQuerySchema,
    responses: { 200: { description: 'The conversation and one page of its thread', schema: threadSchema } },
    errors: [404],
    handler: async ({ principal, params, query }) => {
      const em = deps.em.fork();
      const c = await findConversationOr404(em, principal.tenantId, params.id);
      const before = decodeInboxCursor(query.cursor);
      const { items, next } = await loadConversationThread(em, {
        tenantId: principal.tenantId,
        conversationId: c.id,
        limit: query.pageSize,
        ...(before ? { before } : {}),
      });
      return {
        status: 200,
        body: {
          conversation: {
            id: c.id,
            channel: c.channel,
            status: c.status,
            subject: c.subject ?? null,
            tags: c.tags,
            customer: await customerOf(em, principal.tenantId, c.customer.id),
            assigneeId: c.assignee?.id ?? null,
            ticketId: c.ticket?.id ?? null,
            lastMessageAt: c.lastMessageAt?.toISOString() ?? null,
            lastActivityAt: (c.lastMessageAt ?? c.createdAt).toISOString(),
            whatsappWindowOpen: windowOpen(c.channel, c.lastInboundAt ?? null, deps.now()),
          },
          items: items.map((i) =>
            i.kind === 'message'
              ? {
                  ...i,
                  at: i.at.toISOString(),
                  attachments: withAssetLinks(i.attachments, deps.assetLinks, principal.tenantId, deps.now()),
                }
              : { ...i, at: i.at.toISOString() },
          ),
          nextCursor: next ? encodeInboxCursor(next) : null,
        },
      };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/v1/inbox/conversations/:id/reply',
    operationId: 'replyToConversation',
    summary: "Reply on the conversation's channel, now",
    description:
      'Sends through the channel adapter. Send an `Idempotency-Key` header (8-128 of A-Z a-z 0-9 . _ : -): ' +
      'a retried request with the same key never sends twice and answers the first message (200, `alreadySent`). ' +
      'Without it the request id (`X-Request-Id`) is the key. On WhatsApp, free text outside the 24-hour ' +
      "customer service window is refused with 409; an approved template is allowed. During the customer's " +
      'quiet hours the reply is not sent: it is held until they end, as a scheduled reply on the send path ' +
      '(202, `heldBy: quiet_hours`; a retry with the same key answers the same held reply; an Instagram ' +
      'comment reply cannot be held and is refused with 409). With `sendAt` the reply is sent later through ' +
      'the send path instead (202, as `POST .../scheduled-replies`).',
    tags: ['inbox'],
    access: INBOX_ROLES,
    params: idParamsSchema,
    body: replyBodySchema,
    responses: {
      200: { description: 'Already sent under this key: nothing was sent again', schema: replyResultSchema },
      201: { description: 'Sent', schema: replyResultSchema },
      202: {
        description:
          "Scheduled (sendAt), or held by the customer's quiet hours (heldBy): see scheduled replies",
        schema: heldReplySchema,
      },
    },
    errors: [404, 409, 503],
    handler: async ({ principal, params, body, requestId, req }) => {
      const later = scheduledReplies(
        { em: deps.em, now: deps.now, sends: deps.sends, assetLimits: deps.assetLimits },
        principal.tenantId,
      );
      const { sendAt, commentVisibility: _visibility, ...content } = body;
      if (sendAt !== undefined)
        return { status: 202, body: await later.create(principal, params.id, { ...content, sendAt }) };
      const header = req.get('idempotency-key');
      if (header !== undefined && !IDEMPOTENCY_KEY.test(header))
        throw new AppError('validation', 'invalid Idempotency-Key header', {
          fields: [{ path: 'headers.idempotency-key', message: 'must be 8-128 of A-Z a-z 0-9 . _ : -' }],
        });
      // Scoped to the conversation, so one client key cannot collide across threads.
      const key = `inbox:${params.id}:${header ?? requestId}`;
      // A retry of a request that quiet hours held answers the reply it became.
      const heldId = heldReplyId(principal.tenantId, key);
      const heldBefore = await later.find(params.id, heldId);
      if (heldBefore) return { status: 202, body: { ...heldBefore, heldBy: 'quiet_hours' as const } };
      const outcome = await replyToConversation(
        { em: deps.em, sender: deps.sender, now: deps.now, assetLimits: deps.assetLimits },
        principal,
        params.id,
        body,
        key,
        requestId,
      );
      if (outcome.kind === 'held') {
        const scheduled = await later.create(
          principal,
          params.id,
          { ...content, sendAt: outcome.until.toISOString() },
          { id: heldId, heldBy: 'quiet_hours' },
        );
        return { status: 202, body: { ...scheduled, heldBy: 'quiet_hours' as const } };
      }
      const { sent } = outcome;
      return { status: sent.alreadySent ? 200 : 201, body: { ...sent, idempotencyKey: key } };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/v1/inbox/conversations/:id/assign',
    operationId: 'assignConversation',
    summary: 'Assign the conversation to an agent (or unassign it)',
    tags: ['inbox'],
    access: INBOX_ROLES,
    params: idParamsSchema,
    body: assignBodySchema,
    responses: { 200: { description: 'The conversation after the action', schema: conversationStateSchema } },
    errors: [404],
    handler: async ({ principal, params, body, requestId }) => ({
      status: 200,
      body: await inboxRecords(deps.em, principal.tenantId, deps.now).assign(
        params.id,
        body.assigneeId === 'me' ? principal.userId : body.assigneeId,
        { actor: principal, requestId },
      ),
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/v1/inbox/conversations/:id/tags',
    operationId: 'changeConversationTags',
    summary: 'Add and remove tags',
    tags: ['inbox'],
    access: INBOX_ROLES,
    params: idParamsSchema,
    body: tagsBodySchema,
    responses: { 200: { description: 'The conversation after the action', schema: conversationStateSchema } },
    errors: [404],
    handler: async ({ principal, params, body, requestId }) => ({
      status: 200,
      body: await inboxRecords(deps.em, principal.tenantId, deps.now).changeTags(params.id, body, {
        actor: principal,
        requestId,
      }),
    }),
  }),
  stateRoute(
    deps,
    'resolve',
    'Resolve the conversation and its ticket',
    'Closes the conversation and resolves the linked ticket; the ticket appends one `ticket.resolved` ' +
      'outbox event (ticketId, customerId, conversationId, resolvedAt, autoResolved false) in the same transaction. ' +
      'Resolving a resolved conversation changes nothing (`changed: false`).',
  ),
  stateRoute(deps, 'reopen', 'Reopen the conversation (and its resolved ticket)', 'Sets both back to open.'),
  defineRoute({
    method: 'post',
    path: '/api/v1/inbox/conversations/:id/wait-on-customer',
    operationId: 'waitOnCustomer',
    summary: 'Wait on the customer (pauses the SLA clock)',
    description:
      'Sets the conversation and its open ticket to `pending`; the ticket appends one `ticket.status_changed` (open → pending) ' +
      "outbox event and its SLA clock pauses until the customer's next message (which sets both back to open). " +
      'A resolved ticket answers 409; waiting again changes nothing (`changed: false`).',
    tags: ['inbox'],
    access: INBOX_ROLES,
    params: idParamsSchema,
    responses: { 200: { description: 'The conversation after the action', schema: conversationStateSchema } },
    errors: [404, 409],
    handler: async ({ principal, params, requestId }) => ({
      status: 200,
      body: await inboxRecords(deps.em, principal.tenantId, deps.now).waitOnCustomer(params.id, {
        actor: principal,
        requestId,
      }),
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/v1/inbox/conversations/:id/read',
    operationId: 'markConversationRead',
    summary: 'Mark the conversation read for the caller',
    tags: ['inbox'],
    access: INBOX_ROLES,
    params: idParamsSchema,
    responses: { 200: { description: "The caller's read state", schema: readStateSchema } },
    errors: [404],
    handler: async ({ principal, params, requestId }) => ({
      status: 200,
      body: await inboxRecords(deps.em, principal.tenantId, deps.now).setRead(params.id, true, {
        actor: principal,
        requestId,
      }),
    }),
  }),
  defineRoute({
    method: 'delete',
    path: '/api/v1/inbox/conversations/:id/read',
    operationId: 'markConversationUnread',
    summary: 'Mark the conversation unread for the caller',
    tags: ['inbox'],
    access: INBOX_ROLES,
    params: idParamsSchema,
    responses: { 200: { description: "The caller's read state", schema: readStateSchema } },
    errors: [404],
    handler: async ({ principal, params, requestId }) => ({
      status: 200,
      body: await inboxRecords(deps.em, principal.tenantId, deps.now).setRead(params.id, false, {
        actor: principal,
        requestId,
      }),
    }),
  }),
];

const customerOf = async (em: EntityManager, tenantId: string, id: string) => {
  const customer = await forTenant(em, tenantId).findOneOrFail(Customer, { id });
  return { id, firstName: customer.firstName, lastName: customer.lastName };
};
