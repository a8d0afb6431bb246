import type { EntityManager } from '@mikro-orm/postgresql';
import {
  AppError,
  isQuietAt,
  isServiceWindowOpen,
  notFound,
  quietHoursEndAfter,
  serviceWindowClosesAt,
  WHATSAPP_SERVICE_WINDOW_MS,
  type AssetLimits,
  type SendContent,
  sendWorkflowId,
  type SendRequest,
} from '@c360/domain';
import {
  AuditLog,
  Conversation,
  Customer,
  forTenant,
  ScheduledReply,
  Ticket,
  ticketEvents,
} from '@c360/store';
import type { SendClient } from '@c360/workflows';
import { randomUUID } from 'node:crypto';
import type { Principal } from '../auth/principal';
import { checkReplyAsset } from './replyAsset';
import { planReply, preferencesOf, WHATSAPP_WINDOW_MESSAGE } from './replyGate';
import type {
  ComposeCheck,
  EditScheduledReplyBody,
  ScheduleReplyBody,
  ScheduledReplyView,
} from './scheduledReplySchemas';

export type ScheduledReplyDeps = {
  em: EntityManager;
  now: () => Date;
  sends: SendClient | undefined;
  /** The e-mail attachment cap a reply's asset is checked against. */
  assetLimits: AssetLimits;
};

type ContentInput = Pick<ScheduleReplyBody, 'text' | 'html' | 'subject' | 'template' | 'assetId'>;

const fieldError = (path: string, message: string): AppError =>
  new AppError('validation', `${path} ${message}`, { fields: [{ path, message }] });

/** The content a reply carries on the conversation's channel, with the same rules as an immediate reply. */
const contentFor = (conversation: Conversation, input: ContentInput): SendContent => {
  const channel = conversation.channel;
  if (channel !== 'whatsapp' && channel !== 'email' && channel !== 'instagram')
    throw fieldError(
      'params.id',
      `is a ${channel} conversation: send later is for WhatsApp, e-mail and Instagram`,
    );
  if (input.template && channel !== 'whatsapp')
    throw fieldError('body.template', 'is for WhatsApp conversations only; send text');
  if ((input.html !== undefined || input.subject !== undefined) && channel !== 'email')
    throw fieldError(
      input.html !== undefined ? 'body.html' : 'body.subject',
      'is for email conversations only',
    );
  if (channel === 'instagram' && conversation.externalIds?.instagramKind === 'comment')
    throw new AppError('conflict', 'send later answers Instagram direct messages, not comment threads');
  if (input.template) return { type: 'template', ...input.template };
  const text = input.text ?? '';
  const asset = input.assetId !== undefined ? { assetId: input.assetId } : {};
  if (channel === 'email' && (input.html !== undefined || input.subject !== undefined))
    return {
      type: 'email',
      subject: input.subject ?? `Re: ${conversation.subject ?? ''}`.trim(),
      text,
      ...(input.html !== undefined ? { html: input.html } : {}),
      ...asset,
    };
  return { type: 'text', text, ...asset };
};

const toView = (row: ScheduledReply, plannedAt: Date | null): ScheduledReplyView => ({
  id: row.id,
  conversationId: row.conversation.id,
  status: row.status,
  sendAt: row.sendAt.toISOString(),
  plannedAt: plannedAt?.toISOString() ?? null,
  content: row.content as unknown as Record<string, unknown>,
  authorId: row.author?.id ?? null,
  messageId: row.messageId ?? null,
  outcome: (row.outcome as unknown as Record<string, unknown> | null) ?? null,
});

/**
 * Agents' replies sent later, through the one outbound path (`sendMessageWorkflow`, source
 * `scheduled_reply`): quiet hours still apply, and a WhatsApp free-text reply that would go
 * after the 24-hour window closes is refused now, not lost later. The row is what the inbox
 * lists and edits; the workflow writes the outcome back to it.
 */
