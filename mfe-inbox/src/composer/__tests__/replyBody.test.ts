import type { RenderedReply } from '../../api/types';
import { planReply } from '../replyBody';

const rendered = (over: Partial<RenderedReply> = {}): RenderedReply => ({
  channel: 'whatsapp',
  text: 'Hello Anna',
  html: null,
  templateIds: ['t1'],
  providerTemplate: null,
  ...over,
});

describe('planReply', () => {
  it('sends free text on WhatsApp inside the 24-hour window and on Instagram', () => {
    expect(planReply('whatsapp', rendered(), { whatsappWindowOpen: true })).toEqual({
      ok: true,
      body: { text: 'Hello Anna' },
    });
    expect(
      planReply('instagram', rendered(), { whatsappWindowOpen: null, commentVisibility: 'private' }),
    ).toEqual({
      ok: true,
      body: { text: 'Hello Anna', commentVisibility: 'private' },
    });
  });

  it('sends the provider template outside the window, and refuses free text there', () => {
    const providerTemplate = {
      name: 'order_update',
      language: 'en',
      parameters: { body: [{ type: 'text' as const, text: 'Anna' }] },
    };
    expect(planReply('whatsapp', rendered({ providerTemplate }), { whatsappWindowOpen: false })).toEqual({
      ok: true,
      body: { template: providerTemplate },
    });
    expect(planReply('whatsapp', rendered(), { whatsappWindowOpen: false })).toEqual({
      ok: false,
      reason: 'window_closed_needs_template',
    });
  });

  it('sends e-mail with its HTML part and a subject only when one is given', () => {
    const r = rendered({ channel: 'email', html: '<p>Hello Anna</p>' });
    expect(planReply('email', r, { whatsappWindowOpen: null, subject: '  ' })).toEqual({
      ok: true,
      body: { text: 'Hello Anna', html: '<p>Hello Anna</p>' },
    });
    expect(planReply('email', r, { whatsappWindowOpen: null, subject: 'Your order' })).toEqual({
      ok: true,
      body: { text: 'Hello Anna', html: '<p>Hello Anna</p>', subject: 'Your order' },
    });
  });

  it('refuses an empty message', () => {
    expect(planReply('instagram', rendered({ text: '  ' }), { whatsappWindowOpen: null })).toEqual({
      ok: false,
      reason: 'empty',
    });
  });
});

describe('planReply with an asset', () => {
  it('sends the asset with the text, or alone, on every channel', () => {
    expect(planReply('whatsapp', rendered(), { whatsappWindowOpen: true, assetId: 'a1' })).toEqual({
      ok: true,
      body: { text: 'Hello Anna', assetId: 'a1' },
    });
    expect(
      planReply('instagram', rendered({ text: '' }), { whatsappWindowOpen: null, assetId: 'a1' }),
    ).toEqual({ ok: true, body: { assetId: 'a1' } });
    expect(
      planReply('email', rendered({ text: '  ', html: '<p></p>' }), {
        whatsappWindowOpen: null,
        subject: 'Menu',
        assetId: 'a1',
      }),
    ).toEqual({ ok: true, body: { subject: 'Menu', assetId: 'a1' } });
  });

  it('refuses a file outside the WhatsApp window instead of dropping it', () => {
    expect(planReply('whatsapp', rendered(), { whatsappWindowOpen: false, assetId: 'a1' })).toEqual({
      ok: false,
      reason: 'asset_needs_window',
    });
  });
});
