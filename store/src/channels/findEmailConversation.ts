import type { EntityManager } from '@mikro-orm/postgresql';
import { normalizeSubject } from '@c360/domain';
import { Conversation } from '../entities/Conversation';
import { Message } from '../entities/Message';

export type EmailThreadClues = {
  /** In-Reply-To first, then References newest first: the ids this mail answers. */
  referencedMessageIds: string[];
  /** Conversation ids named by thread tokens in the addresses it was sent to. */
  tokenConversationIds: string[];
  subject: string | null;
  customerId: string;
  now: Date;
  /** How far back a subject match may reach. */
  subjectWindowDays: number;
};

export type EmailThreadMatch = { conversationId: string; by: 'headers' | 'thread_token' | 'subject' };

/**
 * The conversation an inbound mail belongs to, in the EntityManager's tenant, trying in order:
 * 1. its In-Reply-To/References headers name a message we hold;
 * 2. it was sent to a thread's reply address (`support+<token>@...`), for clients that drop the headers;
 * 3. same customer and same subject once reply/forward prefixes are removed, within the window,
 *    for clients that drop the headers and answer the plain mailbox.
 */
export const findEmailConversation = async (
  em: EntityManager,
  clues: EmailThreadClues,
): Promise<EmailThreadMatch | null> => {
  if (clues.referencedMessageIds.length > 0) {
    const messages = await em.find(
      Message,
      { channel: 'email', emailMessageId: { $in: clues.referencedMessageIds } },
      { fields: ['id', 'conversation', 'emailMessageId'] },
    );
    for (const id of clues.referencedMessageIds) {
      const hit = messages.find((m) => m.emailMessageId === id);
      if (hit) return { conversationId: hit.conversation.id, by: 'headers' };
    }
  }
  if (clues.tokenConversationIds.length > 0) {
    const byToken = await em.findOne(Conversation, {
      id: { $in: clues.tokenConversationIds },
      channel: 'email',
    });
    if (byToken) return { conversationId: byToken.id, by: 'thread_token' };
  }
  const subject = normalizeSubject(clues.subject);
  if (!subject) return null;
  const since = new Date(clues.now.getTime() - clues.subjectWindowDays * 86_400_000);
  const candidates = await em.find(
    Conversation,
    { channel: 'email', customer: clues.customerId, lastMessageAt: { $gte: since } },
    { orderBy: { lastMessageAt: 'desc' }, limit: 50, fields: ['id', 'subject', 'lastMessageAt'] },
  );
  const match = candidates.find((c) => normalizeSubject(c.subject) === subject);
  return match ? { conversationId: match.id, by: 'subject' } : null;
};
