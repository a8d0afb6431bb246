import { z } from 'zod';
import type { SandboxContext } from '../sandboxContext';
import { newIds } from '../state/ids';
import type { InstagramAccount } from '../state/sandboxState';
import { fetchMedia } from './fetchMedia';
import { graphBody } from './formBody';
import { GraphError, graphErrors } from './graphError';
import type { GraphHandler } from './graphRoute';

const instagramSendSchema = z.object({
  recipient: z.union([
    z.object({ id: z.string().min(1) }).strict(),
    z.object({ comment_id: z.string().min(1) }).strict(),
  ]),
  messaging_type: z.enum(['RESPONSE', 'UPDATE', 'MESSAGE_TAG']).optional(),
  tag: z.literal('HUMAN_AGENT').optional(),
  message: z.union([
    z.object({ text: z.string().min(1).max(1000) }),
    z.object({
      attachment: z.object({
        type: z.enum(['image', 'video', 'audio', 'file']),
        payload: z.object({ url: z.url({ protocol: /^https?$/ }) }),
      }),
    }),
  ]),
});

const instagramError = (error: z.ZodError): GraphError => {
  const issue = error.issues[0]!;
  const field = issue.path.join('.') || 'body';
  return issue.code === 'invalid_type' && issue.message.includes('undefined')
    ? graphErrors.invalidParameter(`The parameter ${field} is required`, false)
    : graphErrors.invalidParameter(`Param ${field} ${issue.message}`, false);
};

/**
 * `POST /{ig-user-id}/messages`: a direct message to an Instagram-scoped user id, or a private
 * reply when the recipient is a comment id (one per comment, as Meta allows).
 */
/** Instagram messaging's attachment limits: image 8 MB, audio, video and file 25 MB. */
const ATTACHMENT_MAX_BYTES: Record<string, number> = {
  image: 8 * 1024 * 1024,
  video: 25 * 1024 * 1024,
  audio: 25 * 1024 * 1024,
  file: 25 * 1024 * 1024,
};

export const sendInstagramMessage =
  (ctx: SandboxContext, account: InstagramAccount): GraphHandler =>
  async ({ req }) => {
    const parsed = instagramSendSchema.safeParse(graphBody(req.body));
    if (!parsed.success) throw instagramError(parsed.error);
    const { recipient, message } = parsed.data;
    let recipientId: string;
    if ('comment_id' in recipient) {
      const comment = ctx.state.comments.get(recipient.comment_id);
      if (!comment || comment.igUserId !== account.igUserId)
        throw graphErrors.unknownObject(recipient.comment_id, 'post');
      if (comment.privateReplyId !== null) throw graphErrors.alreadyPrivatelyReplied(comment.id);
      recipientId = comment.from.id;
    } else {
      if (!ctx.state.instagramUsers.has(recipient.id))
        throw new GraphError(400, {
          error: {
            message: 'No matching user found',
            type: 'OAuthException',
            code: 100,
            error_subcode: 2534014,
            fbtrace_id: newIds.fbtraceId(),
          },
        });
      recipientId = recipient.id;
    }
    // The Send API fetches an attachment's URL before it answers, and refuses the send when it cannot.
    const media =
      'attachment' in message
        ? await fetchMedia(
            message.attachment.payload.url,
            message.attachment.type,
            ATTACHMENT_MAX_BYTES[message.attachment.type]!,
          )
        : undefined;
    if (media && !media.ok)
      throw new GraphError(400, {
        error: {
          message: `(#100) Failed to fetch the file from the url: ${media.error}`,
          type: 'OAuthException',
          code: 100,
          error_subcode: 2018008,
          fbtrace_id: newIds.fbtraceId(),
        },
      });
    const id = newIds.instagramMid();
    ctx.state.instagramMessages.push({
      id,
      at: new Date().toISOString(),
      igUserId: account.igUserId,
      recipient,
      recipientId,
      message,
      ...(media ? { media } : {}),
    });
    if ('comment_id' in recipient) ctx.state.comments.get(recipient.comment_id)!.privateReplyId = id;
    return { status: 200, body: { recipient_id: recipientId, message_id: id } };
  };

/** `POST /{comment-id}/replies?message=...`: a public reply under a comment. */
export const replyToComment =
  (ctx: SandboxContext, commentId: string): GraphHandler =>
  ({ req }) => {
    const body = graphBody(req.body);
    const message = typeof req.query['message'] === 'string' ? req.query['message'] : body['message'];
    if (typeof message !== 'string' || message.trim() === '')
      throw graphErrors.invalidParameter('The parameter message is required', false);
    if (message.length > 2200)
      throw graphErrors.invalidParameter('Param message must be at most 2200 characters', false);
    const id = newIds.instagramObjectId();
    ctx.state.commentReplies.push({ id, at: new Date().toISOString(), commentId, message });
    return { status: 200, body: { id } };
  };

const PROFILE_FIELDS = ['id', 'username', 'name', 'profile_pic'] as const;

/** `GET /{ig-scoped-user-id}?fields=username,name,profile_pic`: the user profile lookup. */
export const instagramProfile =
  (ctx: SandboxContext, userId: string): GraphHandler =>
  ({ req }) => {
    const user = ctx.state.instagramUsers.get(userId)!;
    const asked =
      typeof req.query['fields'] === 'string'
        ? req.query['fields'].split(',').map((f) => f.trim())
        : ['id', 'name'];
    const unknown = asked.find((f) => !(PROFILE_FIELDS as readonly string[]).includes(f));
    if (unknown)
      throw graphErrors.invalidParameter(
        `(#100) Tried accessing nonexisting field (${unknown}) on node type (User)`,
        false,
      );
    const fields = new Set([...asked, 'id']);
    return {
      status: 200,
      body: Object.fromEntries(PROFILE_FIELDS.filter((f) => fields.has(f)).map((f) => [f, user[f]])),
    };
  };
