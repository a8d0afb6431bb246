import type { Channel, RenderedReply, ReplyBody } from '../api/types';

export type SendPlan =
  | { ok: true; body: ReplyBody }
  | { ok: false; reason: 'window_closed_needs_template' | 'empty' };

/**
 * The reply to send for a rendered message on a channel. WhatsApp outside its 24-hour window takes
 * only an approved provider template; inside it, and on Instagram, plain text; e-mail gets its HTML
 * and plain parts (and a subject when one is given).
 */
export const planReply = (
  channel: Channel,
  rendered: RenderedReply,
  options: { whatsappWindowOpen: boolean | null; subject?: string; commentVisibility?: 'public' | 'private' },
): SendPlan => {
  if (channel === 'whatsapp' && options.whatsappWindowOpen === false) {
    if (!rendered.providerTemplate) return { ok: false, reason: 'window_closed_needs_template' };
    const { name, language, parameters } = rendered.providerTemplate;
    return { ok: true, body: { template: { name, language, parameters } } };
  }
  const text = rendered.text.trim();
  if (!text) return { ok: false, reason: 'empty' };
  if (channel === 'email')
    return {
      ok: true,
      body: {
        text,
        ...(rendered.html ? { html: rendered.html } : {}),
        ...(options.subject?.trim() ? { subject: options.subject.trim() } : {}),
      },
    };
  if (channel === 'instagram' && options.commentVisibility)
    return { ok: true, body: { text, commentVisibility: options.commentVisibility } };
  return { ok: true, body: { text } };
};
