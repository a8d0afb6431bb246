import { Router } from 'express';
import { z } from 'zod';
import { emitWhatsAppStatus } from '../graph/whatsappStatuses';
import type { SandboxContext } from '../sandboxContext';
import { newIds } from '../state/ids';
import type { WhatsAppAccount } from '../state/sandboxState';
import { whatsappInboundMessage, type InboundWhatsAppContent } from '../webhooks/whatsappEvents';
import { ControlError, notFound, parseBody } from './controlError';
import { flowTokenOf } from './flowToken';

const link = z.url({ protocol: /^https?$/, message: 'must be an http or https URL' });

const inboundSchema = z
  .object({
    phoneNumberId: z.string().min(1).optional(),
    from: z.string().regex(/^\d{6,15}$/, 'must be a WhatsApp id: digits only, international format'),
    name: z.string().min(1).max(100).default('Sandbox Customer'),
    text: z.string().min(1).max(4096).optional(),
    image: z
      .object({ link, caption: z.string().max(1024).optional() })
      .strict()
      .optional(),
    document: z
      .object({ link, filename: z.string().min(1), caption: z.string().max(1024).optional() })
      .strict()
      .optional(),
    buttonReply: z
      .object({ id: z.string().min(1), title: z.string().min(1) })
      .strict()
      .optional(),
    listReply: z
      .object({ id: z.string().min(1), title: z.string().min(1), description: z.string().optional() })
      .strict()
      .optional(),
    templateButton: z
      .object({ payload: z.string().min(1), text: z.string().min(1) })
      .strict()
      .optional(),
    flowResponse: z
      .object({ response: z.record(z.string(), z.unknown()), body: z.string().default('Sent') })
      .strict()
      .optional(),
    contextMessageId: z.string().min(1).optional(),
    at: z.iso.datetime({ offset: true }).optional(),
  })
  .strict()
  .superRefine((m, ctx) => {
    const kinds = [
      'text',
      'image',
      'document',
      'buttonReply',
      'listReply',
      'templateButton',
      'flowResponse',
    ] as const;
    const given = kinds.filter((k) => m[k] !== undefined);
    if (given.length !== 1)
      ctx.addIssue({ code: 'custom', path: [], message: `exactly one of ${kinds.join(', ')} is required` });
  });
type Inbound = z.infer<typeof inboundSchema>;

// Media arrives from WhatsApp as an id to download; the sandbox keeps the link beside it.
const mediaId = () => newIds.instagramObjectId();

const contentOf = (m: Inbound): InboundWhatsAppContent => {
  if (m.text !== undefined) return { type: 'text', text: { body: m.text } };
  if (m.image)
    return {
      type: 'image',
      image: { id: mediaId(), mime_type: 'image/jpeg', link: m.image.link, caption: m.image.caption },
    };
  if (m.document)
    return {
      type: 'document',
      document: {
        id: mediaId(),
        mime_type: 'application/pdf',
        link: m.document.link,
        filename: m.document.filename,
        caption: m.document.caption,
      },
    };
  if (m.buttonReply)
    return { type: 'interactive', interactive: { type: 'button_reply', button_reply: m.buttonReply } };
  if (m.listReply)
    return { type: 'interactive', interactive: { type: 'list_reply', list_reply: m.listReply } };
  if (m.templateButton) return { type: 'button', button: m.templateButton };
  const flow = m.flowResponse!;
  return {
    type: 'interactive',
    interactive: {
      type: 'nfm_reply',
      nfm_reply: { name: 'flow', body: flow.body, response_json: JSON.stringify(flow.response) },
    },
  };
};

