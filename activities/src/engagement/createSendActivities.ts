import { ApplicationFailure } from '@temporalio/activity';
import { LockMode } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { SendOutcome, SendRequest } from '@c360/domain';
import {
  AuditLog,
  Conversation,
  Customer,
  forTenant,
  releaseSendSlot,
  reserveSendSlot,
  ScheduledReply,
  Ticket,
  ticketEvents,
} from '@c360/store';
import type { SendActivities } from '@c360/workflows';
import { addressOf, findSendConversation, loadSendContext } from './loadSendContext';

export type SendActivityDeps = { orm: MikroORM; clock?: () => Date };

const AUDIT_ACTIONS: Record<SendOutcome['status'], string> = {
  sent: 'send.sent',
  skipped: 'send.skipped',
  failed: 'send.failed',
};

/** The send path's database work (policy inputs, cap slots, outcome records); the channel adapters send. */
export const createSendActivities = (deps: SendActivityDeps): SendActivities => {
  const clock = deps.clock ?? (() => new Date());
  const scoped = (tenantId: string) => forTenant(deps.orm.em.fork(), tenantId);

  return {
    loadSendContext: async (req) => loadSendContext(scoped(req.tenantId), req),

    // Under the customer's row lock, so two sends opening a thread at once open one.
    openSendConversation: async (req: SendRequest) =>
      scoped(req.tenantId).transactional(async (em) => {
        const customer = await em.findOne(
          Customer,
          { id: req.customerId },
          { lockMode: LockMode.PESSIMISTIC_WRITE },
        );
        if (!customer)
          throw ApplicationFailure.nonRetryable(`no customer ${req.customerId}`, 'ChannelInvalidRequest');
        const existing = await findSendConversation(em, req);
        if (existing) return { conversationId: existing.id };
        const address = await addressOf(em, customer, req.channel);
        if (!address)
          throw ApplicationFailure.nonRetryable(
            `customer ${req.customerId} has no ${req.channel} address`,
            'ChannelInvalidRequest',
          );
        const conversation = em.create(Conversation, {
          tenant: req.tenantId,
          customer: customer.id,
          channel: req.channel,
          // Waiting on the customer: it joins the inbox when they answer.
          status: 'pending',
          externalThreadId: req.channel === 'whatsapp' ? address : null,
          externalIds: req.channel === 'whatsapp' ? { waId: address } : {},
          createdAt: clock(),
        });
        await em.flush();
        return { conversationId: conversation.id };
      }),

    reserveSendSlot: async (input) => ({ reserved: await reserveSendSlot(scoped(input.tenantId), input) }),

    releaseSendSlot: async (input) => releaseSendSlot(scoped(input.tenantId), input),

    // Idempotent by key: a retried activity finds its audit row and writes nothing again.
    recordSendOutcome: async ({ req, key, outcome, plannedAt }) =>
      scoped(req.tenantId).transactional(async (em) => {
        const action = AUDIT_ACTIONS[outcome.status];
        const exists = await em.count(AuditLog, {
          action,
          entityType: 'customer',
          entityId: req.customerId,
          after: { key },
        });
        if (exists === 0)
          em.create(AuditLog, {
            tenant: req.tenantId,
            actorType: req.authorId ? 'user' : 'system',
            actorId: req.authorId ?? null,
            action,
            entityType: 'customer',
            entityId: req.customerId,
            before: null,
            after: {
              key,
              source: req.source,
              step: req.step,
              channel: req.channel,
              purpose: req.purpose,
              plannedAt,
              ...outcome,
            },
            reason: outcome.status === 'skipped' ? outcome.reason : null,
            source: 'send',
            requestId: null,
            createdAt: clock(),
          });
        if (req.source.kind === 'scheduled_reply') {
          const reply = await em.findOne(ScheduledReply, { id: req.source.id });
          if (reply) {
            // Recorded once: a retried activity finds the reply sent already.
            const sentNow = outcome.status === 'sent' && reply.status !== 'sent';
            reply.status =
              outcome.status === 'skipped' && outcome.reason === 'cancelled' ? 'cancelled' : outcome.status;
            reply.outcome = outcome;
            if (outcome.status === 'sent') reply.messageId = outcome.messageId;
            // An agent's reply sent later is a reply on the conversation's ticket when it goes (the
            // SLA clock hears of it; the first response, unless a reply held by quiet hours took it).
            const conversation = sentNow
              ? await em.findOne(Conversation, { id: reply.conversation.id })
              : null;
            const ticket = conversation?.ticket
              ? await em.findOne(Ticket, { id: conversation.ticket.id })
              : null;
            if (conversation && ticket)
              ticketEvents.agentReplied(em, ticket, {
                conversationId: conversation.id,
                messageId: outcome.status === 'sent' ? outcome.messageId : null,
                at: clock(),
              });
          }
        }
        await em.flush();
      }),
  };
};
