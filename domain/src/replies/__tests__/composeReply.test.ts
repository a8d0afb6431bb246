import fc from 'fast-check';
import {
  composeReply,
  escapeHtml,
  macroActionsSchema,
  renderText,
  textToHtml,
  toProviderTemplateSend,
  unknownVariablesOf,
  channelsForContentType,
  assetAcceptedOn,
  type WhatsAppTemplateMapping,
} from '../index';

const values = { 'customer.firstName': 'Ada', 'agent.name': 'Grace', 'ticket.id': 'T-42' };

describe('renderText', () => {
  it('fills allowed variables, spaces inside braces allowed', () => {
    expect(renderText('Hi {{customer.firstName}}, {{ agent.name }} here', values)).toEqual({
      text: 'Hi Ada, Grace here',
      missing: [],
      unknown: [],
    });
  });

  it('reports a variable without a value as missing and an unlisted one as unknown', () => {
    const r = renderText('{{customer.lastName}} {{customer.password}}', values);
    expect(r.missing).toEqual(['customer.lastName']);
    expect(r.unknown).toEqual(['customer.password']);
    expect(unknownVariablesOf('{{ticket.id}} {{order.total}} {{order.total}}')).toEqual(['order.total']);
  });
});

describe('composeReply', () => {
  const parts = [
    { kind: 'template' as const, id: 't1', body: 'Hello {{customer.firstName}},' },
    { kind: 'snippet' as const, id: 's1', body: 'Your ticket is {{ticket.id}}.' },
    { kind: 'text' as const, text: 'I checked: <b>it ships today</b> & {{not.a.variable}}' },
  ];

  it('joins parts in order with a blank line; free text is taken literally', () => {
    const r = composeReply(parts, values, 'plain');
    expect(r).toEqual({
      ok: true,
      reply: {
        text: 'Hello Ada,\n\nYour ticket is T-42.\n\nI checked: <b>it ships today</b> & {{not.a.variable}}',
        html: null,
        templateIds: ['t1'],
      },
    });
  });

  it('escapes every part and every value in the email HTML', () => {
    const r = composeReply(
      parts,
      { ...values, 'customer.firstName': '<img src=x onerror=alert(1)>' },
      'html',
    );
    if (!r.ok) throw new Error('expected ok');
    expect(r.reply.html).toBe(
      '<p>Hello &lt;img src=x onerror=alert(1)&gt;,</p>\n<p>Your ticket is T-42.</p>\n' +
        '<p>I checked: &lt;b&gt;it ships today&lt;/b&gt; &amp; {{not.a.variable}}</p>',
    );
    // The plain form keeps the value as typed: it is text, for a channel that shows text.
    expect(r.reply.text).toContain('<img src=x');
  });

  it('refuses a missing variable, naming the part and the variable', () => {
    const r = composeReply(parts, { 'customer.firstName': 'Ada' }, 'plain');
    expect(r).toEqual({
      ok: false,
      problems: [{ path: 'parts[1]', message: 'no value for variable ticket.id (snippet s1)' }],
    });
    expect(composeReply([], values, 'plain')).toEqual({
      ok: false,
      problems: [{ path: 'parts', message: 'must have at least one part' }],
    });
  });

  it('never lets <script through in the HTML, whatever the texts and values', () => {
    const risky = fc.oneof(
      fc.string(),
      fc.constantFrom('<script>', '<SCRIPT src=x>', '<scr<script>ipt>', '&lt;script', '"><script>'),
    );
    fc.assert(
      fc.property(fc.array(risky, { minLength: 1, maxLength: 4 }), risky, (texts, name) => {
        const ps = texts.map((t, i) =>
          i % 2 === 0
            ? { kind: 'template' as const, id: `t${i}`, body: `${t}{{customer.firstName}}` }
            : { kind: 'text' as const, text: t },
        );
        const r = composeReply(ps, { 'customer.firstName': name }, 'html');
        if (!r.ok) return true;
        return !/<\s*script/i.test(r.reply.html!) && !/<\s*script/i.test(textToHtml(texts.join('')));
      }),
    );
    expect(escapeHtml(`<a href="x" title='y'>&`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;');
  });
});

describe('toProviderTemplateSend', () => {
  const mapping: WhatsAppTemplateMapping = {
    providerTemplateName: 'order_update',
    language: 'en',
    bodyVariables: ['customer.firstName', 'ticket.id'],
    spec: { header: null, body: ['text', 'text'], buttons: [] },
  };

  it('fills the approved template body from variables, in order', () => {
    expect(toProviderTemplateSend(mapping, values)).toEqual({
      ok: true,
      send: {
        name: 'order_update',
        language: 'en',
        parameters: {
          body: [
            { type: 'text', text: 'Ada' },
            { type: 'text', text: 'T-42' },
          ],
        },
      },
    });
  });

  it('refuses a mapping that does not fit the approved template, or a missing value', () => {
    const r = toProviderTemplateSend({ ...mapping, bodyVariables: ['customer.firstName'] }, values);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]!.message).toMatch(/takes 2 body parameters, the mapping gives 1/);
    const missing = toProviderTemplateSend(mapping, { 'customer.firstName': 'Ada' });
    expect(missing).toEqual({
      ok: false,
      problems: [{ path: 'template.parameters[1]', message: 'no value for variable ticket.id' }],
    });
    const currency = toProviderTemplateSend(
      { ...mapping, spec: { ...mapping.spec, body: ['text', 'currency'] } },
      values,
    );
    expect(currency.ok).toBe(false);
  });
});

