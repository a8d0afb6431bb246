import type { InstagramAccount, InstagramComment } from '../state/sandboxState';

/** One `messaging` event for the Instagram account, as the Instagram messaging webhook sends it. */
export const instagramMessagingEvent = (
  account: InstagramAccount,
  input: { senderId: string; at: Date; message: Record<string, unknown> },
) => ({
  object: 'instagram',
  entry: [
    {
      id: account.igUserId,
      time: Math.floor(input.at.getTime() / 1000),
      messaging: [
        {
          sender: { id: input.senderId },
          recipient: { id: account.igUserId },
          timestamp: input.at.getTime(),
          message: input.message,
        },
      ],
    },
  ],
});

/** A `comments` change for a comment on one of the account's posts. */
export const instagramCommentEvent = (account: InstagramAccount, comment: InstagramComment, at: Date) => ({
  object: 'instagram',
  entry: [
    {
      id: account.igUserId,
      time: Math.floor(at.getTime() / 1000),
      changes: [
        {
          field: 'comments',
          value: {
            from: { id: comment.from.id, username: comment.from.username },
            media: { id: comment.mediaId, media_product_type: 'FEED' },
            id: comment.id,
            ...(comment.parentId ? { parent_id: comment.parentId } : {}),
            text: comment.text,
          },
        },
      ],
    },
  ],
});

/** A `mentions` change: the business was @mentioned in a comment; Meta sends the ids only. */
export const instagramMentionEvent = (account: InstagramAccount, comment: InstagramComment, at: Date) => ({
  object: 'instagram',
  entry: [
    {
      id: account.igUserId,
      time: Math.floor(at.getTime() / 1000),
      changes: [{ field: 'mentions', value: { media_id: comment.mediaId, comment_id: comment.id } }],
    },
  ],
});
