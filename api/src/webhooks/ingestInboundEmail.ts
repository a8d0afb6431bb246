import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import { addressTagOf, conversationIdOfThreadToken, mailboxOf, normalizeSubject } from '@c360/domain';
import {
  findEmailConversation,
  forTenant,
  htmlToPlainText,
  recordInboundMessage,
  resolveChannelAccounts,
  sanitizeEmailHtml,
  type EmailThreadMatch,
} from '@c360/store';

export type InboundEmailResult =
  | { outcome: 'no_account'; recipients: string[] }
  | {
      outcome: 'stored' | 'duplicate';
      tenantId: string;
      conversationId: string;
      messageId: string;
      threadedBy: EmailThreadMatch['by'] | 'new';
    };

const addresses = (field: AddressObject | AddressObject[] | undefined): { address: string; name: string }[] =>
  (Array.isArray(field) ? field : field ? [field] : [])
    .flatMap((f) => f.value)
    .filter(
      (a): a is { address: string; name: string } => typeof a.address === 'string' && a.address.length > 0,
    )
    .map((a) => ({ address: a.address.toLowerCase(), name: a.name ?? '' }));

const referencesOf = (mail: ParsedMail): string[] => {
  const refs = mail.references;
  const list = Array.isArray(refs) ? refs : refs ? refs.split(/\s+/) : [];
  return list.filter((r) => r.length > 0);
};

/** In-Reply-To first, then References from the newest (last) back to the root. */
const referencedIds = (mail: ParsedMail): string[] => {
  const ids = [...(mail.inReplyTo ? mail.inReplyTo.split(/\s+/) : []), ...referencesOf(mail).reverse()];
  return [...new Set(ids.filter((id) => id.length > 0))];
};

/**
 * Stores one inbound mail (raw RFC 5322 bytes): the tenant is the one whose mailbox it was sent
 * to (envelope recipients first, then To, Cc and Delivered-To, plus-tags ignored); the thread is
 * found by headers, then by the thread token in the address, then by subject and sender (see
 * `findEmailConversation`); the HTML is sanitised before it is stored. The same Message-ID (or,
 * without one, the same bytes) is stored once.
 */
export const ingestInboundEmail = async (
  rootEm: EntityManager,
  raw: Buffer,
  envelopeTo: string[],
  now: Date,
  subjectWindowDays: number,
): Promise<InboundEmailResult> => {
  const mail = await simpleParser(raw, { skipImageLinks: true, skipTextToHtml: true });
  const deliveredTo = mail.headers.get('delivered-to');
  const recipients = [
    ...envelopeTo.map((a) => a.trim().toLowerCase()).filter(Boolean),
    ...addresses(mail.to).map((a) => a.address),
    ...addresses(mail.cc).map((a) => a.address),
    ...(typeof deliveredTo === 'string' ? [deliveredTo.toLowerCase()] : []),
  ];
  const mailboxes = [...new Set(recipients.map(mailboxOf).filter((m): m is string => m !== null))];
  const accounts = await resolveChannelAccounts(rootEm, 'email', mailboxes);
  const account = mailboxes.map((m) => accounts.find((a) => a.externalAccountId === m)).find(Boolean);
  const from = addresses(mail.from)[0];
  if (!account || !from) return { outcome: 'no_account', recipients };

  const tokenConversationIds = recipients
    .filter((r) => mailboxOf(r) === account.externalAccountId)
    .map((r) => addressTagOf(r))
    .map((tag) => (tag ? conversationIdOfThreadToken(tag) : null))
    .filter((id): id is string => id !== null);
  const html = typeof mail.html === 'string' && mail.html.length > 0 ? sanitizeEmailHtml(mail.html) : null;
  const body = (mail.text ?? '').trim() || (html ? htmlToPlainText(html) : '');
  const messageId =
    mail.messageId ?? `<sha256-${createHash('sha256').update(raw).digest('hex')}@inbound.c360.invalid>`;
  const subject = mail.subject ?? null;
  let threadedBy: EmailThreadMatch['by'] | 'new' = 'new';

  const stored = await recordInboundMessage(forTenant(rootEm, account.tenantId), {
    channel: 'email',
    contact: { channel: 'email', externalId: from.address, name: from.name || null },
    providerMessageId: messageId,
    sentAt: mail.date && mail.date.getTime() <= now.getTime() ? mail.date : now,
    body,
    html,
    attachments: mail.attachments.map((a) => ({
      fileName: a.filename ?? 'attachment',
      contentType: a.contentType,
      size: a.size,
    })),
    metadata: { kind: 'email', recipient: recipients[0] ?? account.externalAccountId },
    email: { messageId, inReplyTo: mail.inReplyTo ?? null, references: referencesOf(mail) },
    thread: {
      // A new thread is keyed by its first message; replies are found through `find`.
      externalThreadId: `${messageId}`,
      externalIds: { emailRootMessageId: messageId },
      subject,
      find: async (tx, customerId) => {
        const match = await findEmailConversation(tx, {
          referencedMessageIds: referencedIds(mail),
          tokenConversationIds,
          subject: normalizeSubject(subject) ? subject : null,
          customerId,
          now,
          subjectWindowDays,
        });
        if (match) threadedBy = match.by;
        return match?.conversationId ?? null;
      },
    },
  });
  return {
    outcome: stored.duplicate ? 'duplicate' : 'stored',
    tenantId: account.tenantId,
    conversationId: stored.conversationId,
    messageId: stored.messageId,
    threadedBy,
  };
};
