import { randomBytes, randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/activity';
import {
  ChannelAccount,
  Conversation,
  Customer,
  forTenant,
  Message,
  Tenant,
  useTestDatabase,
} from '@c360/store';
import { CHANNEL_FAILURES } from '@c360/workflows';
import { openAdapterSetup, type AdapterSetup, type AnyJson } from './support/adapterSetup';
import { startAssetLinkServer, type AssetLinkServer } from './support/assetLinkServer';

/**
 * Reply assets through the real adapters to the sandbox: WhatsApp and Instagram get a signed link
 * the sandbox fetches (as Meta's servers do) and e-mail gets a MIME attachment; in each case the
 * bytes that arrive are the bytes stored.
 */
const db = useTestDatabase();
let s: AdapterSetup;
let links: AssetLinkServer;
beforeAll(async () => {
  links = await startAssetLinkServer(db.orm);
  s = await openAdapterSetup(
    db.orm,
    { attempts: 2, baseDelayMs: 10, maxDelayMs: 20, maxRetryAfterMs: 1_000 },
    () => new Date(),
    { assets: links.assets },
  );
  const em = forTenant(db.orm.em.fork(), s.tenantId);
  em.create(ChannelAccount, { tenant: s.tenantId, channel: 'email', externalAccountId: 'care@assets.test' });
  await em.flush();
}, 60_000);
afterAll(async () => {
  await s?.close();
  await links?.close();
});

const key = () => `wf-${randomUUID()}`;
const file = (fileName: string, contentType: string, size = 2048) => ({
  fileName,
  contentType,
  bytes: randomBytes(size),
});

const failureOf = async (p: Promise<unknown>): Promise<ApplicationFailure> => {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApplicationFailure);
  return error as ApplicationFailure;
};