const flowReplySchema = z
  .object({
    /** The flow message (or template with a FLOW button) the customer completed. */
    messageId: z.string().min(1),
    /** What the flow's screens collected; Meta adds the message's `flow_token`. */
    response: z.record(z.string(), z.unknown()),
    name: z.string().min(1).max(100).default('Sandbox Customer'),
    body: z.string().min(1).default('Sent'),
    at: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();

const statusSchema = z
  .object({
    messageId: z.string().min(1),
    status: z.enum(['sent', 'delivered', 'read', 'failed']),
    errorCode: z.number().int().positive().optional(),
  })
  .strict();

/** Acting as a WhatsApp customer: inbound messages of every kind, and statuses on demand. */
export const whatsappCustomerRoutes = (ctx: SandboxContext): Router => {
  const { state } = ctx;
  const router = Router();
  const account = (phoneNumberId: string | undefined): WhatsAppAccount => {
    const found = phoneNumberId
      ? state.whatsappAccounts.find((a) => a.phoneNumberId === phoneNumberId)
      : state.whatsappAccounts[0];
    if (!found) throw notFound(`WhatsApp phone number ${phoneNumberId}`);
    return found;
  };

  /** Delivers what the customer sent as Meta's `messages` webhook, and opens the 24-hour window. */
  const deliverInbound = (
    phone: WhatsAppAccount,
    m: { from: string; name: string; at?: string | undefined; contextMessageId?: string | undefined },
    content: InboundWhatsAppContent,
  ) => {
    const id = newIds.wamid();
    const at = m.at ? new Date(m.at) : new Date();
    const windowKey = `${phone.phoneNumberId}:${m.from}`;
    state.lastInboundAt.set(windowKey, Math.max(state.lastInboundAt.get(windowKey) ?? 0, at.getTime()));
    const payload = whatsappInboundMessage(phone, {
      from: m.from,
      name: m.name,
      id,
      at,
      content,
      ...(m.contextMessageId ? { contextId: m.contextMessageId } : {}),
    });
    const delivery = ctx.webhooks.send('whatsapp', JSON.stringify(payload));
    return { messageId: id, deliveryId: delivery.id, payload };
  };

  router.post('/inbound', (req, res) => {
    const m = parseBody(inboundSchema, req);
    res.status(202).json(deliverInbound(account(m.phoneNumberId), m, contentOf(m)));
  });

  // The customer completes a flow the business sent: Meta's `nfm_reply`, whose `response_json`
  // carries the flow's answers and the message's flow token, in reply to (context) that message.
  router.post('/flow-replies', (req, res) => {
    const r = parseBody(flowReplySchema, req);
    const message = state.whatsappMessages.find((m) => m.id === r.messageId);
    if (!message) throw notFound(`WhatsApp message ${r.messageId}`);
    const token = flowTokenOf(message);
    if (token === null)
      throw new ControlError(400, 'validation', 'invalid request: body.messageId', [
        { path: 'body.messageId', message: 'the message opens no flow with a flow_token' },
      ]);
    const content: InboundWhatsAppContent = {
      type: 'interactive',
      interactive: {
        type: 'nfm_reply',
        nfm_reply: {
          name: 'flow',
          body: r.body,
          response_json: JSON.stringify({ ...r.response, flow_token: token }),
        },
      },
    };
    const delivered = deliverInbound(
      account(message.phoneNumberId),
      { from: message.to, name: r.name, at: r.at, contextMessageId: message.id },
      content,
    );
    res.status(202).json(delivered);
  });

  router.post('/statuses', (req, res) => {
    const s = parseBody(statusSchema, req);
    const message = state.whatsappMessages.find((m) => m.id === s.messageId);
    if (!message) throw notFound(`WhatsApp message ${s.messageId}`);
    if (s.errorCode !== undefined && s.status !== 'failed')
      throw new ControlError(400, 'validation', 'invalid request: body.errorCode', [
        { path: 'body.errorCode', message: 'only a failed status carries an error code' },
      ]);
    const delivery = emitWhatsAppStatus(ctx, account(message.phoneNumberId), message, s.status, s.errorCode);
    res.status(202).json({ deliveryId: delivery.id });
  });

  router.get('/messages', (req, res) => {
    const to = req.query['to'];
    res.json({
      data: state.whatsappMessages.filter((m) => typeof to !== 'string' || m.to === to.replace(/^\+/, '')),
    });
  });

  return router;
};
