import { startTestSandbox, type TestSandbox } from './support/testSandbox';

const PHONE = '100000000000001';
const WABA = '200000000000001';
const sendTemplate = (t: TestSandbox, template: unknown) =>
  t.call('POST', `/v21.0/${PHONE}/messages`, {
    messaging_product: 'whatsapp',
    to: '15551234567',
    type: 'template',
    template,
  });
const body = (...texts: string[]) => ({
  type: 'body',
  parameters: texts.map((text) => ({ type: 'text', text })),
});

describe('WhatsApp message templates', () => {
  let t: TestSandbox;
  beforeAll(async () => {
    t = await startTestSandbox({ C360_SANDBOX_AUTO_STATUSES: [] });
  });
  afterAll(() => t.close());

  it('lists the WABA templates with name and language filters and cursor paging', async () => {
    const all = await t.call('GET', `/v21.0/${WABA}/message_templates`);
    expect(all.status).toBe(200);
    expect(all.json.data.map((x: { name: string; language: string }) => `${x.name}/${x.language}`)).toContain(
      'order_update/en_US',
    );
    const welcome = await t.call('GET', `/v21.0/${WABA}/message_templates?name=welcome`);
    expect(welcome.json.data.map((x: { language: string }) => x.language).sort()).toEqual(['en_US', 'fr']);
    const first = await t.call('GET', `/v21.0/${WABA}/message_templates?limit=2`);
    expect(first.json.data).toHaveLength(2);
    const second = await t.call(
      'GET',
      `/v21.0/${WABA}/message_templates?limit=2&after=${first.json.paging.cursors.after}`,
    );
    expect(second.json.data[0].id).toBe(all.json.data[2].id);
  });

  it('accepts a template whose parameters match the stored one', async () => {
    const res = await sendTemplate(t, {
      name: 'order_update',
      language: { code: 'en_US' },
      components: [
        { type: 'header', parameters: [{ type: 'text', text: 'A-1' }] },
        body('Ana', 'A-1', 'Monday'),
      ],
    });
    expect(res.status).toBe(200);
    expect(res.json.messages[0]).toMatchObject({
      id: expect.stringMatching(/^wamid\./),
      message_status: 'accepted',
    });
  });

  it('refuses an unknown name or language with 132001', async () => {
    const noName = await sendTemplate(t, { name: 'nope', language: { code: 'en_US' } });
    expect(noName.status).toBe(404);
    expect(noName.json.error).toMatchObject({ code: 132001, error_data: { messaging_product: 'whatsapp' } });
    const noLanguage = await sendTemplate(t, { name: 'order_update', language: { code: 'de' } });
    expect(noLanguage.json.error.code).toBe(132001);
    expect(noLanguage.json.error.error_data.details).toContain('de');
    const pending = await sendTemplate(t, { name: 'promo_pending', language: { code: 'en_US' } });
    expect(pending.json.error.code).toBe(132001);
  });

  it('refuses a wrong parameter count with 132000', async () => {
    const res = await sendTemplate(t, {
      name: 'order_update',
      language: { code: 'en_US' },
      components: [{ type: 'header', parameters: [{ type: 'text', text: 'A-1' }] }, body('Ana', 'A-1')],
    });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe(132000);
    expect(res.json.error.error_data.details).toContain('body');
    const noParams = await sendTemplate(t, { name: 'csat_survey', language: { code: 'en_US' } });
    expect(noParams.json.error.code).toBe(132000);
  });

  it('refuses a parameter of the wrong type with 132012', async () => {
    const res = await sendTemplate(t, {
      name: 'invoice_ready',
      language: { code: 'en_US' },
      components: [
        { type: 'header', parameters: [{ type: 'image', image: { link: 'https://example.com/x.jpg' } }] },
        body('Ana', 'INV-9'),
        { type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: 'INV-9' }] },
      ],
    });
    expect(res.json.error.code).toBe(132012);
    expect(res.json.error.error_data.details).toContain('document');
  });

  it('checks button parameters against the template buttons', async () => {
    const ok = await sendTemplate(t, {
      name: 'csat_survey',
      language: { code: 'en_US' },
      components: [
        body('Ana'),
        {
          type: 'button',
          sub_type: 'flow',
          index: '0',
          parameters: [{ type: 'action', action: { flow_token: 'survey-1' } }],
        },
      ],
    });
    expect(ok.status).toBe(200);
    const wrongKind = await sendTemplate(t, {
      name: 'csat_survey',
      language: { code: 'en_US' },
      components: [
        body('Ana'),
        { type: 'button', sub_type: 'url', index: '0', parameters: [{ type: 'text', text: 'x' }] },
      ],
    });
    expect(wrongKind.json.error.code).toBe(132012);
    const missingUrlParam = await sendTemplate(t, {
      name: 'invoice_ready',
      language: { code: 'en_US' },
      components: [
        {
          type: 'header',
          parameters: [{ type: 'document', document: { link: 'https://example.com/i.pdf' } }],
        },
        body('Ana', 'INV-9'),
      ],
    });
    expect(missingUrlParam.json.error.code).toBe(132000);
  });

  it('holds templates added over the control API and validates sends against them', async () => {
    const added = await t.call('POST', '/_control/whatsapp/templates', {
      name: 'appointment_reminder',
      language: 'fr',
      components: [{ type: 'BODY', text: 'Bonjour {{1}}, rendez-vous le {{2}}.' }],
    });
    expect(added.status).toBe(201);
    const listed = await t.call('GET', `/v21.0/${WABA}/message_templates?name=appointment_reminder`);
    expect(listed.json.data).toEqual([
      expect.objectContaining({ name: 'appointment_reminder', language: 'fr', status: 'APPROVED' }),
    ]);
    const ok = await sendTemplate(t, {
      name: 'appointment_reminder',
      language: { code: 'fr' },
      components: [body('Ana', 'lundi')],
    });
    expect(ok.status).toBe(200);
    const short = await sendTemplate(t, {
      name: 'appointment_reminder',
      language: { code: 'fr' },
      components: [body('Ana')],
    });
    expect(short.json.error.code).toBe(132000);
    const duplicate = await t.call('POST', '/_control/whatsapp/templates', {
      name: 'appointment_reminder',
      language: 'fr',
      components: [{ type: 'BODY', text: 'x' }],
    });
    expect(duplicate.status).toBe(409);
    const bad = await t.call('POST', '/_control/whatsapp/templates', {
      name: 'Bad Name',
      language: 'en_US',
      components: [],
    });
    expect(bad.status).toBe(400);
    const paths = bad.json.error.fields.map((f: { path: string }) => f.path);
    expect([...new Set(paths)].sort()).toEqual(['body.components', 'body.name']);
  });
});
