import { createHash } from 'node:crypto';
import { mailboxOf, normalizeSubject, threadReplyAddress, threadTokenOfConversation } from '@c360/domain';
import {
  ChannelIdentity,
  htmlToPlainText,
  Message,
  sanitizeEmailHtml,
  type MessageAttachment,
} from '@c360/store';
import type { SendEmailInput, SentMessage } from '@c360/workflows';
import { createSmtpTransport } from '../smtp/smtpTransport';
import { assetBytes, attachmentOf, loadAssetForSend } from './channelAssets';
import { ChannelError, toActivityFailure } from './channelError';
import { loadSendContext, type ChannelDeps } from './channelContext';
import { sendOnce } from './sendOnce';
import { withRetries } from './withRetries';

/** References kept: the root and the newest ones (RFC 5322 lets a long chain be shortened so). */
const MAX_REFERENCES = 20;

type SmtpError = Error & { responseCode?: number; code?: string };

/** SMTP 4xx and connection failures are temporary; 5xx is the server's final word. */
const smtpError = (error: SmtpError): ChannelError => {
  const code = error.responseCode;
  const message = `SMTP: ${error.message}`;
  if (code !== undefined && code >= 500) return new ChannelError('rejected', message, { status: code });
  if (code === 535 || error.code === 'EAUTH') return new ChannelError('auth', message);
  return new ChannelError('transient', message, code !== undefined ? { status: code } : {});
};

const replySubject = (subject: string | null | undefined): string => {
  const s = (subject ?? '').trim();
  if (!s) return '(no subject)';
  return normalizeSubject(s) === s.toLocaleLowerCase('en-US') ? `Re: ${s}` : s;
};

/**
 * Outbound mail through SMTP (nodemailer). Threading: a Message-ID derived from the idempotency
 * key (a retry sends the same id), In-Reply-To the conversation's latest mail, References its
 * chain; Reply-To the thread's plus-address, so a reply that loses its headers still finds the
 * thread. HTML is sanitised and gets a plain-text alternative made from it.
 */
export const createEmailActivities = (deps: ChannelDeps) => {
  const transport = createSmtpTransport(deps.smtp);

  return {
    async sendEmail(input: SendEmailInput): Promise<SentMessage> {
      try {
        if (!input.text && !input.html && !input.assetId)
          throw new ChannelError('invalid', 'an email needs text, html or an asset');
        const { em, conversation, account } = await loadSendContext(
          deps,
          input.tenantId,
          input.conversationId,
          'email',
        );
        const mailbox = mailboxOf(account.externalAccountId);
        if (!mailbox)
          throw new ChannelError(
            'invalid',
            `the email account ${account.externalAccountId} is not an address`,
          );
        const identity = await em.findOne(
          ChannelIdentity,
          { channel: 'email', customer: conversation.customer.id },
          { orderBy: { updatedAt: 'desc' } },
        );
        const to = identity?.externalId ?? conversation.customer.getEntity().emails?.[0];
        if (!to)
          throw new ChannelError('invalid', `customer ${conversation.customer.id} has no email address`);

        const chain = await em.find(
          Message,
          {
            conversation: conversation.id,
            emailMessageId: { $ne: null },
            // This send's own row (a retry) is not its own predecessor; NULL keys are inbound mail.
            $or: [{ idempotencyKey: null }, { idempotencyKey: { $ne: input.idempotencyKey } }],
          },
          { orderBy: { sentAt: 'asc' }, fields: ['emailMessageId', 'sentAt'] },
        );
        const ids = chain.map((m) => m.emailMessageId!).filter(Boolean);
        const references = ids.length > MAX_REFERENCES ? [ids[0]!, ...ids.slice(-(MAX_REFERENCES - 1))] : ids;
        const inReplyTo = ids[ids.length - 1] ?? null;
        const domain = mailbox.split('@')[1]!;
        const keyHash = createHash('sha256')
          .update(`${input.tenantId}:${input.idempotencyKey}`)
          .digest('hex');
        const messageId = `<${keyHash.slice(0, 32)}@${domain}>`;
        const html = input.html ? sanitizeEmailHtml(input.html) : null;
        const text = input.text ?? (html ? htmlToPlainText(html) : '');
        const subject = input.subject ?? replySubject(conversation.subject);
        const attachments: { filename: string; contentType: string; content: Buffer }[] = (
          input.attachments ?? []
        ).map((a) => ({
          filename: a.filename,
          contentType: a.contentType,
          content: Buffer.from(a.contentBase64, 'base64'),
        }));
        const recorded: MessageAttachment[] = attachments.map((a) => ({
          fileName: a.filename,
          contentType: a.contentType,
          size: a.content.length,
        }));
        if (input.assetId) {
          const { asset } = await loadAssetForSend(deps.assets, em, input.assetId, 'email');
          const content = await assetBytes(deps.assets, asset);
          attachments.push({ filename: asset.fileName, contentType: asset.contentType, content });
          recorded.push(attachmentOf(asset));
        }

        return await sendOnce(
          em,
          {
            idempotencyKey: input.idempotencyKey,
            conversationId: conversation.id,
            authorId: input.authorId ?? null,
            body: text,
            html,
            attachments: recorded,
            metadata: { kind: 'email', recipient: to, subject },
            email: { messageId, inReplyTo, references },
            now: deps.clock(),
          },
          async () => {
            await withRetries(
              async () => {
                try {
                  await transport.sendMail({
                    messageId,
                    from: {
                      name: account.settings?.fromName ?? account.displayName ?? mailbox,
                      address: mailbox,
                    },
                    replyTo: threadReplyAddress(mailbox, threadTokenOfConversation(conversation.id)),
                    to,
                    subject,
                    text,
                    ...(html ? { html } : {}),
                    ...(inReplyTo ? { inReplyTo } : {}),
                    ...(references.length > 0 ? { references } : {}),
                    attachments,
                  });
                } catch (error) {
                  throw smtpError(error as SmtpError);
                }
              },
              deps.retry,
              deps.sleep,
              (r) =>
                deps.onRetry?.({
                  channel: 'email',
                  attempt: r.attempt,
                  delayMs: r.delayMs,
                  message: r.error.message,
                }),
            );
            return messageId;
          },
          deps.clock,
        );
      } catch (error) {
        throw toActivityFailure(error);
      }
    },
    close: (): void => transport.close(),
  };
};
