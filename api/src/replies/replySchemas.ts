import { z } from 'zod';
import { macroActionsSchema, REPLY_VARIABLES, unknownVariablesOf } from '@c360/domain';
import { TEMPLATE_APPROVAL_STATUSES, TEMPLATE_CHANNELS } from '@c360/store';

/** Text whose `{{placeholders}}` must all be in the allowlist: a 400 names the unknown one. */
const templatedText = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .superRefine((text, ctx) => {
      for (const name of unknownVariablesOf(text))
        ctx.addIssue({
          code: 'custom',
          message: `unknown variable ${name}; allowed: ${REPLY_VARIABLES.join(', ')}`,
        });
    });

const whatsappSpecSchema = z.object({
  header: z
    .union([
      z.object({ format: z.literal('text'), parameters: z.number().int().min(0).max(1) }),
      z.object({ format: z.enum(['image', 'document', 'video']), parameters: z.literal(1) }),
    ])
    .nullable(),
  body: z.array(z.enum(['text', 'currency', 'date_time'])).max(20),
  buttons: z
    .array(
      z.object({
        index: z.number().int().min(0).max(9),
        subType: z.enum(['quick_reply', 'url', 'flow']),
        parameters: z.number().int().min(0).max(1),
      }),
    )
    .max(10),
});

const templateFields = {
  name: z.string().trim().min(1).max(200),
  channel: z.enum(TEMPLATE_CHANNELS),
  language: z.string().trim().min(2).max(10).default('en'),
  category: z.string().trim().max(100).nullable().optional(),
  subject: templatedText(500).nullable().optional(),
  body: templatedText(10_000),
  providerTemplateName: z.string().trim().min(1).max(200).nullable().optional(),
  whatsappSpec: whatsappSpecSchema.nullable().optional(),
  parameters: z.array(z.string()).max(20).optional().meta({
    description:
      'for a WhatsApp provider template: the variable that fills each body placeholder {{1}}, {{2}}...',
  }),
  approvalStatus: z.enum(TEMPLATE_APPROVAL_STATUSES).optional(),
};

export const templateCreateSchema = z.object(templateFields);
export const templatePatchSchema = z.object(templateFields).partial();

export const templateSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    channel: z.enum(TEMPLATE_CHANNELS),
    language: z.string(),
    category: z.string().nullable(),
    subject: z.string().nullable(),
    body: z.string(),
    providerTemplateName: z.string().nullable(),
    whatsappSpec: whatsappSpecSchema.nullable(),
    parameters: z.array(z.string()),
    approvalStatus: z.enum(TEMPLATE_APPROVAL_STATUSES),
    favorite: z.boolean().meta({ description: 'a favorite of the calling user' }),
    usageCount: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'ReplyTemplate' });

export const templateListQuerySchema = z.object({
  channel: z.enum(TEMPLATE_CHANNELS).optional(),
  favorites: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export const templateListSchema = z.object({ items: z.array(templateSchema) });

export const snippetCreateSchema = z.object({
  shortcut: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9_-]{0,99}$/, 'lowercase letters, digits, - and _ only'),
  title: z.string().trim().min(1).max(200),
  body: templatedText(5_000),
  language: z.string().trim().min(2).max(10).nullable().optional(),
});
export const snippetPatchSchema = snippetCreateSchema.partial();
export const snippetSchema = z
  .object({
    id: z.uuid(),
    shortcut: z.string(),
    title: z.string(),
    body: z.string(),
    language: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Snippet' });
export const snippetListSchema = z.object({ items: z.array(snippetSchema) });

export const replyPartSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('template'), id: z.uuid() }),
  z.object({ type: z.literal('snippet'), id: z.uuid() }),
  z.object({ type: z.literal('text'), text: z.string().min(1).max(10_000) }),
]);

export const composeSchema = z.object({
  channel: z.enum(TEMPLATE_CHANNELS),
  customerId: z.uuid(),
  ticketId: z.uuid().optional(),
  parts: z.array(replyPartSchema).min(1).max(20),
});

export const previewSchema = z.object({
  customerId: z.uuid(),
  ticketId: z.uuid().optional(),
});

export const renderedReplySchema = z
  .object({
    channel: z.enum(TEMPLATE_CHANNELS),
    text: z.string().meta({ description: 'plain text (WhatsApp, Instagram, the email plain alternative)' }),
    html: z.string().nullable().meta({ description: 'email only: the HTML body, every part escaped' }),
    templateIds: z.array(z.uuid()),
    providerTemplate: z
      .object({
        name: z.string(),
        language: z.string(),
        parameters: z
          .object({ body: z.array(z.object({ type: z.literal('text'), text: z.string() })).optional() })
          .loose(),
      })
      .nullable(),
  })
  .meta({ id: 'RenderedReply' });

export const macroCreateSchema = z.object({
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2000).nullable().optional(),
  actions: macroActionsSchema,
});
export const macroPatchSchema = macroCreateSchema.partial();
export const macroSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    description: z.string().nullable(),
    actions: macroActionsSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Macro' });
export const macroListSchema = z.object({ items: z.array(macroSchema) });
export const macroRunParamsSchema = z.object({ id: z.uuid(), macroId: z.uuid() });
export const macroRunResultSchema = z.object({
  conversationId: z.uuid(),
  macroId: z.uuid(),
  applied: z.array(z.string()),
  draft: z.string().nullable(),
});
