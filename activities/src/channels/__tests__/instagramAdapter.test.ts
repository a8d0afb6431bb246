import { randomUUID } from 'node:crypto';
import { ChannelIdentity, forTenant, Message, useTestDatabase } from '@c360/store';
import { openAdapterSetup, type AdapterSetup, type AnyJson } from './support/adapterSetup';

const db = useTestDatabase();
let s: AdapterSetup;
let now = new Date('2026-06-01T10:00:00Z');
beforeAll(async () => {
  s = await openAdapterSetup(
    db.orm,
    { attempts: 3, baseDelayMs: 10, maxDelayMs: 50, maxRetryAfterMs: 5_000 },
    () => now,
  );
}, 60_000);
afterAll(async () => s?.close());

const key = () => `wf-${randomUUID()}`;
const data = async (path: string): Promise<AnyJson[]> =>
  (await s.control('GET', path)).json.data as AnyJson[];
const requests = async (endpoint: string) => data(`/requests?endpoint=${endpoint}`);

it('answers a DM, retrying a 429 after the time it asks', async () => {
  const username = `ig_${randomUUID().slice(0, 6)}`;
  const inbound = await s.control('POST', '/instagram/inbound', { from: { username }, text: 'hello' });
  const c = await s.instagramConversation(`dm:${inbound.json.senderId}`);
  await s.control('POST', '/faults', {
    endpoint: 'instagram.messages',
    kind: 'rate_limit',
    count: 1,
    retryAfterSeconds: 1,
  });
  s.sleeps.length = 0;
  const input = {
    tenantId: s.tenantId,
    conversationId: c.id,
    idempotencyKey: key(),
    content: { type: 'text' as const, text: 'Hi! How can we help?' },
  };
  const sent = await s.activities.sendInstagramMessage(input);
  expect(s.sleeps).toEqual([1000]);
  const again = await s.activities.sendInstagramMessage(input);
  expect(again).toMatchObject({ alreadySent: true, providerMessageId: sent.providerMessageId });
  const delivered = (await data('/instagram/messages')).filter((m) =>
    JSON.stringify(m).includes('How can we help'),
  );
  expect(delivered).toHaveLength(1);
});

it('replies to a comment publicly and privately, once each', async () => {
  const username = `ig_${randomUUID().slice(0, 6)}`;
  const comment = await s.control('POST', '/instagram/comments', { from: { username }, text: 'Price?' });
  const c = await s.instagramConversation(`comment:media:${comment.json.senderId}`);
  const pub = await s.activities.replyToInstagramComment({
    tenantId: s.tenantId,
    conversationId: c.id,
    idempotencyKey: key(),
    visibility: 'public',
    commentId: comment.json.commentId,
    text: 'It is 25 €',
  });
  const priv = await s.activities.replyToInstagramComment({
    tenantId: s.tenantId,
    conversationId: c.id,
    idempotencyKey: key(),
    visibility: 'private',
    commentId: comment.json.commentId,
    text: 'Sent you the details in DM',
  });
  const replies = await data(`/instagram/comment-replies?commentId=${comment.json.commentId}`);
  expect(replies.map((r) => r.id ?? r.replyId)).toContain(pub.providerMessageId);
  const dms = (await data('/instagram/messages')).filter((m) =>
    JSON.stringify(m).includes('Sent you the details'),
  );
  expect(dms).toHaveLength(1);
  const rows = await forTenant(db.orm.em.fork(), s.tenantId).find(
    Message,
    { conversation: c.id },
    { orderBy: { sentAt: 'asc' } },
  );
  expect(rows.map((r) => r.metadata.kind)).toEqual(['comment_reply', 'private_reply']);
  expect(priv.alreadySent).toBe(false);
});

it('caches usernames per tenant until the TTL runs out', async () => {
  const username = `ig_${randomUUID().slice(0, 6)}`;
  const inbound = await s.control('POST', '/instagram/inbound', {
    from: { username, name: 'Rosa P' },
    text: 'hey',
  });
  const igsid = inbound.json.senderId as string;
  const c = await s.instagramConversation(`dm:${igsid}`);
  const em = forTenant(db.orm.em.fork(), s.tenantId);
  em.create(ChannelIdentity, {
    tenant: s.tenantId,
    customer: c.customerId,
    channel: 'instagram',
    externalId: igsid,
  });
  await em.flush();
  const before = (await requests('instagram.profile')).length;

  const first = await s.activities.lookupInstagramProfile({ tenantId: s.tenantId, igsid });
  expect(first).toMatchObject({ username, cached: false });
  const second = await s.activities.lookupInstagramProfile({ tenantId: s.tenantId, igsid });
  expect(second).toMatchObject({ username, cached: true });
  expect((await requests('instagram.profile')).length).toBe(before + 1);

  now = new Date(now.getTime() + 61_000);
  const third = await s.activities.lookupInstagramProfile({ tenantId: s.tenantId, igsid });
  expect(third.cached).toBe(false);
  expect((await requests('instagram.profile')).length).toBe(before + 2);
});
