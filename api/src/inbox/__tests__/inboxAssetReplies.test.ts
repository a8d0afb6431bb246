import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Express } from 'express';
import request from 'supertest';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { Conversation, forTenant, Message, ScheduledReply, signAssetLink } from '@c360/store';
import {
  eventually,
  HARNESS_ASSET_LINK_SECRET,
  openChannelHarness,
  openSendWorker,
  type AnyJson,
  type ChannelHarness,
} from '../../webhooks/__tests__/support/channelHarness';

/**
 * Quick-send assets through the API: a reply carries one of the tenant's assets to WhatsApp and
 * Instagram (a signed link to this API, which the sandbox fetches) and to e-mail (an attachment);
 * bad assets are refused with a 400 naming `body.assetId` before anything is stored or sent; the
 * signed links serve one asset of one tenant until they expire. Send later carries the asset
 * through the send path's workflow.
 */
Runtime.install({ logger: new DefaultLogger('ERROR') });

let h: ChannelHarness;
let app: Express;
let agent = '';
let agentB = '';
let sendPath: Awaited<ReturnType<typeof openSendWorker>>;

beforeAll(async () => {
  h = await openChannelHarness('assetreply', undefined, { assets: { emailMaxBytes: 64 * 1024 } });
  agent = `Bearer ${await h.ctx.token(h.tenant, 'agent')}`;
  agentB = `Bearer ${await h.ctx.token(h.ctx.b, 'agent')}`;
  sendPath = await openSendWorker(h, 'asset-replies');
  app = h.ctx.appWith({ ...h.appDeps, sends: sendPath.sends });
}, 120_000);
afterAll(async () => {
  await sendPath?.close();
  await h?.close();
});

const em = () => forTenant(h.ctx.orm.em.fork(), h.tenant.id);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

const upload = async (auth: string, fileName: string, contentType: string, bytes: Buffer) => {
  const up = await request(app)
    .post('/api/v1/replies/assets')
    .set('Authorization', auth)
    .attach('file', bytes, { filename: fileName, contentType });
  expect(up.status).toBe(201);
  return up.body.id as string;
};

const reply = (conversationId: string, body: object) =>
  request(app)
    .post(`/api/v1/inbox/conversations/${conversationId}/reply`)
    .set('Authorization', agent)
    .send(body);

const binary = (req: request.Test) =>
  req.buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => done(null, Buffer.concat(chunks)));
  });

const whatsappConversation = async () => {
  const phone = `1555${Math.floor(1_000_000 + Math.random() * 8_999_999)}`;
  await h.control('POST', '/whatsapp/inbound', { from: phone, name: 'Ada', text: 'Show me the shoe' });
  const c = await eventually(() =>
    em().findOne(Conversation, { channel: 'whatsapp', externalThreadId: phone }),
  );
  return { phone, id: c.id };
};

const messagesOf = (conversationId: string) =>
  em().find(
    Message,
    { conversation: conversationId, direction: 'outbound' },
    { orderBy: { createdAt: 'asc' } },
  );

