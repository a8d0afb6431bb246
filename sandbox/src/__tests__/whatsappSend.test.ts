import { createHash, createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eventually, startTestSandbox, type TestSandbox } from './support/testSandbox';

const PHONE = '100000000000001';
const send = (t: TestSandbox, body: unknown, token?: string | null) =>
  t.call('POST', `/v21.0/${PHONE}/messages`, body, token);
const text = (to: string, body: string) => ({
  messaging_product: 'whatsapp',
  to,
  type: 'text',
  text: { body },
});

describe('WhatsApp Cloud API messages', () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox();
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.call('POST', '/_control/reset');
    await t.call('PATCH', '/_control/settings', {
      webhookUrls: { whatsapp: `${t.receiver.base}/webhooks/whatsapp` },
      retryDelaysMs: [20, 40, 80],
      statusDelayMs: 5,
    });
    t.receiver.received.length = 0;
  });

  it('accepts a text message, answers with a wamid and records the request', async () => {
    const res = await send(t, text('+15551234567', 'Hello there'));
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      messaging_product: 'whatsapp',
      contacts: [{ input: '+15551234567', wa_id: '15551234567' }],
      messages: [{ id: expect.stringMatching(/^wamid\./) }],
    });
    const recorded = await t.call('GET', '/_control/requests?endpoint=whatsapp.messages');
    expect(recorded.json.data).toHaveLength(1);
    expect(recorded.json.data[0]).toMatchObject({
      method: 'POST',
      path: `/v21.0/${PHONE}/messages`,
      status: 200,
    });
    const sent = await t.call('GET', '/_control/whatsapp/messages?to=15551234567');
    expect(sent.json.data.map((m: { id: string }) => m.id)).toEqual([res.json.messages[0].id]);
  });

  it('sends sent, delivered and read status webhooks, each signed over its raw body', async () => {
    const res = await send(t, text('15551234567', 'Status please'));
    const wamid = res.json.messages[0].id as string;
    const posts = await eventually(() => {
      const p = t.receiver.posts('/webhooks/whatsapp');
      return p.length === 3 && p;
    }, 'three status webhooks');
    const statuses = posts.map((p) => {
      const expected = `sha256=${createHmac('sha256', 'c360-sandbox-app-secret').update(p.raw).digest('hex')}`;
      expect(p.headers['x-hub-signature-256']).toBe(expected);
      const body = JSON.parse(p.raw.toString('utf8'));
      expect(body.object).toBe('whatsapp_business_account');
      expect(body.entry[0].changes[0].value.metadata.phone_number_id).toBe(PHONE);
      return body.entry[0].changes[0].value.statuses[0];
    });
    expect(statuses.map((s) => s.status)).toEqual(['sent', 'delivered', 'read']);
    expect(statuses.every((s) => s.id === wamid && s.recipient_id === '15551234567')).toBe(true);
  });

  it('accepts media by link, interactive buttons and lists, and a flow message', async () => {
    const base = { messaging_product: 'whatsapp', to: '15551234567' };
    const bodies = [
      { ...base, type: 'image', image: { link: 'https://example.com/a.jpg', caption: 'A' } },
      { ...base, type: 'document', document: { link: 'https://example.com/a.pdf', filename: 'a.pdf' } },
      {
        ...base,
        type: 'interactive',
        interactive: {
          type: 'button',
          body: { text: 'Pick one' },
          action: {
            buttons: [
              { type: 'reply', reply: { id: 'yes', title: 'Yes' } },
              { type: 'reply', reply: { id: 'no', title: 'No' } },
            ],
          },
        },
      },
      {
        ...base,
        type: 'interactive',
        interactive: {
          type: 'list',
          body: { text: 'Pick a slot' },
          action: { button: 'Slots', sections: [{ title: 'Today', rows: [{ id: 'am', title: 'Morning' }] }] },
        },
      },
      {
        ...base,
        type: 'interactive',
        interactive: {
          type: 'flow',
          body: { text: 'How did we do?' },
          action: {
            name: 'flow',
            parameters: {
              flow_message_version: '3',
              flow_token: 'survey-t1',
              flow_id: '800000000000001',
              flow_cta: 'Rate us',
              flow_action: 'navigate',
              flow_action_payload: { screen: 'RATING' },
            },
          },
        },
      },
    ];
    for (const body of bodies) expect((await send(t, body)).status).toBe(200);
  });

  it("refuses malformed sends with Meta's codes and records nothing as sent", async () => {
    const missing = await send(t, { messaging_product: 'whatsapp', type: 'text', text: { body: 'x' } });
    expect(missing.status).toBe(400);
    expect(missing.json.error).toMatchObject({
      code: 131008,
      type: 'OAuthException',
      fbtrace_id: expect.any(String),
    });
    expect(missing.json.error.error_data.details).toContain('to');

    const noBody = await send(t, { messaging_product: 'whatsapp', to: '15551234567', type: 'text' });
    expect(noBody.json.error.code).toBe(131008);
    expect(noBody.json.error.error_data.details).toContain('text');

    const fourButtons = await send(t, {
      messaging_product: 'whatsapp',
      to: '15551234567',
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'Too many' },
        action: { buttons: ['a', 'b', 'c', 'd'].map((id) => ({ type: 'reply', reply: { id, title: id } })) },
      },
    });
    expect(fourButtons.status).toBe(400);
    expect(fourButtons.json.error.code).toBe(131009);

    const wrongProduct = await send(t, { ...text('15551234567', 'x'), messaging_product: 'sms' });
    expect(wrongProduct.json.error.code).toBe(100);
    expect((await t.call('GET', '/_control/whatsapp/messages')).json.data).toEqual([]);
  });

  it('answers 401 with code 190 for a missing, unknown or expired token', async () => {
    const none = await send(t, text('15551234567', 'x'), null);
    expect(none.status).toBe(400);
    expect(none.json.error.code).toBe(104);
    const unknown = await send(t, text('15551234567', 'x'), 'not-a-token');
    expect(unknown.status).toBe(401);
    expect(unknown.json.error.code).toBe(190);
    await t.call('POST', '/_control/tokens', { token: 'short-lived' });
    expect((await send(t, text('15551234567', 'x'), 'short-lived')).status).toBe(200);
    await t.call('POST', '/_control/tokens/expire', { token: 'short-lived' });
    const expired = await send(t, text('15551234567', 'x'), 'short-lived');
    expect(expired.status).toBe(401);
    expect(expired.json.error).toMatchObject({ code: 190, error_subcode: 463, type: 'OAuthException' });
  });

  it('refuses a phone number id it does not know', async () => {
    const res = await t.call('POST', '/v21.0/999/messages', text('15551234567', 'x'));
    expect(res.status).toBe(400);
    expect(res.json.error).toMatchObject({ code: 100, error_subcode: 33 });
  });

  it('fetches a media link after accepting it, keeps what it got, and fails the message when the link fails', async () => {
    const bytes = Buffer.from('not really audio, but served as audio/ogg');
    const server = createServer((req, res) => {
      if (req.url === '/note.ogg') res.writeHead(200, { 'content-type': 'audio/ogg' }).end(bytes);
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const ok = await send(t, {
        messaging_product: 'whatsapp',
        to: '15551110000',
        type: 'audio',
        audio: { link: `${base}/note.ogg` },
      });
      expect(ok.status).toBe(200);
      const gone = await send(t, {
        messaging_product: 'whatsapp',
        to: '15551110001',
        type: 'image',
        image: { link: `${base}/gone.png` },
      });
      expect(gone.status).toBe(200);
      const fetched = await eventually(async () => {
        const all = (await t.call('GET', '/_control/whatsapp/messages')).json.data as {
          to: string;
          media?: { ok: boolean; size: number; sha256: string | null; httpStatus: number | null };
          statuses: { status: string; errorCode?: number }[];
        }[];
        return all.length === 2 && all.every((m) => m.media && m.statuses.length >= 2) && all;
      }, 'both links fetched');
      const [audio, image] = fetched;
      expect(audio!.media).toMatchObject({
        ok: true,
        size: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
      });
      expect(image!.media).toMatchObject({ ok: false, httpStatus: 404 });
      // Sent then failed, compared as a set: status timers of different delays can fire out of order under load.
      expect(image!.statuses.map((s) => [s.status, s.errorCode])).toEqual(
        expect.arrayContaining([
          ['sent', undefined],
          ['failed', 131053],
        ]),
      );
      expect(image!.statuses).toHaveLength(2);
      // Audio takes no caption, as the Cloud API says.
      const captioned = await send(t, {
        messaging_product: 'whatsapp',
        to: '15551110002',
        type: 'audio',
        audio: { link: `${base}/note.ogg`, caption: 'no' },
      });
      expect(captioned.status).toBe(400);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
