import type { SandboxContext } from '../sandboxContext';
import { newIds } from '../state/ids';
import type { SentWhatsAppMessage, WhatsAppAccount } from '../state/sandboxState';
import { graphBody } from './formBody';
import type { GraphHandler } from './graphRoute';
import { validateTemplateSend } from './templateValidation';
import { fetchMedia } from './fetchMedia';
import { sendSchemaError, WHATSAPP_MEDIA_MAX_BYTES, whatsappSendSchema } from './whatsappSendSchema';
import { scheduleWhatsAppStatuses } from './whatsappStatuses';

const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

// WhatsApp accepts such a send, then reports it failed with 131047 (Re-engagement message).
const outsideServiceWindow = (ctx: SandboxContext, account: WhatsAppAccount, waId: string, type: string) => {
  if (!ctx.state.settings.enforceServiceWindow || type === 'template') return false;
  const last = ctx.state.lastInboundAt.get(`${account.phoneNumberId}:${waId}`);
  return last === undefined || Date.now() - last >= SERVICE_WINDOW_MS;
};

/** `POST /{phone-number-id}/messages`: validates like the Cloud API, answers with a wamid, then statuses. */
export const sendWhatsAppMessage =
  (ctx: SandboxContext, account: WhatsAppAccount): GraphHandler =>
  ({ req, fault }) => {
    const parsed = whatsappSendSchema.safeParse(graphBody(req.body), { reportInput: true });
    if (!parsed.success) throw sendSchemaError(parsed.error);
    const send = parsed.data;
    if (send.type === 'template') validateTemplateSend(ctx.state.templates, send.template!);
    const waId = send.to.replace(/^\+/, '');
    const message: SentWhatsAppMessage = {
      id: newIds.wamid(),
      at: new Date().toISOString(),
      phoneNumberId: account.phoneNumberId,
      to: waId,
      type: send.type,
      request: req.body as unknown,
      statuses: [],
    };
    ctx.state.whatsappMessages.push(message);
    const failure =
      fault?.kind === 'delivery_failed'
        ? { code: fault.code ?? 131026 }
        : outsideServiceWindow(ctx, account, waId, send.type)
          ? { code: 131047 }
          : null;
    const mediaType =
      send.type in WHATSAPP_MEDIA_MAX_BYTES ? (send.type as keyof typeof WHATSAPP_MEDIA_MAX_BYTES) : null;
    const link = mediaType ? send[mediaType]?.link : undefined;
    if (mediaType && link) {
      // Like the Cloud API: accepted at once, the link fetched afterwards; a link that cannot be
      // fetched (or gives the wrong type or too many bytes) makes the message fail with 131053.
      void fetchMedia(link, mediaType, WHATSAPP_MEDIA_MAX_BYTES[mediaType]).then((media) => {
        message.media = media;
        scheduleWhatsAppStatuses(ctx, account, message, failure ?? (media.ok ? null : { code: 131053 }));
      });
    } else scheduleWhatsAppStatuses(ctx, account, message, failure);
    return {
      status: 200,
      body: {
        messaging_product: 'whatsapp',
        contacts: [{ input: send.to, wa_id: waId }],
        messages: [{ id: message.id, ...(send.type === 'template' ? { message_status: 'accepted' } : {}) }],
      },
    };
  };

const PAGE_SIZE = 25;

/** `GET /{waba-id}/message_templates` with `name`, `language`, `status` filters and cursor paging. */
export const listMessageTemplates =
  (ctx: SandboxContext): GraphHandler =>
  ({ req }) => {
    const q = (name: string) =>
      typeof req.query[name] === 'string' ? (req.query[name] as string) : undefined;
    const limit = Math.min(Math.max(Number(q('limit') ?? PAGE_SIZE) || PAGE_SIZE, 1), 100);
    const start = q('after') ? Number(Buffer.from(q('after')!, 'base64url').toString()) || 0 : 0;
    const matching = ctx.state.templates.filter(
      (t) =>
        (q('name') === undefined || t.name.includes(q('name')!)) &&
        (q('language') === undefined || t.language === q('language')) &&
        (q('status') === undefined || t.status === q('status')!.toUpperCase()),
    );
    const page = matching.slice(start, start + limit);
    const cursor = (n: number) => Buffer.from(String(n)).toString('base64url');
    return {
      status: 200,
      body: {
        data: page,
        paging: {
          cursors: { before: cursor(start), after: cursor(start + page.length) },
          ...(start + page.length < matching.length
            ? { next: `?limit=${limit}&after=${cursor(start + page.length)}` }
            : {}),
        },
      },
    };
  };
