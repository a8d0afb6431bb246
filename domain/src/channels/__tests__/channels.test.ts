import {
  addressTagOf,
  advanceDeliveryStatus,
  conversationIdOfThreadToken,
  isServiceWindowOpen,
  mailboxOf,
  normalizeSubject,
  threadReplyAddress,
  threadTokenOfConversation,
  validateTemplateParameters,
  type WhatsAppTemplateSpec,
} from '../index';

describe('advanceDeliveryStatus', () => {
  it('moves forward and never back from read to delivered', () => {
    expect(advanceDeliveryStatus('queued', 'sent')).toBe('sent');
    expect(advanceDeliveryStatus('sent', 'read')).toBe('read');
    expect(advanceDeliveryStatus('read', 'delivered')).toBeNull();
    expect(advanceDeliveryStatus('delivered', 'sent')).toBeNull();
    expect(advanceDeliveryStatus('read', 'read')).toBeNull();
  });
  it('lets failed win over sent but not over delivered, and stay failed', () => {
    expect(advanceDeliveryStatus('sent', 'failed')).toBe('failed');
    expect(advanceDeliveryStatus('delivered', 'failed')).toBeNull();
    expect(advanceDeliveryStatus('failed', 'delivered')).toBeNull();
  });
});

describe('isServiceWindowOpen', () => {
  const at = new Date('2026-05-01T10:00:00Z');
  it('is open for 24 hours after the last inbound message and closed after', () => {
    expect(isServiceWindowOpen(at, new Date('2026-05-02T09:59:59Z'))).toBe(true);
    expect(isServiceWindowOpen(at, new Date('2026-05-02T10:00:00Z'))).toBe(false);
    expect(isServiceWindowOpen(null, at)).toBe(false);
  });
});

describe('normalizeSubject', () => {
  it.each([
    ['Re: Order 42 late', 'order 42 late'],
    ['RE: Fwd: re:  Order 42   late', 'order 42 late'],
    ['AW: WG: Order 42 late', 'order 42 late'],
    ['TR : Order 42 late', 'order 42 late'],
    ['Re[2]: Order 42 late', 'order 42 late'],
    ['[EXT] RE: Order 42 late', 'order 42 late'],
    ['SV: Order 42 late', 'order 42 late'],
    ['回复：Order 42 late', 'order 42 late'],
    ['رد: Order 42 late', 'order 42 late'],
  ])('%s → %s', (input, want) => expect(normalizeSubject(input)).toBe(want));
  it('keeps words that only start like a prefix', () => {
    expect(normalizeSubject('Refund for order 42')).toBe('refund for order 42');
    expect(normalizeSubject('Invoice: March')).toBe('invoice: march');
  });
});

describe('thread addresses', () => {
  const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
  it('round-trips a conversation id through a reply address', () => {
    const address = threadReplyAddress('Support@Shop.example', threadTokenOfConversation(id));
    expect(address).toBe('support+0f8fad5bd9cb469fa16570867728950e@shop.example');
    expect(mailboxOf(address)).toBe('support@shop.example');
    expect(conversationIdOfThreadToken(addressTagOf(address)!)).toBe(id);
  });
  it('ignores tags that are not thread tokens', () => {
    expect(conversationIdOfThreadToken('newsletter')).toBeNull();
    expect(addressTagOf('plain@shop.example')).toBeNull();
  });
});

describe('validateTemplateParameters', () => {
  const invoice: WhatsAppTemplateSpec = {
    header: { format: 'document', parameters: 1 },
    body: ['text', 'currency'],
    buttons: [{ index: 0, subType: 'url', parameters: 1 }],
  };
  const good = {
    header: [{ type: 'document' as const, link: 'https://files.example/i.pdf', filename: 'i.pdf' }],
    body: [
      { type: 'text' as const, text: 'Ada' },
      { type: 'currency' as const, fallbackValue: '€12', code: 'EUR', amount1000: 12000 },
    ],
    buttons: [{ index: 0, parameters: [{ type: 'text' as const, text: 'inv-1' }] }],
  };
  it('accepts parameters that match the template', () => {
    expect(validateTemplateParameters(invoice, good)).toEqual([]);
  });
  it('names the count, type and button problems', () => {
    const problems = validateTemplateParameters(invoice, {
      header: [{ type: 'text', text: 'x' }],
      body: [{ type: 'text', text: 'Ada' }],
      buttons: [{ index: 1, parameters: [] }],
    });
    expect(problems.map((p) => p.path)).toEqual([
      'template.header[0].type',
      'template.body',
      'template.buttons[0].index',
      'template.buttons',
    ]);
  });
});
