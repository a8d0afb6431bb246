import { z } from 'zod';
import { graphErrors, type GraphError } from './graphError';

const link = z.url({ protocol: /^https?$/, message: 'must be an http or https URL' });
const media = z
  .object({
    link: link.optional(),
    id: z.string().min(1).optional(),
    caption: z.string().max(1024).optional(),
    filename: z.string().max(240).optional(),
  })
  .refine((m) => m.link !== undefined || m.id !== undefined, { message: 'link or id is required' });

const templateParameter = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string().min(1).max(1024) }),
  z.object({
    type: z.literal('currency'),
    currency: z.object({
      fallback_value: z.string(),
      code: z.string().length(3),
      amount_1000: z.number().int(),
    }),
  }),
  z.object({ type: z.literal('date_time'), date_time: z.object({ fallback_value: z.string() }) }),
  z.object({ type: z.literal('image'), image: media }),
  z.object({ type: z.literal('document'), document: media }),
  z.object({ type: z.literal('video'), video: media }),
  z.object({ type: z.literal('payload'), payload: z.string().min(1).max(256) }),
  z.object({
    type: z.literal('action'),
    action: z.object({
      flow_token: z.string().min(1).optional(),
      flow_action_data: z.record(z.string(), z.unknown()).optional(),
    }),
  }),
]);
export type TemplateParameter = z.infer<typeof templateParameter>;

const template = z.object({
  name: z.string().min(1).max(512),
  language: z.object({ code: z.string().min(2), policy: z.literal('deterministic').optional() }),
  components: z
    .array(
      z.object({
        type: z.enum(['header', 'body', 'button']),
        sub_type: z.enum(['quick_reply', 'url', 'flow']).optional(),
        index: z.union([z.string().regex(/^\d+$/), z.number().int().min(0)]).optional(),
        parameters: z.array(templateParameter).default([]),
      }),
    )
    .default([]),
});
export type TemplateSend = z.infer<typeof template>;

const interactiveHeader = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string().min(1).max(60) }),
  z.object({ type: z.literal('image'), image: media }),
  z.object({ type: z.literal('document'), document: media }),
]);
const interactiveBase = {
  header: interactiveHeader.optional(),
  body: z.object({ text: z.string().min(1).max(1024) }),
  footer: z.object({ text: z.string().min(1).max(60) }).optional(),
};
const interactive = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('button'),
    ...interactiveBase,
    action: z.object({
      buttons: z
        .array(
          z.object({
            type: z.literal('reply'),
            reply: z.object({ id: z.string().min(1).max(256), title: z.string().min(1).max(20) }),
          }),
        )
        .min(1)
        .max(3)
        .refine((bs) => new Set(bs.map((b) => b.reply.id)).size === bs.length, {
          message: 'button ids must be unique',
        }),
    }),
  }),
  z.object({
    type: z.literal('list'),
    ...interactiveBase,
    action: z.object({
      button: z.string().min(1).max(20),
      sections: z
        .array(
          z.object({
            title: z.string().max(24).optional(),
            rows: z
              .array(
                z.object({
                  id: z.string().min(1).max(200),
                  title: z.string().min(1).max(24),
                  description: z.string().max(72).optional(),
                }),
              )
              .min(1),
          }),
        )
        .min(1)
        .max(10)
        .refine((ss) => ss.reduce((n, s) => n + s.rows.length, 0) <= 10, {
          message: 'at most 10 rows in all sections',
        }),
    }),
  }),
  z.object({
    type: z.literal('flow'),
    ...interactiveBase,
    action: z.object({
      name: z.literal('flow'),
      parameters: z
        .object({
          flow_message_version: z.literal('3'),
          flow_token: z.string().min(1).optional(),
          flow_id: z.string().min(1).optional(),
          flow_name: z.string().min(1).optional(),
          flow_cta: z.string().min(1).max(30),
          flow_action: z.enum(['navigate', 'data_exchange']).default('navigate'),
          flow_action_payload: z
            .object({ screen: z.string().min(1), data: z.record(z.string(), z.unknown()).optional() })
            .optional(),
          mode: z.enum(['draft', 'published']).optional(),
        })
        .refine((p) => (p.flow_id === undefined) !== (p.flow_name === undefined), {
          message: 'exactly one of flow_id and flow_name',
        }),
    }),
  }),
]);

const messageTypes = ['text', 'image', 'document', 'video', 'audio', 'template', 'interactive'] as const;

/** The media message types, and the largest file the Cloud API takes for each (Supported media types). */
export const WHATSAPP_MEDIA_MAX_BYTES: Record<'image' | 'document' | 'video' | 'audio', number> = {
  image: 5 * 1024 * 1024,
  document: 100 * 1024 * 1024,
  video: 16 * 1024 * 1024,
  audio: 16 * 1024 * 1024,
};

// Audio takes no caption or file name.
const audio = z
  .object({ link: link.optional(), id: z.string().min(1).optional() })
  .strict()
  .refine((m) => m.link !== undefined || m.id !== undefined, { message: 'link or id is required' });

/** `POST /{phone-number-id}/messages` as the Cloud API documents it, for the types the sandbox serves. */
export const whatsappSendSchema = z
  .object({
    messaging_product: z.literal('whatsapp'),
    recipient_type: z.literal('individual').default('individual'),
    to: z.string().regex(/^\+?\d{6,15}$/, 'must be a phone number in international format'),
    type: z.enum(messageTypes).default('text'),
    context: z.object({ message_id: z.string().min(1) }).optional(),
    biz_opaque_callback_data: z.string().max(512).optional(),
    text: z.object({ body: z.string().min(1).max(4096), preview_url: z.boolean().optional() }).optional(),
    image: media.optional(),
    document: media.optional(),
    video: media.optional(),
    audio: audio.optional(),
    template: template.optional(),
    interactive: interactive.optional(),
  })
  .superRefine((message, ctx) => {
    if (message[message.type] === undefined)
      ctx.addIssue({
        code: 'custom',
        path: [message.type],
        message: `is required for type ${message.type}`,
        params: { missing: true },
      });
  });
export type WhatsAppSend = z.infer<typeof whatsappSendSchema>;

/** Meta's answer to a malformed send: 131008 for a missing field, 100 for a bad type, 131009 for a bad value. */
export const sendSchemaError = (error: z.ZodError): GraphError => {
  const issue = error.issues[0]!;
  const field = issue.path.join('.') || 'body';
  const details = `Parameter '${field}' ${issue.message}`;
  if (issue.input === undefined || (issue.code === 'custom' && issue.params?.['missing'] === true))
    return graphErrors.missingParameter(`Parameter '${field}' is required`);
  if (issue.path[0] === 'messaging_product' || issue.path[0] === 'type' || issue.code === 'invalid_union')
    return graphErrors.invalidParameter(details);
  return graphErrors.invalidParameterValue(details);
};
