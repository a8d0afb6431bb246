import type { z } from 'zod';
import { Snippet } from '@c360/store';
import type { ApiRoute } from '../http/defineRoute';
import { entityRecords } from './entityRecords';
import { collectionRoutes } from './replyCollectionRoutes';
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

/** Snippets: short text blocks any agent keeps for the team, inserted by shortcut. */
export const snippetRoutes = (deps: ReplyRouteDeps): ApiRoute[] =>
  collectionRoutes({
    path: '/api/v1/replies/snippets',
    noun: 'snippet',
    operationIds: {
      list: 'listSnippets',
      create: 'createSnippet',
      get: 'getSnippet',
      update: 'updateSnippet',
      delete: 'deleteSnippet',
    },
    summaries: {
      list: 'Snippets, by shortcut',
      create: 'Create a snippet',
      get: 'One snippet',
      update: 'Change a snippet',
      delete: 'Delete a snippet',
    },
    createDescription: 'The body may use the same variables as templates; an unknown one is a 400 naming it.',
    access: { read: REPLY_USERS, write: REPLY_USERS },
    schemas: {
      one: snippetSchema,
      list: snippetListSchema,
      create: snippetCreateSchema,
      patch: snippetPatchSchema,
    },
    records: (tenantId) =>
      entityRecords<Snippet, z.output<typeof snippetCreateSchema>, z.output<typeof snippetPatchSchema>>(
        deps.em,
        tenantId,
        Snippet,
        'snippet',
        { orderBy: { shortcut: 'asc' }, create: (body) => ({ ...body, language: body.language ?? null }) },
      ),
    view: toView,
  });