export const scheduledReplies = (deps: ScheduledReplyDeps, tenantId: string) => {
  const scoped = () => forTenant(deps.em.fork(), tenantId);
  const sends = (): SendClient => {
    if (!deps.sends) throw new AppError('unavailable', 'send later is not configured on this deployment');
    return deps.sends;
  };

  const load = async (em: EntityManager, conversationId: string) => {
    const conversation = await em.findOne(Conversation, { id: conversationId });
    if (!conversation) throw notFound('conversation', conversationId);
    const customer = await em.findOneOrFail(Customer, { id: conversation.customer.id });
    return { conversation, customer };
  };

  /** When the send path would send it: refuses a WhatsApp free-text reply the window will not allow. */
  const plan = (conversation: Conversation, customer: Customer, content: SendContent, sendAt: Date): Date => {
    const planned = planReply(conversation, customer, content.type, deps.now(), sendAt);
    if (planned.kind === 'skip')
      throw new AppError('conflict', `${WHATSAPP_WINDOW_MESSAGE} at the time it would be sent`, {
        window: 'whatsapp_24h',
      });
    return planned.at;
  };

  const requestOf = (row: ScheduledReply, conversation: Conversation): SendRequest => ({
    tenantId,
    customerId: conversation.customer.id,
    source: { kind: 'scheduled_reply', id: row.id },
    step: 'reply',
    channel: conversation.channel as SendRequest['channel'],
    content: row.content,
    purpose: 'service',
    conversationId: conversation.id,
    notBefore: row.sendAt.toISOString(),
    ...(row.author ? { authorId: row.author.id } : {}),
  });

  const findScheduled = async (em: EntityManager, id: string) => {
    const row = await em.findOne(ScheduledReply, { id });
    if (!row) throw notFound('scheduled reply', id);
    if (row.status !== 'scheduled')
      throw new AppError('conflict', `the scheduled reply is already ${row.status}`);
    return row;
  };

  return {
    /**
     * `options.id`: the row's id when the caller derives it; `options.heldBy`: an immediate reply the
     * customer's quiet hours hold. The agent has answered: it counts for the ticket (first response,
     * SLA clock) now, in this transaction, and is audited as a reply held.
     */
    async create(
      principal: Principal,
      conversationId: string,
      body: ScheduleReplyBody,
      options: { id?: string; heldBy?: 'quiet_hours' } = {},
    ) {
      const client = sends();
      return scoped().transactional(async (em) => {
        const { conversation, customer } = await load(em, conversationId);
        const content = contentFor(conversation, body);
        if (body.assetId !== undefined)
          await checkReplyAsset(deps.em, tenantId, conversation, body.assetId, deps.assetLimits);
        const now = deps.now();
        let sendAt: Date;
        if (body.atQuietHoursEnd) {
          const quiet = preferencesOf(customer).quietHours;
          if (!quiet || !isQuietAt(now, quiet))
            throw fieldError('body.atQuietHoursEnd', 'the customer is not in quiet hours now: send it now');
          sendAt = quietHoursEndAfter(now, quiet);
        } else {
          sendAt = new Date(body.sendAt!);
          if (sendAt.getTime() < now.getTime() - 60_000)
            throw fieldError('body.sendAt', 'is in the past: send the reply now instead');
        }
        const plannedAt = plan(conversation, customer, content, sendAt);
        const row = em.create(ScheduledReply, {
          id: options.id ?? randomUUID(),
          tenant: tenantId,
          conversation,
          customer: customer.id,
          author: principal.userId,
          content,
          sendAt,
          status: 'scheduled',
          workflowId: '',
        });
        row.workflowId = sendWorkflowId(requestOf(row, conversation));
        if (options.heldBy) {
          const ticket = conversation.ticket
            ? await em.findOne(Ticket, { id: conversation.ticket.id })
            : null;
          if (ticket) ticketEvents.agentReplied(em, ticket, { conversationId, messageId: null, at: now });
          em.create(AuditLog, {
            tenant: tenantId,
            actorType: 'user',
            actorId: principal.userId,
            action: 'conversation.reply_held',
            entityType: 'conversation',
            entityId: conversationId,
            before: null,
            after: { scheduledReplyId: row.id, heldBy: options.heldBy, plannedAt: plannedAt.toISOString() },
            source: 'inbox',
            requestId: null,
            createdAt: now,
          });
        }
        await em.flush();
        // Inside the transaction: Temporal down means no row and a 503, never a row that never sends.
        await client.start(requestOf(row, conversation));
        return toView(row, plannedAt);
      });
    },

    /** A scheduled reply of the conversation by id, or null (a held reply's retry looks for it). */
    async find(conversationId: string, id: string): Promise<ScheduledReplyView | null> {
      const row = await scoped().findOne(ScheduledReply, { id, conversation: conversationId });
      return row ? toView(row, null) : null;
    },

    async list(conversationId: string): Promise<ScheduledReplyView[]> {
      const em = scoped();
      const { conversation } = await load(em, conversationId);
      const rows = await em.find(
        ScheduledReply,
        { conversation: conversation.id },
        { orderBy: { sendAt: 'asc', createdAt: 'asc' } },
      );
      return rows.map((r) => toView(r, null));
    },

    async edit(id: string, body: EditScheduledReplyBody) {
      const client = sends();
      return scoped().transactional(async (em) => {
        const row = await findScheduled(em, id);
        const { conversation, customer } = await load(em, row.conversation.id);
        const contentChanged = [body.text, body.html, body.subject, body.template].some(
          (v) => v !== undefined,
        );
        if (contentChanged) {
          const current = row.content;
          const merged: ContentInput = body.template
            ? { template: body.template }
            : {
                text: body.text ?? ('text' in current ? current.text : undefined),
                html: body.html ?? (current.type === 'email' ? current.html : undefined),
                subject: body.subject ?? (current.type === 'email' ? current.subject : undefined),
                // The asset stays with the reply when its text is edited.
                assetId: current.type === 'text' || current.type === 'email' ? current.assetId : undefined,
              };
          if (merged.text === undefined && merged.template === undefined)
            throw fieldError('body.text', 'is needed: the scheduled reply is a template');
          row.content = contentFor(conversation, merged);
        }
        if (body.sendAt !== undefined) row.sendAt = new Date(body.sendAt);
        const plannedAt = plan(conversation, customer, row.content, row.sendAt);
        await em.flush();
        if (contentChanged) await client.updateContent(row.workflowId, row.content);
        // The reschedule signal also makes the held send plan again with what it holds now.
        await client.reschedule(row.workflowId, row.sendAt.toISOString());
        return toView(row, plannedAt);
      });
    },

    async cancel(id: string): Promise<ScheduledReplyView> {
      const client = sends();
      return scoped().transactional(async (em) => {
        const row = await findScheduled(em, id);
        // If it is going out at this very moment the workflow ignores the cancel and records it sent.
        row.status = 'cancelled';
        await em.flush();
        await client.cancel(row.workflowId);
        return toView(row, null);
      });
    },

    async composeCheck(conversationId: string): Promise<ComposeCheck> {
      const { conversation, customer } = await load(scoped(), conversationId);
      const now = deps.now();
      const quiet = preferencesOf(customer).quietHours;
      const quietNow = quiet ? isQuietAt(now, quiet) : false;
      const last = conversation.lastInboundAt ?? null;
      const wroteRecently = last !== null && now.getTime() - last.getTime() < WHATSAPP_SERVICE_WINDOW_MS;
      return {
        quietHours: quiet
          ? {
              now: quietNow,
              endsAt: quietNow ? quietHoursEndAfter(now, quiet).toISOString() : null,
              start: quiet.start,
              end: quiet.end,
              timeZone: quiet.timeZone,
            }
          : null,
        whatsappWindow:
          conversation.channel === 'whatsapp'
            ? {
                open: isServiceWindowOpen(last, now),
                closesAt: serviceWindowClosesAt(last)?.toISOString() ?? null,
              }
            : null,
        customerWroteInLast24h: wroteRecently,
        suggestSendLater: quietNow && !wroteRecently,
      };
    },
  };
};
