import type { EntityManager } from '@mikro-orm/postgresql';
import { forTenant, renderReplyForSend } from '@c360/store';
import { defineRoute, type ApiRoute } from '../http/defineRoute';
import { idParamsSchema } from '../openapi/commonSchemas';
import { REPLY_EDITORS, REPLY_USERS } from './replyRoles';
import {
  previewSchema,
  renderedReplySchema,
  templateCreateSchema,
  templateListQuerySchema,
  templateListSchema,
  templatePatchSchema,
  templateSchema,
} from './replySchemas';
import { templateRecords, toTemplateView } from './templateRecords';
import { collectionRoutes } from './replyCollectionRoutes';

export type ReplyRouteDeps = { em: EntityManager };

/** Reply templates: curated by managers, used (and made favorites) by agents. */
export const templateRoutes = (deps: ReplyRouteDeps): ApiRoute[] => [
  ...collectionRoutes({
    path: '/api/v1/replies/templates',
    noun: 'template',
    operationIds: {
      list: 'listReplyTemplates',
      create: 'createReplyTemplate',
      get: 'getReplyTemplate',
      update: 'updateReplyTemplate',
      delete: 'deleteReplyTemplate',
    },
    summaries: {
      list: 'Reply templates, most used first',
      create: 'Create a reply template',
      get: 'One reply template',
      update: 'Change a reply template',
      delete: 'Delete a reply template',
    },
    createDescription:
      'Placeholders (`{{customer.firstName}}`...) must be in the allowlist; an unknown one is a 400 naming it. ' +
      'A WhatsApp template may map to an approved provider template: `providerTemplateName`, `whatsappSpec` ' +
      '(its shape) and `parameters` (the variable for each body placeholder), checked against each other.',
    access: { read: REPLY_USERS, write: REPLY_EDITORS },
    schemas: {
      one: templateSchema,
      list: templateListSchema,
      create: templateCreateSchema,
      patch: templatePatchSchema,
      listQuery: templateListQuerySchema,
    },
    records: (tenantId) => {
      const records = templateRecords(deps.em, tenantId);
      return {
        ...records,
        list: (query, principal) =>
          records.list({
            channel: query.channel,
            favoritesOf: query.favorites ? principal.userId : undefined,
          }),
      };
    },
    view: (t, principal) => toTemplateView(t, principal.userId),
  }),
  ...(['put', 'delete'] as const).map((method) =>
    defineRoute({
      method,
      path: '/api/v1/replies/templates/:id/favorite',
      operationId: method === 'put' ? 'favoriteReplyTemplate' : 'unfavoriteReplyTemplate',
      summary:
        method === 'put'
          ? 'Make a template a favorite of the caller'
          : "Remove a template from the caller's favorites",
      tags: ['replies'],
      access: REPLY_USERS,
      params: idParamsSchema,
      responses: { 200: { description: 'The template', schema: templateSchema } },
      errors: [404],
      handler: async ({ principal, params }) => ({
        status: 200,
        body: toTemplateView(
          await templateRecords(deps.em, principal.tenantId).setFavorite(
            params.id,
            principal.userId,
            method === 'put',
          ),
          principal.userId,
        ),
      }),
    }),
  ),
  defineRoute({
    method: 'post',
    path: '/api/v1/replies/templates/:id/preview',
    operationId: 'previewReplyTemplate',
    summary: 'Render a template for a customer, as the calling agent',
    description:
      'Email renders to escaped HTML and plain text, WhatsApp and Instagram to plain text; a WhatsApp template ' +
      'mapped to a provider template also gives the provider send. A variable without a value is a 400 naming it. ' +
      'A preview does not count as a use.',
    tags: ['replies'],
    access: REPLY_USERS,
    params: idParamsSchema,
    body: previewSchema,
    responses: { 200: { description: 'The rendered template', schema: renderedReplySchema } },
    errors: [404],
    handler: async ({ principal, params, body }) => {
      const em = forTenant(deps.em, principal.tenantId);
      const template = await templateRecords(deps.em, principal.tenantId).get(params.id);
      const rendered = await renderReplyForSend(em, principal.tenantId, {
        channel: template.channel,
        parts: [{ type: 'template', id: template.id }],
        customerId: body.customerId,
        ticketId: body.ticketId ?? null,
        agentId: principal.userId,
        forSend: false,
      });
      return { status: 200, body: rendered };
    },
  }),
];