/** Polls the sandbox until `pick` finds something (the WhatsApp link is fetched after the answer). */
const eventually = async <T>(pick: () => Promise<T | undefined>): Promise<T> => {
  for (let i = 0; i < 100; i += 1) {
    const found = await pick();
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('the sandbox never had it');
};

const whatsappTo = async (waId: string): Promise<AnyJson[]> =>
  (await s.control('GET', `/whatsapp/messages?to=${waId}`)).json.data as AnyJson[];

const rowsOf = (conversationId: string) =>
  forTenant(db.orm.em.fork(), s.tenantId).find(
    Message,
    { conversation: conversationId },
    { orderBy: { sentAt: 'asc', createdAt: 'asc' } },
  );

it('sends an image on WhatsApp by a signed link with its caption, and the sandbox fetches the same bytes', async () => {
  const c = await s.whatsappConversation(new Date());
  const asset = await links.add(s.tenantId, file('shoe.png', 'image/png'));
  const input = {
    tenantId: s.tenantId,
    conversationId: c.id,
    idempotencyKey: key(),
    content: { type: 'asset' as const, assetId: asset.id, caption: 'The blue one' },
  };
  const sent = await s.activities.sendWhatsAppMessage(input);
  const [message] = await eventually(async () => {
    const found = await whatsappTo(c.waId);
    return found[0]?.media ? found : undefined;
  });
  expect(message.type).toBe('image');
  expect(message.request.image.caption).toBe('The blue one');
  expect(message.request.image.link).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/public\/assets\//);
  expect(message.media).toMatchObject({
    ok: true,
    contentType: 'image/png',
    size: 2048,
    sha256: asset.sha256,
  });
  const [row] = await rowsOf(c.id);
  expect(row).toMatchObject({ id: sent.messageId, body: 'The blue one' });
  expect(row!.attachments).toEqual([
    { assetId: asset.id, fileName: 'shoe.png', contentType: 'image/png', size: 2048 },
  ]);
  // A retry of the same activity sends nothing more.
  expect(await s.activities.sendWhatsAppMessage(input)).toMatchObject({ alreadySent: true });
  expect(await whatsappTo(c.waId)).toHaveLength(1);
});

it('sends a document with its file name, and audio after its text (audio takes no caption)', async () => {
  const c = await s.whatsappConversation(new Date());
  const pdf = await links.add(s.tenantId, file('invoice.pdf', 'application/pdf'));
  const ogg = await links.add(s.tenantId, file('note.ogg', 'audio/ogg', 4096));
  await s.activities.sendWhatsAppMessage({
    tenantId: s.tenantId,
    conversationId: c.id,
    idempotencyKey: key(),
    content: { type: 'asset', assetId: pdf.id },
  });
  await s.activities.sendWhatsAppMessage({
    tenantId: s.tenantId,
    conversationId: c.id,
    idempotencyKey: key(),
    content: { type: 'asset', assetId: ogg.id, caption: 'Listen to this' },
  });
  const messages = await eventually(async () => {
    const found = await whatsappTo(c.waId);
    return found.length === 3 && found.every((m) => m.type === 'text' || m.media) ? found : undefined;
  });
  expect(messages.map((m) => m.type)).toEqual(['document', 'text', 'audio']);
  expect(messages[0].request.document.filename).toBe('invoice.pdf');
  expect(messages[0].media.sha256).toBe(pdf.sha256);
  expect(messages[1].request.text.body).toBe('Listen to this');
  expect(messages[2].request.audio).toEqual({ link: expect.any(String) });
  expect(messages[2].media).toMatchObject({ ok: true, size: 4096, sha256: ogg.sha256 });
});

it('sends a PDF on Instagram as a file attachment after its text, the bytes intact', async () => {
  const username = `ig_${randomUUID().slice(0, 6)}`;
  const inbound = await s.control('POST', '/instagram/inbound', { from: { username }, text: 'Menu?' });
  const c = await s.instagramConversation(`dm:${inbound.json.senderId}`);
  const pdf = await links.add(s.tenantId, file('menu.pdf', 'application/pdf', 3000));
  await s.activities.sendInstagramMessage({
    tenantId: s.tenantId,
    conversationId: c.id,
    idempotencyKey: key(),
    content: { type: 'asset', assetId: pdf.id, text: 'Here is our menu' },
  });
  const sent = ((await s.control('GET', '/instagram/messages')).json.data as AnyJson[]).filter(
    (m) => m.recipientId === inbound.json.senderId,
  );
  expect(sent.map((m) => m.message)).toEqual([
    { text: 'Here is our menu' },
    { attachment: { type: 'file', payload: { url: expect.stringContaining('/api/v1/public/assets/') } } },
  ]);
  expect(sent[1].media).toMatchObject({ ok: true, size: 3000, sha256: pdf.sha256 });
  const rows = await rowsOf(c.id);
  expect(rows.map((r) => [r.body, r.attachments.map((a) => a.fileName)])).toEqual([
    ['Here is our menu', []],
    ['', ['menu.pdf']],
  ]);
});

it('attaches the asset to an e-mail, read from the asset store', async () => {
  const address = `grace-${randomUUID().slice(0, 6)}@example.test`;
  const em = forTenant(db.orm.em.fork(), s.tenantId);
  const customer = em.create(Customer, {
    tenant: s.tenantId,
    firstName: 'Grace',
    lastName: 'H',
    emails: [address],
    timeZone: 'UTC',
    language: 'en',
  });
  const conversation = em.create(Conversation, {
    tenant: s.tenantId,
    customer,
    channel: 'email',
    subject: 'Your invoice',
  });
  await em.flush();
  const sheet = await links.add(
    s.tenantId,
    file('invoice.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 5000),
  );
  await s.activities.sendEmail({
    tenantId: s.tenantId,
    conversationId: conversation.id,
    idempotencyKey: key(),
    text: 'Please find the invoice attached.',
    assetId: sheet.id,
  });
  const [mail] = (await s.control('GET', `/mail?to=${encodeURIComponent(address)}`)).json.data as AnyJson[];
  expect(mail.text.trim()).toBe('Please find the invoice attached.');
  expect(mail.attachments).toEqual([
    expect.objectContaining({
      filename: 'invoice.xlsx',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      size: 5000,
      sha256: sheet.sha256,
    }),
  ]);
  const [row] = await rowsOf(conversation.id);
  expect(row!.attachments).toEqual([
    {
      assetId: sheet.id,
      fileName: 'invoice.xlsx',
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      size: 5000,
    },
  ]);
});

it("refuses for good, sending nothing, another tenant's asset or one the channel cannot carry", async () => {
  const other = db.orm.em.fork().create(Tenant, {
    name: 'Other',
    slug: `other-${randomUUID().slice(0, 8)}`,
    timeZone: 'UTC',
  });
  await db.orm.em.fork().persistAndFlush(other);
  const foreign = await links.add(other.id, file('theirs.png', 'image/png'));
  const mp3 = await links.add(s.tenantId, file('song.mp3', 'audio/mpeg'));
  const c = await s.whatsappConversation(new Date());
  const username = `ig_${randomUUID().slice(0, 6)}`;
  const inbound = await s.control('POST', '/instagram/inbound', { from: { username }, text: 'hi' });
  const ig = await s.instagramConversation(`dm:${inbound.json.senderId}`);
  const fetchedBefore = links.fetched.length;

  const foreignFailure = await failureOf(
    s.activities.sendWhatsAppMessage({
      tenantId: s.tenantId,
      conversationId: c.id,
      idempotencyKey: key(),
      content: { type: 'asset', assetId: foreign.id },
    }),
  );
  expect(foreignFailure).toMatchObject({ type: CHANNEL_FAILURES.invalid, nonRetryable: true });
  expect(foreignFailure.message).toContain(`no asset ${foreign.id} in this tenant`);
  const typeFailure = await failureOf(
    s.activities.sendInstagramMessage({
      tenantId: s.tenantId,
      conversationId: ig.id,
      idempotencyKey: key(),
      content: { type: 'asset', assetId: mp3.id, text: 'a song' },
    }),
  );
  expect(typeFailure.message).toContain('Instagram cannot carry audio/mpeg');
  expect(await whatsappTo(c.waId)).toHaveLength(0);
  const igSent = (await s.control('GET', '/instagram/messages')).json.data as AnyJson[];
  expect(igSent.filter((m) => m.recipientId === inbound.json.senderId)).toHaveLength(0);
  expect(await rowsOf(ig.id)).toHaveLength(0);
  expect(links.fetched.length).toBe(fetchedBefore);
});
