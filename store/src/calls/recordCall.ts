import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, notFound, type FieldProblem } from '@c360/domain';
import { Call, type CallTranscriptTurn } from '../entities/Call';
import { Customer } from '../entities/Customer';
import { Ticket } from '../entities/Ticket';
import { User } from '../entities/User';
import type { CallDirection } from '../entities/vocabulary';
import { forTenant } from '../tenancy/forTenant';

export type CallRecordInput = {
  customerId: string;
  ticketId?: string | undefined;
  agentId?: string | undefined;
  direction: CallDirection;
  startedAt: Date;
  endedAt: Date;
  transcript: CallTranscriptTurn[];
};

/** The transcript as text, one `speaker: text` line per turn. */
export const transcriptText = (turns: readonly CallTranscriptTurn[]): string =>
  turns.map((t) => `${t.speaker}: ${t.text}`).join('\n');

/**
 * Stores a call with its transcript, linked to its customer and (optionally) ticket. The
 * duration is what the times say. The outbox subscriber raises `customer.changed` for the
 * customer in the same transaction, so the index and the journey follow. No summary is stored:
 * that is the AI assist's to write.
 */
export const recordCall = (rootEm: EntityManager, tenantId: string, input: CallRecordInput): Promise<Call> =>
  forTenant(rootEm, tenantId).transactional(async (em) => {
    const customer = await em.findOne(Customer, { id: input.customerId });
    if (!customer) throw notFound('customer', input.customerId);
    const problems: FieldProblem[] = [];
    const ticket = input.ticketId ? await em.findOne(Ticket, { id: input.ticketId }) : null;
    if (input.ticketId && !ticket)
      problems.push({ path: 'body.ticketId', message: `ticket ${input.ticketId} not found` });
    else if (ticket && ticket.customer.id !== customer.id)
      problems.push({ path: 'body.ticketId', message: `ticket ${ticket.id} belongs to another customer` });
    const agent = input.agentId ? await em.findOne(User, { id: input.agentId }) : null;
    if (input.agentId && !agent)
      problems.push({ path: 'body.agentId', message: `user ${input.agentId} not found` });
    if (problems.length > 0)
      throw new AppError('validation', 'the call cannot be linked', { fields: problems });

    const call = em.create(Call, {
      tenant: tenantId,
      customer,
      ticket,
      agent,
      direction: input.direction,
      startedAt: input.startedAt,
      endedAt: input.endedAt,
      durationSeconds: Math.round((input.endedAt.getTime() - input.startedAt.getTime()) / 1000),
      transcript: input.transcript.length > 0 ? transcriptText(input.transcript) : null,
      transcriptTurns: input.transcript,
      summary: null,
      actionItems: [],
    });
    await em.flush();
    return call;
  });
