import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, macroActionsSchema, notFound, type MacroAction } from '@c360/domain';
import { AuditLog } from '../entities/AuditLog';
import { Conversation } from '../entities/Conversation';
import { Customer } from '../entities/Customer';
import { Macro } from '../entities/Macro';
import { Ticket } from '../entities/Ticket';
import { User } from '../entities/User';
import { appendOutboxEvent } from '../outbox/appendOutboxEvent';
import { forTenant } from '../tenancy/forTenant';
import { TICKET_RESOLVED, type TicketResolvedPayload } from '../outbox/outboxEventTypes';
import { SURVEY_REQUESTED_EVENT } from './macroEvents';
import { renderReplyForSend } from './renderReplyForSend';

export type RunMacroInput = {
  conversationId: string;
  macroId: string;
  actorUserId: string;
  requestId: string;
  now: Date;
};

export type MacroRunResult = {
  conversationId: string;
  macroId: string;
  applied: MacroAction['type'][];
  /** The text the insert_template steps produced, for the composer (nothing is sent). */
  draft: string | null;
};

const failed = (i: number, action: MacroAction, why: string): AppError =>
  new AppError('conflict', `macro action ${i} (${action.type}) failed: ${why}; nothing was changed`, {
    fields: [{ path: `actions.${i}`, message: why }],
  });

/**
 * Runs a macro's actions in order on one conversation, in one transaction: the first action that
 * cannot apply rolls every earlier one back. Resolving and requesting a survey append outbox
 * events (`ticket.resolved`, `survey.requested`) instead of sending anything; the run is audited.
 */
export const runMacro = (
  rootEm: EntityManager,
  tenantId: string,
  input: RunMacroInput,
): Promise<MacroRunResult> =>
  forTenant(rootEm, tenantId).transactional(async (em) => {
    const conversation = await em.findOne(
      Conversation,
      { id: input.conversationId },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (!conversation) throw notFound('conversation', input.conversationId);
    const macro = await em.findOne(Macro, { id: input.macroId });
    if (!macro) throw notFound('macro', input.macroId);
    const parsed = macroActionsSchema.safeParse(macro.actions);
    if (!parsed.success)
      throw new AppError('conflict', `macro ${macro.id} has invalid actions; edit it first`);

    const customer = await em.findOneOrFail(Customer, { id: conversation.customer.id });
    const ticket = conversation.ticket ? await em.findOne(Ticket, { id: conversation.ticket.id }) : null;
    const drafts: string[] = [];
    const applied: MacroAction['type'][] = [];

    for (const [i, action] of parsed.data.entries()) {
      switch (action.type) {
        case 'insert_template': {
          try {
            const reply = await renderReplyForSend(em, tenantId, {
              channel: conversation.channel,
              parts: [{ type: 'template', id: action.templateId }],
              customerId: customer.id,
              agentId: input.actorUserId,
              ticketId: ticket?.id ?? null,
              forSend: false,
            });
            drafts.push(reply.text);
          } catch (err) {
            if (err instanceof AppError)
              throw failed(i, action, err.details.fields?.map((f) => f.message).join('; ') ?? err.message);
            throw err;
          }
          break;
        }
        case 'tag':
          customer.tags = [...new Set([...customer.tags, ...action.tags])];
          break;
        case 'assign': {
          if (action.userId) {
            const user = await em.findOne(User, { id: action.userId });
            if (!user) throw failed(i, action, `user ${action.userId} not found`);
            conversation.assignee = em.getReference(User, user.id, { wrapped: true });
            if (ticket) ticket.assignee = em.getReference(User, user.id, { wrapped: true });
          }
          if (action.team) {
            if (!ticket) throw failed(i, action, 'the conversation has no ticket to give a team');
            ticket.team = action.team;
          }
          break;
        }
        case 'set_priority':
          if (!ticket) throw failed(i, action, 'the conversation has no ticket to prioritise');
          ticket.priority = action.priority;
          break;
        case 'resolve':
          conversation.status = 'closed';
          if (ticket && ticket.status !== 'resolved' && ticket.status !== 'closed') {
            ticket.status = 'resolved';
            ticket.resolvedAt = input.now;
            appendOutboxEvent(em, {
              type: TICKET_RESOLVED,
              aggregateType: 'ticket',
              aggregateId: ticket.id,
              payload: {
                ticketId: ticket.id,
                customerId: customer.id,
                conversationId: conversation.id,
                resolvedAt: input.now.toISOString(),
                autoResolved: false,
              } satisfies TicketResolvedPayload,
            });
          }
          break;
        case 'send_survey':
          appendOutboxEvent(em, {
            type: SURVEY_REQUESTED_EVENT,
            aggregateType: 'customer',
            aggregateId: customer.id,
            payload: {
              customerId: customer.id,
              ticketId: ticket?.id ?? null,
              conversationId: conversation.id,
              kind: action.kind,
              channel: conversation.channel,
            },
          });
          break;
      }
      applied.push(action.type);
    }

    em.create(AuditLog, {
      tenant: tenantId,
      actorType: 'user',
      actorId: input.actorUserId,
      action: 'macro.run',
      entityType: 'conversation',
      entityId: conversation.id,
      before: null,
      after: { macroId: macro.id, macroName: macro.name, actions: parsed.data },
      reason: null,
      source: 'macro',
      requestId: input.requestId,
      createdAt: input.now,
    });
    await em.flush();
    return {
      conversationId: conversation.id,
      macroId: macro.id,
      applied,
      draft: drafts.length > 0 ? drafts.join('\n\n') : null,
    };
  });
