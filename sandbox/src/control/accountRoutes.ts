import { Router } from 'express';
import { z } from 'zod';
import type { TemplateComponent } from '../graph/messageTemplates';
import type { SandboxContext } from '../sandboxContext';
import { newIds } from '../state/ids';
import { ControlError, parseBody } from './controlError';

const graphId = z.string().regex(/^\d{5,20}$/, 'must be a numeric Graph id');

// Two HEADER shapes share a type, so this is a plain union rather than a discriminated one.
const component = z.union([
  z
    .object({ type: z.literal('HEADER'), format: z.literal('TEXT'), text: z.string().min(1).max(60) })
    .strict(),
  z.object({ type: z.literal('HEADER'), format: z.enum(['IMAGE', 'DOCUMENT', 'VIDEO']) }).strict(),
  z.object({ type: z.literal('BODY'), text: z.string().min(1).max(1024) }).strict(),
  z.object({ type: z.literal('FOOTER'), text: z.string().min(1).max(60) }).strict(),
  z
    .object({
      type: z.literal('BUTTONS'),
      buttons: z
        .array(
          z.discriminatedUnion('type', [
            z.object({ type: z.literal('QUICK_REPLY'), text: z.string().min(1).max(25) }).strict(),
            z
              .object({ type: z.literal('URL'), text: z.string().min(1).max(25), url: z.string().min(1) })
              .strict(),
            z
              .object({
                type: z.literal('PHONE_NUMBER'),
                text: z.string().min(1).max(25),
                phone_number: z.string().min(5),
              })
              .strict(),
            z
              .object({
                type: z.literal('FLOW'),
                text: z.string().min(1).max(25),
                flow_id: graphId,
                flow_action: z.enum(['navigate', 'data_exchange']).default('navigate'),
              })
              .strict(),
          ]),
        )
        .min(1)
        .max(10),
    })
    .strict(),
]);

const templateSchema = z
  .object({
    name: z.string().regex(/^[a-z0-9_]{1,512}$/, 'lower-case letters, digits and _ only'),
    language: z.string().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, 'must be a locale such as en_US or fr'),
    status: z.enum(['APPROVED', 'PENDING', 'REJECTED', 'PAUSED', 'DISABLED']).default('APPROVED'),
    category: z.enum(['MARKETING', 'UTILITY', 'AUTHENTICATION']).default('UTILITY'),
    components: z
      .array(component)
      .min(1)
      .refine((cs) => cs.filter((c) => c.type === 'BODY').length === 1, {
        message: 'exactly one BODY component',
      }),
  })
  .strict();

const whatsappAccountSchema = z
  .object({ phoneNumberId: graphId, wabaId: graphId, displayPhoneNumber: z.string().regex(/^\d{6,15}$/) })
  .strict();
const instagramAccountSchema = z
  .object({ igUserId: graphId, username: z.string().regex(/^[a-z0-9._]{1,30}$/) })
  .strict();

const conflict = (message: string) => new ControlError(409, 'conflict', message);

/** What the fake Meta business holds: WhatsApp numbers and templates, Instagram accounts (one per tenant in tests). */
export const accountRoutes = (ctx: SandboxContext): Router => {
  const { state } = ctx;
  const router = Router();

  router.get('/whatsapp/templates', (_req, res) => {
    res.json({ data: state.templates });
  });
  router.post('/whatsapp/templates', (req, res) => {
    const input = parseBody(templateSchema, req);
    if (state.templates.some((t) => t.name === input.name && t.language === input.language))
      throw conflict(`template ${input.name} in ${input.language} exists`);
    const template = {
      id: newIds.instagramObjectId(),
      parameter_format: 'POSITIONAL' as const,
      ...input,
      components: input.components as TemplateComponent[],
    };
    state.templates.push(template);
    res.status(201).json(template);
  });

  router.get('/accounts', (_req, res) => {
    res.json({ whatsapp: state.whatsappAccounts, instagram: state.instagramAccounts });
  });
  router.post('/whatsapp/accounts', (req, res) => {
    const account = parseBody(whatsappAccountSchema, req);
    if (state.whatsappAccounts.some((a) => a.phoneNumberId === account.phoneNumberId))
      throw conflict(`phone number ${account.phoneNumberId} exists`);
    state.whatsappAccounts.push(account);
    res.status(201).json(account);
  });
  router.post('/instagram/accounts', (req, res) => {
    const account = parseBody(instagramAccountSchema, req);
    if (state.instagramAccounts.some((a) => a.igUserId === account.igUserId))
      throw conflict(`Instagram account ${account.igUserId} exists`);
    state.instagramAccounts.push(account);
    res.status(201).json(account);
  });

  return router;
};