describe('a reply with an asset', () => {
  it('sends an image with its caption on WhatsApp; the sandbox fetches the bytes from the signed link', async () => {
    const png = randomBytes(3000);
    const assetId = await upload(agent, 'shoe.png', 'image/png', png);
    const c = await whatsappConversation();
    const sent = await reply(c.id, { text: 'The blue one', assetId });
    expect(sent.status).toBe(201);
    const [message] = await eventually(async () => {
      const found = (await h.control('GET', `/whatsapp/messages?to=${c.phone}`)).json.data as AnyJson[];
      return found[0]?.media ? found : undefined;
    });
    expect(message.request).toMatchObject({
      type: 'image',
      image: { caption: 'The blue one', link: expect.stringContaining(`${h.apiUrl}/api/v1/public/assets/`) },
    });
    expect(message.media).toMatchObject({
      ok: true,
      contentType: 'image/png',
      size: 3000,
      sha256: sha256(png),
    });

    // The thread shows the attachment with a signed link that opens the same bytes.
    const thread = await request(app).get(`/api/v1/inbox/conversations/${c.id}`).set('Authorization', agent);
    const item = (thread.body.items as AnyJson[]).find((i) => i.id === sent.body.messageId);
    expect(item).toMatchObject({ body: 'The blue one', direction: 'outbound' });
    expect(item.attachments).toEqual([
      {
        assetId,
        fileName: 'shoe.png',
        contentType: 'image/png',
        size: 3000,
        url: expect.stringContaining('/api/v1/public/assets/'),
      },
    ]);
    const opened = await binary(request(item.attachments[0].url as string).get(''));
    expect(opened.status).toBe(200);
    expect(sha256(opened.body as Buffer)).toBe(sha256(png));
  });

  it('sends a PDF alone on Instagram as a file, and with text by e-mail as an attachment', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(2000)]);
    const assetId = await upload(agent, 'menu.pdf', 'application/pdf', pdf);
    const tag = randomUUID().slice(0, 6);
    const ig = await h.control('POST', '/instagram/inbound', {
      from: { username: `ig_${tag}` },
      text: 'Menu?',
    });
    const igConversation = await eventually(() =>
      em().findOne(Conversation, { channel: 'instagram', externalThreadId: `dm:${ig.json.senderId}` }),
    );
    expect((await reply(igConversation.id, { assetId })).status).toBe(201);
    const dms = ((await h.control('GET', '/instagram/messages')).json.data as AnyJson[]).filter(
      (m) => m.recipientId === ig.json.senderId,
    );
    expect(dms.map((m) => m.message.attachment?.type)).toEqual(['file']);
    expect(dms[0].media).toMatchObject({ ok: true, sha256: sha256(pdf) });

    const address = `ada.${tag}@example.com`;
    await h.control('POST', '/email/inbound', {
      from: address,
      to: [h.mailbox],
      subject: `Menu ${tag}`,
      text: 'Can you mail the menu?',
    });
    const mailConversation = await eventually(() =>
      em().findOne(Conversation, { channel: 'email', subject: `Menu ${tag}` }),
    );
    expect((await reply(mailConversation.id, { text: 'Here it is.', assetId })).status).toBe(201);
    const [mail] = (await h.control('GET', `/mail?to=${encodeURIComponent(address)}`)).json.data as AnyJson[];
    expect(mail.attachments).toEqual([
      expect.objectContaining({ filename: 'menu.pdf', contentType: 'application/pdf', sha256: sha256(pdf) }),
    ]);
  });

  it('refuses a bad asset with a 400 naming body.assetId, and stores and sends nothing', async () => {
    const c = await whatsappConversation();
    const mp3 = await upload(agent, 'song.mp3', 'audio/mpeg', randomBytes(100));
    const bigPng = await upload(agent, 'huge.png', 'image/png', randomBytes(5 * 1024 * 1024 + 1));
    const bigPdf = await upload(agent, 'big.pdf', 'application/pdf', randomBytes(65 * 1024));
    const theirs = await upload(agentB, 'theirs.png', 'image/png', randomBytes(100));
    const tag = randomUUID().slice(0, 6);
    const ig = await h.control('POST', '/instagram/inbound', { from: { username: `ig_${tag}` }, text: 'hi' });
    const igConversation = await eventually(() =>
      em().findOne(Conversation, { channel: 'instagram', externalThreadId: `dm:${ig.json.senderId}` }),
    );
    await h.control('POST', '/email/inbound', {
      from: `bo.${tag}@example.com`,
      to: [h.mailbox],
      subject: `Big ${tag}`,
      text: 'Send the catalogue',
    });
    const mailConversation = await eventually(() =>
      em().findOne(Conversation, { channel: 'email', subject: `Big ${tag}` }),
    );

    const refusals: [string, object, string][] = [
      [c.id, { assetId: randomUUID() }, 'is not an asset of this tenant'],
      [c.id, { text: 'x', assetId: theirs }, 'is not an asset of this tenant'],
      [c.id, { assetId: bigPng }, 'WhatsApp takes image files up to 5 MB'],
      [igConversation.id, { assetId: mp3 }, 'Instagram cannot carry audio/mpeg'],
      [mailConversation.id, { text: 'x', assetId: bigPdf }, 'e-mail attachments are limited to 64 KB'],
    ];
    for (const [conversationId, body, message] of refusals) {
      const refused = await reply(conversationId, body);
      expect(refused.status).toBe(400);
      expect(refused.body.error.fields).toEqual([
        { path: 'body.assetId', message: expect.stringContaining(message) },
      ]);
    }
    const withTemplate = await reply(c.id, {
      assetId: mp3,
      template: { name: 'x', language: 'en_US' },
    });
    expect(withTemplate.status).toBe(400);
    expect(withTemplate.body.error.fields).toEqual([
      expect.objectContaining({ path: 'body.assetId', message: expect.stringContaining('template') }),
    ]);
    const empty = await reply(c.id, {});
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields[0].path).toBe('body.text');
    // Send later refuses the same way before any row or workflow exists.
    const later = await reply(c.id, {
      assetId: theirs,
      sendAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(later.status).toBe(400);
    expect(later.body.error.fields[0].path).toBe('body.assetId');

    for (const id of [c.id, igConversation.id, mailConversation.id]) expect(await messagesOf(id)).toEqual([]);
    expect(await em().count(ScheduledReply, { conversation: c.id })).toBe(0);
    expect((await h.control('GET', `/whatsapp/messages?to=${c.phone}`)).json.data).toEqual([]);
    expect(
      ((await h.control('GET', '/instagram/messages')).json.data as AnyJson[]).filter(
        (m) => m.recipientId === ig.json.senderId,
      ),
    ).toEqual([]);
    expect(
      (await h.control('GET', `/mail?to=${encodeURIComponent(`bo.${tag}@example.com`)}`)).json.data,
    ).toEqual([]);
  });

  it('sends a scheduled reply with its asset through the send path', async () => {
    const jpg = randomBytes(1500);
    const assetId = await upload(agent, 'coupon.jpg', 'image/jpeg', jpg);
    const c = await whatsappConversation();
    const scheduled = await reply(c.id, {
      text: 'Your coupon',
      assetId,
      sendAt: new Date().toISOString(),
    });
    expect(scheduled.status).toBe(202);
    expect(scheduled.body.content).toEqual({ type: 'text', text: 'Your coupon', assetId });
    const [message] = await eventually(async () => {
      const found = (await h.control('GET', `/whatsapp/messages?to=${c.phone}`)).json.data as AnyJson[];
      return found[0]?.media ? found : undefined;
    });
    expect(message.request.image.caption).toBe('Your coupon');
    expect(message.media).toMatchObject({ ok: true, sha256: sha256(jpg) });
  });
});