describe('macro actions and asset channels', () => {
  it('validates actions by their type and names the bad field', () => {
    expect(macroActionsSchema.safeParse([{ type: 'tag', tags: ['vip'] }, { type: 'resolve' }]).success).toBe(
      true,
    );
    const bad = macroActionsSchema.safeParse([
      { type: 'resolve' },
      { type: 'set_priority', priority: 'asap' },
    ]);
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual([1, 'priority']);
    expect(macroActionsSchema.safeParse([{ type: 'assign' }]).success).toBe(false);
    expect(macroActionsSchema.safeParse([{ type: 'explode' }]).success).toBe(false);
  });

  it('lists the channels that carry each asset type', () => {
    expect(channelsForContentType('image/png')).toEqual(['whatsapp', 'instagram', 'email']);
    expect(channelsForContentType('application/pdf')).toEqual(['whatsapp', 'instagram', 'email']);
    expect(channelsForContentType('audio/mpeg')).toEqual(['whatsapp', 'email']);
    expect(channelsForContentType('application/x-msdownload')).toEqual([]);
  });
});

describe('assetAcceptedOn', () => {
  const limits = { emailMaxBytes: 10 * 1024 * 1024 };
  const MB = 1024 * 1024;
  it("takes each channel's documented types up to its size limit", () => {
    expect(assetAcceptedOn('whatsapp', { contentType: 'image/png', sizeBytes: 5 * MB }, limits)).toEqual({
      ok: true,
      kind: 'image',
    });
    expect(
      assetAcceptedOn('whatsapp', { contentType: 'application/pdf', sizeBytes: 9 * MB }, limits),
    ).toEqual({ ok: true, kind: 'document' });
    expect(assetAcceptedOn('instagram', { contentType: 'image/jpeg', sizeBytes: 8 * MB }, limits).ok).toBe(
      true,
    );
    expect(assetAcceptedOn('instagram', { contentType: 'application/pdf', sizeBytes: 100 }, limits)).toEqual({
      ok: true,
      kind: 'document',
    });
    expect(assetAcceptedOn('email', { contentType: 'audio/ogg', sizeBytes: 10 * MB }, limits).ok).toBe(true);
  });

  it('refuses a type the channel does not carry, or a file over its limit, and says why', () => {
    expect(assetAcceptedOn('whatsapp', { contentType: 'image/png', sizeBytes: 5 * MB + 1 }, limits)).toEqual({
      ok: false,
      reason: `is ${5 * MB + 1} bytes: WhatsApp takes image files up to 5 MB`,
    });
    expect(assetAcceptedOn('instagram', { contentType: 'audio/mpeg', sizeBytes: 10 }, limits)).toEqual({
      ok: false,
      reason: 'Instagram cannot carry audio/mpeg',
    });
    expect(assetAcceptedOn('instagram', { contentType: 'text/plain', sizeBytes: 10 }, limits).ok).toBe(false);
    expect(
      assetAcceptedOn('email', { contentType: 'application/pdf', sizeBytes: 10 * MB + 1 }, limits),
    ).toEqual({ ok: false, reason: `is ${10 * MB + 1} bytes: e-mail attachments are limited to 10 MB` });
    expect(
      assetAcceptedOn('email', { contentType: 'application/x-msdownload', sizeBytes: 1 }, limits).ok,
    ).toBe(false);
  });
});
