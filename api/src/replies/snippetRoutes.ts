import type { EntityManager } from '@mikro-orm/postgresql';
import { notFound } from '@c360/domain';
import { forTenant, Snippet } from '@c360/store';
import { defineRoute, type ApiRoute } from '../http/defineRoute';
import { idParamsSchema } from '../openapi/commonSchemas';
import { REPLY_USERS } from './replyRoles';
import { snippetCreateSchema, snippetListSchema, snippetPatchSchema, snippetSchema } from './replySchemas';
import type { ReplyRouteDeps } from './templateRoutes';

const toView = (s: Snippet) => ({
  id: s.id,
  shortcut: s.shortcut,
  title: s.title,
  body: s.body,
  language: s.language ?? null,
  createdAt: s.createdAt.toISOString(),
  updatedAt: s.updatedAt.toISOString(),
});

const load = async (em: EntityManager, id: string): Promise<Snippet> => {
  const s = await em.findOne(Snippet, { id });
  if (!s) throw notFound('snippet', id);
  return s;
};

/** Snippets: short text blocks any agent keeps for the team, inserted by shortcut. */
export const snippetRoutes = (deps: ReplyRouteDeps): ApiRoute[] => [
  defineRoute({
    method: 'get',
    path: '/api/v1/replies/snippets',
    operationId: 'listSnippets',
    summary: 'Snippets, by shortcut',
    tags: ['replies'],
    access: REPLY_USERS,
    responses: { 200: { description: 'The snippets', schema: snippetListSchema } },
    handler: async ({ principal }) => {
      const rows = await forTenant(deps.em, principal.tenantId).find(
        Snippet,
        {},
        { orderBy: { shortcut: 'asc' } },
      );
      return { status: 200, body: { items: rows.map(toView) } };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/v1/replies/snippets',
    operationId: 'createSnippet',
    summary: 'Create a snippet',
    description: 'The body may use the same variables as templates; an unknown one is a 400 naming it.',
    tags: ['replies'],
    access: REPLY_USERS,
    body: snippetCreateSchema,
    responses: { 201: { description: 'Created', schema: snippetSchema } },
    errors: [409],
    handler: async ({ principal, body }) => {
      const em = forTenant(deps.em, principal.tenantId);
      const s = em.create(Snippet, { tenant: principal.tenantId, ...body, language: body.language ?? null });
      await em.flush();
      return { status: 201, body: toView(s) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/v1/replies/snippets/:id',
    operationId: 'getSnippet',
    summary: 'One snippet',
    tags: ['replies'],
    access: REPLY_USERS,
    params: idParamsSchema,
    responses: { 200: { description: 'The snippet', schema: snippetSchema } },
    errors: [404],
    handler: async ({ principal, params }) => ({
      status: 200,
      body: toView(await load(forTenant(deps.em, principal.tenantId), params.id)),
    }),
  }),
  defineRoute({
    method: 'patch',
    path: '/api/v1/replies/snippets/:id',
    operationId: 'updateSnippet',
    summary: 'Change a snippet',
    tags: ['replies'],
    access: REPLY_USERS,
    params: idParamsSchema,
    body: snippetPatchSchema,
    responses: { 200: { description: 'The snippet after the change', schema: snippetSchema } },
    errors: [404, 409],
    handler: async ({ principal, params, body }) => {
      const em = forTenant(deps.em, principal.tenantId);
      const s = await load(em, params.id);
      for (const [k, v] of Object.entries(body)) if (v !== undefined) (s as Record<string, unknown>)[k] = v;
      await em.flush();
      return { status: 200, body: toView(s) };
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/api/v1/replies/snippets/:id',
    operationId: 'deleteSnippet',
    summary: 'Delete a snippet',
    tags: ['replies'],
    access: REPLY_USERS,
    params: idParamsSchema,
    responses: { 204: { description: 'Deleted' } },
    errors: [404],
    handler: async ({ principal, params }) => {
      const em = forTenant(deps.em, principal.tenantId);
      await em.remove(await load(em, params.id)).flush();
      return { status: 204 };
    },
  }),
];