describe('signed asset links', () => {
  const link = (token: string) => request(app).get(`/api/v1/public/assets/${token}`);

  it('serve the asset of the link’s tenant only, and refuse a forged, altered or expired link', async () => {
    const bytes = randomBytes(500);
    const assetId = await upload(agent, 'a.png', 'image/png', bytes);
    const inAnHour = new Date(Date.now() + 3_600_000);
    const good = signAssetLink(HARNESS_ASSET_LINK_SECRET, {
      tenantId: h.tenant.id,
      assetId,
      expiresAt: inAnHour,
    });
    const served = await binary(link(good));
    expect(served.status).toBe(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(sha256(served.body as Buffer)).toBe(sha256(bytes));

    // Signed for another tenant: the asset is looked up in that tenant only.
    const otherTenant = signAssetLink(HARNESS_ASSET_LINK_SECRET, {
      tenantId: h.ctx.b.id,
      assetId,
      expiresAt: inAnHour,
    });
    expect((await link(otherTenant)).status).toBe(404);

    const forged = signAssetLink('someone-elses-secret-0123456789abcdefgh', {
      tenantId: h.tenant.id,
      assetId,
      expiresAt: inAnHour,
    });
    const swapped = `${h.ctx.b.id}${good.slice(h.tenant.id.length)}`;
    const expired = signAssetLink(HARNESS_ASSET_LINK_SECRET, {
      tenantId: h.tenant.id,
      assetId,
      expiresAt: new Date(Date.now() - 1000),
    });
    for (const [token, why] of [
      [forged, 'signature'],
      [swapped, 'signature'],
      [expired, 'expired'],
      ['not-a-link', 'not an asset link'],
    ] as const) {
      const refused = await link(token);
      expect(refused.status).toBe(403);
      expect(refused.body.error.message).toContain(why);
    }
  });
});
