import type { Channel, RenderedReply, ReplyBody } from '../api/types';

export type SendPlan =
  | { ok: true; body: ReplyBody }
  | { ok: false; reason: 'window_closed_needs_template' | 'asset_needs_window' | 'empty' };

/**
 * The reply to send for a rendered message on a channel. WhatsApp outside its 24-hour window takes
 * only an approved provider template (no file); inside it, and on Instagram, plain text; e-mail
 * gets its HTML and plain parts (and a subject when one is given). A chosen asset goes with the
 * text, or alone.
 */
export const planReply = (
  channel: Channel,
  rendered: RenderedReply,
  options: {
    whatsappWindowOpen: boolean | null;
    subject?: string;
    commentVisibility?: 'public' | 'private';
    assetId?: string;
  },
): SendPlan => {
  const asset = options.assetId ? { assetId: options.assetId } : {};
  if (channel === 'whatsapp' && options.whatsappWindowOpen === false) {
    if (options.assetId) return { ok: false, reason: 'asset_needs_window' };
    if (!rendered.providerTemplate) return { ok: false, reason: 'window_closed_needs_template' };
    const { name, language, parameters } = rendered.providerTemplate;
    return { ok: true, body: { template: { name, language, parameters } } };
  }
  const text = rendered.text.trim();
  if (!text && !options.assetId) return { ok: false, reason: 'empty' };
  const words = text ? { text } : {};
  if (channel === 'email')
    return {
      ok: true,
      body: {
        ...words,
        ...(text && rendered.html ? { html: rendered.html } : {}),
        ...(options.subject?.trim() ? { subject: options.subject.trim() } : {}),
        ...asset,
      },
    };
  if (channel === 'instagram' && options.commentVisibility)
    return { ok: true, body: { ...words, commentVisibility: options.commentVisibility, ...asset } };
  return { ok: true, body: { ...words, ...asset } };
};
