import { instagramAttachmentType } from '@c360/domain';
import { ChannelIdentity, Conversation, forTenant, Message, type MessageAttachment } from '@c360/store';
import type {
  InstagramContent,
  InstagramProfile,
  ReplyInstagramCommentInput,
  SendInstagramInput,
  SentMessage,
} from '@c360/workflows';
import { assetLinkFor, attachmentOf, loadAssetForSend } from './channelAssets';
import { ChannelError, toActivityFailure } from './channelError';
import { loadSendContext, type ChannelDeps } from './channelContext';
import { sendOnce } from './sendOnce';
import { withRetries } from './withRetries';

const recipientOf = (conversation: Conversation): string => {
  const key = conversation.externalThreadId ?? '';
  const id = key.startsWith('dm:') ? key.slice(3) : key.startsWith('comment:') ? key.split(':')[2] : null;
  if (!id) throw new ChannelError('invalid', `conversation ${conversation.id} has no Instagram contact`);
  return id;
};

/**
 * Instagram messaging: direct messages (also the answer to a story reply or mention, which
 * arrive as DMs), public replies under a comment and private replies to a comment, and the
 * profile lookup behind usernames, cached per tenant in `channel_identity` for a TTL.
 */
export const createInstagramActivities = (deps: ChannelDeps) => {
  const call = <T>(fn: () => Promise<T>) =>
    withRetries(fn, deps.retry, deps.sleep, (r) =>
      deps.onRetry?.({
        channel: 'instagram',
        attempt: r.attempt,
        delayMs: r.delayMs,
        message: r.error.message,
      }),
    );

  /** A direct message; an asset with text is two messages (Instagram's attachments carry no text), the text first. */
  const sendDirect = async (input: SendInstagramInput): Promise<SentMessage> => {
    const { em, conversation, account } = await loadSendContext(
      deps,
      input.tenantId,
      input.conversationId,
      'instagram',
    );
    const recipient = recipientOf(conversation);
    let c: Exclude<InstagramContent, { type: 'asset' }>;
    let attachments: MessageAttachment[] = [];
    if (input.content.type === 'asset') {
      const { assetId, text } = input.content;
      const { asset, kind } = await loadAssetForSend(deps.assets, em, assetId, 'instagram');
      if (text)
        await sendDirect({
          ...input,
          idempotencyKey: `${input.idempotencyKey}:text`,
          content: { type: 'text', text },
        });
      c = {
        type: 'media',
        mediaType: instagramAttachmentType(kind),
        url: assetLinkFor(deps.assets, asset, deps.clock()),
      };
      attachments = [attachmentOf(asset)];
    } else {
      c = input.content;
      if (c.type === 'media')
        attachments = [
          {
            fileName: c.url.split('/').pop() || c.mediaType,
            contentType: `${c.mediaType}/*`,
            size: 0,
            url: c.url,
          },
        ];
    }
    return await sendOnce(
      em,
      {
        idempotencyKey: input.idempotencyKey,
        conversationId: conversation.id,
        authorId: input.authorId ?? null,
        body: c.type === 'text' ? c.text : '',
        attachments,
        metadata: { kind: 'dm' },
        now: deps.clock(),
      },
      async () => {
        const response = await call(() =>
          deps.graph.post<{ message_id?: string }>(`${account.externalAccountId}/messages`, {
            recipient: { id: recipient },
            message:
              c.type === 'text'
                ? { text: c.text }
                : { attachment: { type: c.mediaType, payload: { url: c.url } } },
          }),
        );
        if (!response.message_id)
          throw new ChannelError('transient', 'Instagram accepted the send without a message id');
        return response.message_id;
      },
      deps.clock,
    );
  };

  return {
    async sendInstagramMessage(input: SendInstagramInput): Promise<SentMessage> {
      try {
        return await sendDirect(input);
      } catch (error) {
        throw toActivityFailure(error);
      }
    },

    async replyToInstagramComment(input: ReplyInstagramCommentInput): Promise<SentMessage> {
      try {
        const { em, conversation, account } = await loadSendContext(
          deps,
          input.tenantId,
          input.conversationId,
          'instagram',
        );
        let commentId = input.commentId ?? null;
        if (!commentId) {
          const latest = await em.findOne(
            Message,
            { conversation: conversation.id, direction: 'inbound' },
            { orderBy: { sentAt: 'desc' } },
          );
          commentId = latest?.metadata?.instagramCommentId ?? null;
        }
        if (!commentId)
          throw new ChannelError('invalid', `conversation ${conversation.id} has no comment to reply to`);
        const target = commentId;
        return await sendOnce(
          em,
          {
            idempotencyKey: input.idempotencyKey,
            conversationId: conversation.id,
            authorId: input.authorId ?? null,
            body: input.text,
            metadata: {
              kind: input.visibility === 'public' ? 'comment_reply' : 'private_reply',
              replyToProviderId: target,
            },
            now: deps.clock(),
          },
          async () => {
            if (input.visibility === 'public') {
              const response = await call(() =>
                deps.graph.post<{ id?: string }>(`${target}/replies`, { message: input.text }),
              );
              if (!response.id)
                throw new ChannelError('transient', 'Instagram accepted the reply without an id');
              return response.id;
            }
            const response = await call(() =>
              deps.graph.post<{ message_id?: string }>(`${account.externalAccountId}/messages`, {
                recipient: { comment_id: target },
                message: { text: input.text },
              }),
            );
            if (!response.message_id)
              throw new ChannelError('transient', 'Instagram accepted the private reply without an id');
            return response.message_id;
          },
          deps.clock,
        );
      } catch (error) {
        throw toActivityFailure(error);
      }
    },

    async lookupInstagramProfile(input: { tenantId: string; igsid: string }): Promise<InstagramProfile> {
      try {
        const em = forTenant(deps.orm.em, input.tenantId);
        const identity = await em.findOne(
          ChannelIdentity,
          { channel: 'instagram', externalId: input.igsid },
          { populate: ['customer'] },
        );
        const now = deps.clock();
        if (
          identity?.profileFetchedAt &&
          now.getTime() - identity.profileFetchedAt.getTime() < deps.instagramProfileTtlMs
        ) {
          return {
            igsid: input.igsid,
            username: identity.username ?? null,
            name: identity.displayName ?? null,
            cached: true,
          };
        }
        const profile = await call(() =>
          deps.graph.get<{ username?: string; name?: string }>(input.igsid, { fields: 'username,name' }),
        );
        if (identity) {
          identity.username = profile.username ?? null;
          identity.displayName = profile.name ?? null;
          identity.profileFetchedAt = now;
          // A customer created from a bare IGSID gets a readable name once we know one.
          const customer = identity.customer.getEntity();
          if (customer.firstName === input.igsid && (profile.name || profile.username)) {
            customer.firstName = (profile.name || profile.username)!.slice(0, 200);
          }
          await em.flush();
        }
        return {
          igsid: input.igsid,
          username: profile.username ?? null,
          name: profile.name ?? null,
          cached: false,
        };
      } catch (error) {
        throw toActivityFailure(error);
      }
    },
  };
};
