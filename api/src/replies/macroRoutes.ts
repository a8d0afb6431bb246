import type { EntityManager } from '@mikro-orm/postgresql';
import { notFound } from '@c360/domain';
import { forTenant, Macro, runMacro } from '@c360/store';
import { defineRoute, type ApiRoute } from '../http/defineRoute';
import { idParamsSchema } from '../openapi/commonSchemas';
import { REPLY_EDITORS, REPLY_USERS } from './replyRoles';
import {
  macroCreateSchema,
  macroListSchema,
  macroPatchSchema,
  macroRunParamsSchema,
  macroRunResultSchema,
  macroSchema,
} from './replySchemas';

export type MacroRouteDeps = { em: EntityManager; now: () => Date };

const toView = (m: Macro) => ({
  id: m.id,
  name: m.name,
  description: m.description ?? null,
  actions: m.actions,
  createdAt: m.createdAt.toISOString(),
  updatedAt: m.updatedAt.toISOString(),
});

const load = async (em: EntityManager, id: string): Promise<Macro> => {
  const m = await em.findOne(Macro, { id });
  if (!m) throw notFound('macro', id);
  return m;
};

/** Macros: ordered actions managers define and agents run on a conversation in one go. */
export const macroRoutes = (deps: MacroRouteDeps): ApiRoute[] => [
  defineRoute({
    method: 'get',
    path: '/api/v1/replies/macros',
    operationId: 'listMacros',
    summary: 'Macros, by name',
    tags: ['replies'],
    access: REPLY_USERS,
    responses: { 200: { description: 'The macros', schema: macroListSchema } },
    handler: async ({ principal }) => {
      const rows = await forTenant(deps.em, principal.tenantId).find(Macro, {}, { orderBy: { name: 'asc' } });
      return { status: 200, body: { items: rows.map(toView) } };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/v1/replies/macros',
    operationId: 'createMacro',
    summary: 'Create a macro',
    description:
      'Actions run in order: insert_template, tag (the customer), assign (user and/or team), set_priority ' +
      '(of the ticket), resolve, send_survey.',
    tags: ['replies'],
    access: REPLY_EDITORS,
    body: macroCreateSchema,
    responses: { 201: { description: 'Created', schema: macroSchema } },
    errors: [409],
    handler: async ({ principal, body }) => {
      const em = forTenant(deps.em, principal.tenantId);
      const m = em.create(Macro, {
        tenant: principal.tenantId,
        name: body.name,
        description: body.description ?? null,
        actions: body.actions,
        favoriteUserIds: [],
      });
      await em.flush();
      return { status: 201, body: toView(m) };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/v1/replies/macros/:id',
    operationId: 'getMacro',
    summary: 'One macro',
    tags: ['replies'],
    access: REPLY_USERS,
    params: idParamsSchema,
    responses: { 200: { description: 'The macro', schema: macroSchema } },
    errors: [404],
    handler: async ({ principal, params }) => ({
      status: 200,
      body: toView(await load(forTenant(deps.em, principal.tenantId), params.id)),
    }),
  }),
  defineRoute({
    method: 'patch',
    path: '/api/v1/replies/macros/:id',
    operationId: 'updateMacro',
    summary: 'Change a macro',
    tags: ['replies'],
    access: REPLY_EDITORS,
    params: idParamsSchema,
    body: macroPatchSchema,
    responses: { 200: { description: 'The macro after the change', schema: macroSchema } },
    errors: [404, 409],
    handler: async ({ principal, params, body }) => {
      const em = forTenant(deps.em, principal.tenantId);
      const m = await load(em, params.id);
      if (body.name !== undefined) m.name = body.name;
      if (body.description !== undefined) m.description = body.description;
      if (body.actions !== undefined) m.actions = body.actions;
      await em.flush();
      return { status: 200, body: toView(m) };
    },
  }),
  defineRoute({
    method: 'delete',
    path: '/api/v1/replies/macros/:id',
    operationId: 'deleteMacro',
    summary: 'Delete a macro',
    tags: ['replies'],
    access: REPLY_EDITORS,
    params: idParamsSchema,
    responses: { 204: { description: 'Deleted' } },
    errors: [404],
    handler: async ({ principal, params }) => {
      const em = forTenant(deps.em, principal.tenantId);
      await em.remove(await load(em, params.id)).flush();
      return { status: 204 };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/v1/conversations/:id/macros/:macroId/run',
    operationId: 'runMacro',
    summary: 'Run a macro on a conversation, all or nothing',
    description:
      'The actions apply in order in one transaction: if one cannot apply (no ticket to prioritise, a user or ' +
      'template that is not found...), the answer is a 409 naming it and nothing changed. resolve and ' +
      'send_survey append the outbox events ticket.resolved and survey.requested (nothing is sent here); ' +
      'insert_template returns the rendered text as `draft`. The run is audited (`macro.run`).',
    tags: ['replies'],
    access: REPLY_USERS,
    params: macroRunParamsSchema,
    responses: { 200: { description: 'The actions applied', schema: macroRunResultSchema } },
    errors: [404, 409],
    handler: async ({ principal, params, requestId }) => ({
      status: 200,
      body: await runMacro(deps.em, principal.tenantId, {
        conversationId: params.id,
        macroId: params.macroId,
        actorUserId: principal.userId,
        requestId,
        now: deps.now(),
      }),
    }),
  }),
];
