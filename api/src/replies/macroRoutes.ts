import type { EntityManager } from '@mikro-orm/postgresql';
import type { z } from 'zod';
import { Macro, runMacro } from '@c360/store';
import { defineRoute, type ApiRoute } from '../http/defineRoute';
import { entityRecords } from './entityRecords';
import { collectionRoutes } from './replyCollectionRoutes';
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

/** Macros: ordered actions managers define and agents run on a conversation in one go. */
export const macroRoutes = (deps: MacroRouteDeps): ApiRoute[] => [
  ...collectionRoutes({
    path: '/api/v1/replies/macros',
    noun: 'macro',
    operationIds: {
      list: 'listMacros',
      create: 'createMacro',
      get: 'getMacro',
      update: 'updateMacro',
      delete: 'deleteMacro',
    },
    summaries: {
      list: 'Macros, by name',
      create: 'Create a macro',
      get: 'One macro',
      update: 'Change a macro',
      delete: 'Delete a macro',
    },
    createDescription:
      'Actions run in order: insert_template, tag (the customer), assign (user and/or team), set_priority ' +
      '(of the ticket), resolve, send_survey.',
    access: { read: REPLY_USERS, write: REPLY_EDITORS },
    schemas: { one: macroSchema, list: macroListSchema, create: macroCreateSchema, patch: macroPatchSchema },
    records: (tenantId) =>
      entityRecords<Macro, z.output<typeof macroCreateSchema>, z.output<typeof macroPatchSchema>>(
        deps.em,
        tenantId,
        Macro,
        'macro',
        {
          orderBy: { name: 'asc' },
          create: (body) => ({
            name: body.name,
            description: body.description ?? null,
            actions: body.actions,
            favoriteUserIds: [],
          }),
        },
      ),
    view: toView,
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
