import type { MessageAttachment, MessageMetadata } from '@c360/store';

/** One inbound Instagram event: a DM, a story reply or mention (both arrive as DMs), or a comment. */
export type InstagramWebhookEvent = {
  accountId: string;
  senderId: string;
  username: string | null;
  id: string;
  sentAt: Date;
  body: string;
  attachments: MessageAttachment[];
  metadata: MessageMetadata;
  /** `dm:<sender>` for direct messages, `comment:<media>:<sender>` for comments on a post. */
  threadKey: string;
  threadKind: 'dm' | 'comment';
  mediaId: string | null;
};

type Json = Record<string, unknown>;
const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

/** Every customer-sent event in an `instagram` webhook; our own echoes and replies are skipped. */
export const instagramWebhookEvents = (payload: unknown, receivedAt: Date): InstagramWebhookEvent[] => {
  const events: InstagramWebhookEvent[] = [];
  for (const e of arr(obj(payload)['entry'])) {
    const entry = obj(e);
    const accountId = str(entry['id']);
    if (!accountId) continue;
    for (const raw of arr(entry['messaging'])) {
      const item = obj(raw);
      const message = obj(item['message']);
      const senderId = str(obj(item['sender'])['id']);
      const mid = str(message['mid']);
      if (!senderId || !mid || senderId === accountId || message['is_echo'] === true) continue;
      const attachments = arr(message['attachments']).map(obj);
      const mention = attachments.find((a) => a['type'] === 'story_mention');
      const story = obj(obj(message['reply_to'])['story']);
      const metadata: MessageMetadata = { kind: 'dm' };
      if (mention) {
        metadata.kind = 'story_mention';
        metadata.storyUrl = str(obj(mention['payload'])['url']) ?? undefined;
      } else if (str(story['id']) || str(story['url'])) {
        metadata.kind = 'story_reply';
        metadata.storyUrl = str(story['url']) ?? undefined;
        metadata['storyId'] = str(story['id']);
      }
      const replyTo = str(obj(message['reply_to'])['mid']);
      if (replyTo) metadata.replyToProviderId = replyTo;
      events.push({
        accountId,
        senderId,
        username: null,
        id: mid,
        sentAt: new Date(Number(item['timestamp'] ?? receivedAt.getTime())),
        body: str(message['text']) ?? (mention ? 'Mentioned you in their story' : ''),
        attachments: attachments
          .filter((a) => a !== mention && str(obj(a['payload'])['url']))
          .map((a) => ({
            fileName: `${str(a['type']) ?? 'file'}`,
            contentType: a['type'] === 'image' ? 'image/*' : 'application/octet-stream',
            size: 0,
            url: str(obj(a['payload'])['url'])!,
          })),
        metadata,
        threadKey: `dm:${senderId}`,
        threadKind: 'dm',
        mediaId: null,
      });
    }
    for (const raw of arr(entry['changes'])) {
      const change = obj(raw);
      if (change['field'] !== 'comments') continue;
      const value = obj(change['value']);
      const from = obj(value['from']);
      const senderId = str(from['id']);
      const id = str(value['id']);
      const mediaId = str(obj(value['media'])['id']);
      if (!senderId || !id || senderId === accountId) continue;
      events.push({
        accountId,
        senderId,
        username: str(from['username']),
        id,
        sentAt: receivedAt,
        body: str(value['text']) ?? '',
        attachments: [],
        metadata: {
          kind: 'comment',
          instagramCommentId: id,
          instagramMediaId: mediaId ?? undefined,
          ...(str(value['parent_id']) ? { replyToProviderId: str(value['parent_id'])! } : {}),
        },
        threadKey: `comment:${mediaId ?? 'unknown'}:${senderId}`,
        threadKind: 'comment',
        mediaId,
      });
    }
  }
  return events;
};
