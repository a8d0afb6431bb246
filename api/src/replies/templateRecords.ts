import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { AppError, checkWhatsAppMapping, notFound, type FieldProblem } from '@c360/domain';
import { forTenant, Template } from '@c360/store';
import type { templateCreateSchema, templatePatchSchema } from './replySchemas';

type TemplateInput = z.output<typeof templatePatchSchema>;

export const toTemplateView = (t: Template, userId: string) => ({
  id: t.id,
  name: t.name,
  channel: t.channel,
  language: t.language,
  category: t.category ?? null,
  subject: t.subject ?? null,
  body: t.body,
  providerTemplateName: t.providerTemplateName ?? null,
  whatsappSpec: t.whatsappSpec ?? null,
  parameters: t.parameters as string[],
  approvalStatus: t.approvalStatus,
  favorite: (t.favoriteUserIds as string[]).includes(userId),
  usageCount: t.usageCount,
  createdAt: t.createdAt.toISOString(),
  updatedAt: t.updatedAt.toISOString(),
});

/** A provider template is WhatsApp only, comes with its approved shape, and its mapping must fit it. */
const checkProviderMapping = (t: Template): FieldProblem[] => {
  if (!t.providerTemplateName) {
    if (t.channel === 'whatsapp' && (t.parameters as string[]).length > 0)
      return [{ path: 'body.providerTemplateName', message: 'parameters map a provider template: name it' }];
    return [];
  }
  if (t.channel !== 'whatsapp')
    return [
      { path: 'body.providerTemplateName', message: `only WhatsApp templates map to a provider template` },
    ];
  if (!t.whatsappSpec)
    return [
      {
        path: 'body.whatsappSpec',
        message: "required with providerTemplateName: the approved template's shape",
      },
    ];
  return checkWhatsAppMapping(
    {
      providerTemplateName: t.providerTemplateName,
      language: t.language,
      bodyVariables: t.parameters as string[],
      spec: t.whatsappSpec,
    },
    'body.parameters',
  ).map((p) => (p.path.startsWith('whatsappSpec') ? { ...p, path: `body.${p.path}` } : p));
};

const assign = (t: Template, input: TemplateInput): void => {
  for (const [key, value] of Object.entries(input)) {
    if (value !== undefined) (t as Record<string, unknown>)[key] = value;
  }
};

/** Reply templates of one tenant. */
export const templateRecords = (rootEm: EntityManager, tenantId: string) => {
  const scoped = () => forTenant(rootEm, tenantId);
  const load = async (em: EntityManager, id: string): Promise<Template> => {
    const t = await em.findOne(Template, { id });
    if (!t) throw notFound('template', id);
    return t;
  };
  const save = async (em: EntityManager, t: Template): Promise<Template> => {
    const problems = checkProviderMapping(t);
    if (problems.length > 0)
      throw new AppError('validation', 'the provider template mapping does not fit', { fields: problems });
    await em.flush();
    return t;
  };

  return {
    list: (filter: { channel?: string | undefined; favoritesOf?: string | undefined }) =>
      scoped().find(
        Template,
        {
          ...(filter.channel ? { channel: filter.channel as Template['channel'] } : {}),
          ...(filter.favoritesOf ? { favoriteUserIds: { $contains: [filter.favoritesOf] } } : {}),
        },
        { orderBy: { usageCount: 'desc', name: 'asc' } },
      ),
    get: (id: string) => load(scoped(), id),
    create: async (input: z.output<typeof templateCreateSchema>) => {
      const em = scoped();
      const t = em.create(Template, {
        tenant: tenantId,
        name: input.name,
        channel: input.channel,
        language: input.language,
        body: input.body,
        parameters: [],
        favoriteUserIds: [],
      });
      assign(t, input);
      return save(em, t);
    },
    update: async (id: string, input: TemplateInput) => {
      const em = scoped();
      const t = await load(em, id);
      assign(t, input);
      return save(em, t);
    },
    remove: async (id: string) => {
      const em = scoped();
      const t = await load(em, id);
      await em.remove(t).flush();
    },
    setFavorite: async (id: string, userId: string, favorite: boolean) => {
      const em = scoped();
      const t = await load(em, id);
      const others = (t.favoriteUserIds as string[]).filter((u) => u !== userId);
      t.favoriteUserIds = favorite ? [...others, userId] : others;
      await em.flush();
      return t;
    },
  };
};
