import { eventually, startTestSandbox, type TestSandbox } from './support/testSandbox';

const PHONE = '100000000000001';
const text = { messaging_product: 'whatsapp', to: '15551234567', type: 'text', text: { body: 'hi' } };
const send = (t: TestSandbox) => t.call('POST', `/v21.0/${PHONE}/messages`, text);

describe('failure injection', () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox();
  });
  afterAll(() => t.close());
  beforeEach(async () => {
    await t.call('POST', '/_control/reset');
    await t.call('PATCH', '/_control/settings', {
      webhookUrls: { whatsapp: `${t.receiver.base}/webhooks/whatsapp` },
      statusDelayMs: 5,
    });
    t.receiver.received.length = 0;
  });

  it('answers the next N sends with 429 and retry information, then accepts again', async () => {
    const injected = await t.call('POST', '/_control/faults', {
      endpoint: 'whatsapp.messages',
      kind: 'rate_limit',
      count: 2,
      retryAfterSeconds: 3,
    });
    expect(injected.status).toBe(201);
    for (let i = 0; i < 2; i++) {
      const res = await send(t);
      expect(res.status).toBe(429);
      expect(res.json.error).toMatchObject({ code: 130429, type: 'OAuthException' });
      expect(res.headers.get('retry-after')).toBe('3');
      expect(JSON.parse(res.headers.get('x-business-use-case-usage') ?? '{}')).toBeInstanceOf(Object);
    }
    expect((await send(t)).status).toBe(200);
    expect((await t.call('GET', '/_control/whatsapp/messages')).json.data).toHaveLength(1);
  });

  it('uses the rate-limit code asked for and refuses one Meta does not use', async () => {
    await t.call('POST', '/_control/faults', {
      endpoint: 'whatsapp.messages',
      kind: 'rate_limit',
      code: 131056,
    });
    expect((await send(t)).json.error.code).toBe(131056);
    const bad = await t.call('POST', '/_control/faults', {
      endpoint: 'whatsapp.messages',
      kind: 'rate_limit',
      code: 42,
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.fields).toEqual([
      { path: 'body.code', message: expect.stringContaining('130429') },
    ]);
    expect((await t.call('GET', '/_control/faults')).json.faults).toEqual([]);
  });

  it('injects server errors and expired tokens on one endpoint only', async () => {
    await t.call('POST', '/_control/faults', { endpoint: 'whatsapp.messages', kind: 'server_error' });
    await t.call('POST', '/_control/faults', { endpoint: 'instagram.messages', kind: 'token_expired' });
    const failed = await send(t);
    expect(failed.status).toBe(500);
    expect(failed.json.error).toMatchObject({ code: 131000, is_transient: true });
    const ig = await t.call('POST', '/v21.0/17841400000000001/messages', {
      recipient: { id: '1' },
      message: { text: 'x' },
    });
    expect(ig.status).toBe(401);
    expect(ig.json.error).toMatchObject({ code: 190, error_subcode: 463 });
    expect((await send(t)).status).toBe(200);
  });

  it('accepts a send but reports it failed by webhook when a delivery failure is injected', async () => {
    await t.call('POST', '/_control/faults', {
      endpoint: 'whatsapp.messages',
      kind: 'delivery_failed',
      code: 131047,
    });
    const res = await send(t);
    expect(res.status).toBe(200);
    const statuses = await eventually(() => {
      const posts = t.receiver.posts('/webhooks/whatsapp');
      return (
        posts.length === 2 &&
        posts.map((p) => JSON.parse(p.raw.toString()).entry[0].changes[0].value.statuses[0])
      );
    }, 'sent and failed statuses');
    expect(statuses.map((s: { status: string }) => s.status)).toEqual(['sent', 'failed']);
    expect(statuses[1].errors[0]).toMatchObject({ code: 131047, title: 'Re-engagement message' });
  });

  it('delays answers by the injected latency for the given number of requests', async () => {
    await t.call('POST', '/_control/latency', { endpoint: 'whatsapp.messages', ms: 150, count: 1 });
    expect((await t.call('GET', '/_control/faults')).json.latencies).toEqual([
      { endpoint: 'whatsapp.messages', ms: 150, remaining: 1 },
    ]);
    expect((await send(t)).status).toBe(200);
    expect((await t.call('GET', '/_control/faults')).json.latencies).toEqual([]);
  });

  it('refuses a bad fault request naming the field and changes nothing', async () => {
    const res = await t.call('POST', '/_control/faults', { endpoint: 'sms.send', kind: 'explode', count: 0 });
    expect(res.status).toBe(400);
    expect(res.json.error.fields.map((f: { path: string }) => f.path).sort()).toEqual([
      'body.count',
      'body.endpoint',
      'body.kind',
    ]);
    expect((await t.call('GET', '/_control/faults')).json.faults).toEqual([]);
  });

  it('fails free-form sends outside the 24-hour window with 131047 when the window is enforced', async () => {
    await t.call('PATCH', '/_control/settings', {
      enforceServiceWindow: true,
      autoStatuses: ['sent', 'delivered'],
    });
    const statusesOf = async (wamid: string, count: number) =>
      eventually(async () => {
        const sent = (await t.call('GET', '/_control/whatsapp/messages')).json.data.find(
          (m: { id: string }) => m.id === wamid,
        );
        return (
          sent?.statuses.length === count &&
          sent.statuses.map((s: { status: string; errorCode?: number }) => s.errorCode ?? s.status)
        );
      }, `statuses of ${wamid}`);

    const neverWrote = await send(t);
    expect(neverWrote.status).toBe(200);
    expect(await statusesOf(neverWrote.json.messages[0].id, 2)).toEqual(['sent', 131047]);

    const yesterday = new Date(Date.now() - 25 * 60 * 60 * 1000).toISOString();
    await t.call('POST', '/_control/whatsapp/inbound', { from: '15551234567', text: 'old', at: yesterday });
    expect(await statusesOf((await send(t)).json.messages[0].id, 2)).toEqual(['sent', 131047]);

    const template = await t.call('POST', `/v21.0/${PHONE}/messages`, {
      messaging_product: 'whatsapp',
      to: '15551234567',
      type: 'template',
      template: { name: 'welcome', language: { code: 'en_US' } },
    });
    expect(await statusesOf(template.json.messages[0].id, 2)).toEqual(['sent', 'delivered']);

    await t.call('POST', '/_control/whatsapp/inbound', { from: '15551234567', text: 'I am back' });
    expect(await statusesOf((await send(t)).json.messages[0].id, 2)).toEqual(['sent', 'delivered']);
  });
});
