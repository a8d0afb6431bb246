import { Router } from 'express';
import { z } from 'zod';
import type { SandboxContext } from '../sandboxContext';
import { newIds } from '../state/ids';
import type { InstagramAccount, InstagramComment, InstagramUser } from '../state/sandboxState';
import {
  instagramCommentEvent,
  instagramMentionEvent,
  instagramMessagingEvent,
} from '../webhooks/instagramEvents';
import { notFound, parseBody } from './controlError';

const link = z.url({ protocol: /^https?$/, message: 'must be an http or https URL' });
const customer = z
  .object({
    id: z
      .string()
      .regex(/^\d{5,20}$/, 'must be an Instagram-scoped id (digits)')
      .optional(),
    username: z
      .string()
      .regex(/^[a-z0-9._]{1,30}$/, 'must be an Instagram username')
      .default('sandbox.customer'),
    name: z.string().min(1).max(100).optional(),
  })
  .strict()
  .default({ username: 'sandbox.customer' });
const base = { igUserId: z.string().min(1).optional(), from: customer };

const dmSchema = z
  .object({
    ...base,
    text: z.string().min(1).max(1000).optional(),
    image: link.optional(),
    replyToMid: z.string().min(1).optional(),
  })
  .strict()
  .refine((m) => (m.text === undefined) !== (m.image === undefined), {
    message: 'exactly one of text and image is required',
  });
const commentSchema = z
  .object({
    ...base,
    mediaId: z.string().regex(/^\d+$/).optional(),
    text: z.string().min(1).max(2200),
    parentId: z.string().min(1).optional(),
  })
  .strict();
const storyReplySchema = z
  .object({ ...base, text: z.string().min(1).max(1000), storyId: z.string().regex(/^\d+$/).optional() })
  .strict();
const storyMentionSchema = z.object({ ...base, storyUrl: link.optional() }).strict();
const mentionSchema = z
  .object({ ...base, text: z.string().min(1).max(2200), mediaId: z.string().regex(/^\d+$/).optional() })
  .strict();

/** Acting as an Instagram user: direct messages, comments, story replies and story mentions. */
export const instagramCustomerRoutes = (ctx: SandboxContext): Router => {
  const { state } = ctx;
  const router = Router();

  const account = (igUserId: string | undefined): InstagramAccount => {
    const found = igUserId
      ? state.instagramAccounts.find((a) => a.igUserId === igUserId)
      : state.instagramAccounts[0];
    if (!found) throw notFound(`Instagram account ${igUserId}`);
    return found;
  };
  /** The customer as the profile lookup will see them; the same username keeps the same id. */
  const user = (from: z.infer<typeof customer>): InstagramUser => {
    const existing = from.id
      ? state.instagramUsers.get(from.id)
      : [...state.instagramUsers.values()].find((u) => u.username === from.username);
    const id = existing?.id ?? from.id ?? newIds.instagramScopedUserId();
    const updated: InstagramUser = {
      id,
      username: from.username,
      name: from.name ?? existing?.name ?? from.username,
      profile_pic: `https://sandbox.invalid/profile/${id}.jpg`,
    };
    state.instagramUsers.set(id, updated);
    return updated;
  };
  const message = (acct: InstagramAccount, senderId: string, body: Record<string, unknown>) => {
    const mid = newIds.instagramMid();
    const payload = instagramMessagingEvent(acct, { senderId, at: new Date(), message: { mid, ...body } });
    return { mid, payload, delivery: ctx.webhooks.send('instagram', JSON.stringify(payload)) };
  };

  router.post('/inbound', (req, res) => {
    const m = parseBody(dmSchema, req);
    const sender = user(m.from);
    const sent = message(account(m.igUserId), sender.id, {
      ...(m.text !== undefined
        ? { text: m.text }
        : { attachments: [{ type: 'image', payload: { url: m.image } }] }),
      ...(m.replyToMid ? { reply_to: { mid: m.replyToMid } } : {}),
    });
    res.status(202).json({
      messageId: sent.mid,
      senderId: sender.id,
      deliveryId: sent.delivery.id,
      payload: sent.payload,
    });
  });

  router.post('/story-replies', (req, res) => {
    const m = parseBody(storyReplySchema, req);
    const sender = user(m.from);
    const storyId = m.storyId ?? newIds.instagramObjectId();
    const sent = message(account(m.igUserId), sender.id, {
      text: m.text,
      reply_to: { story: { id: storyId, url: `https://sandbox.invalid/stories/${storyId}.mp4` } },
    });
    res.status(202).json({
      messageId: sent.mid,
      senderId: sender.id,
      deliveryId: sent.delivery.id,
      payload: sent.payload,
    });
  });

  router.post('/story-mentions', (req, res) => {
    const m = parseBody(storyMentionSchema, req);
    const sender = user(m.from);
    const url = m.storyUrl ?? `https://sandbox.invalid/stories/${newIds.instagramObjectId()}.jpg`;
    const sent = message(account(m.igUserId), sender.id, {
      attachments: [{ type: 'story_mention', payload: { url } }],
    });
    res.status(202).json({
      messageId: sent.mid,
      senderId: sender.id,
      deliveryId: sent.delivery.id,
      payload: sent.payload,
    });
  });

  router.post('/comments', (req, res) => {
    const m = parseBody(commentSchema, req);
    const acct = account(m.igUserId);
    const author = user(m.from);
    if (m.parentId && !state.comments.has(m.parentId)) throw notFound(`comment ${m.parentId}`);
    const comment: InstagramComment = {
      id: newIds.instagramObjectId(),
      at: new Date().toISOString(),
      mediaId: m.mediaId ?? '17900000000000001',
      igUserId: acct.igUserId,
      from: { id: author.id, username: author.username },
      text: m.text,
      parentId: m.parentId ?? null,
      privateReplyId: null,
    };
    state.comments.set(comment.id, comment);
    const payload = instagramCommentEvent(acct, comment, new Date(comment.at));
    const delivery = ctx.webhooks.send('instagram', JSON.stringify(payload));
    res.status(202).json({ commentId: comment.id, senderId: author.id, deliveryId: delivery.id, payload });
  });

  // An @mention of the business in a comment on someone else's post: Meta sends only the ids.
  router.post('/mentions', (req, res) => {
    const m = parseBody(mentionSchema, req);
    const acct = account(m.igUserId);
    const author = user(m.from);
    const comment: InstagramComment = {
      id: newIds.instagramObjectId(),
      at: new Date().toISOString(),
      mediaId: m.mediaId ?? newIds.instagramObjectId(),
      igUserId: acct.igUserId,
      from: { id: author.id, username: author.username },
      text: m.text.includes(`@${acct.username}`) ? m.text : `@${acct.username} ${m.text}`,
      parentId: null,
      privateReplyId: null,
    };
    state.comments.set(comment.id, comment);
    const payload = instagramMentionEvent(acct, comment, new Date(comment.at));
    const delivery = ctx.webhooks.send('instagram', JSON.stringify(payload));
    res.status(202).json({ commentId: comment.id, senderId: author.id, deliveryId: delivery.id, payload });
  });

  router.get('/messages', (_req, res) => {
    res.json({ data: state.instagramMessages });
  });
  router.get('/comments', (_req, res) => {
    res.json({ data: [...state.comments.values()] });
  });
  router.get('/comment-replies', (req, res) => {
    const commentId = req.query['commentId'];
    res.json({
      data: state.commentReplies.filter((r) => typeof commentId !== 'string' || r.commentId === commentId),
    });
  });

  return router;
};
