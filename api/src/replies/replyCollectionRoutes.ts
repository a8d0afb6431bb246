import type { z } from 'zod';
import type { Role } from '@c360/domain';
import type { Principal } from '../auth/principal';
import { defineRoute, type ApiRoute } from '../http/defineRoute';
import { idParamsSchema } from '../openapi/commonSchemas';

type Op = 'list' | 'create' | 'get' | 'update' | 'delete';
type RoleAccess = readonly [Role, ...Role[]];

/** What a collection does with its rows, for one tenant. */
export type CollectionRecords<Row, Create, Patch, Query> = {
  list(query: Query, principal: Principal): Promise<Row[]>;
  create(body: Create): Promise<Row>;
  get(id: string): Promise<Row>;
  update(id: string, body: Patch): Promise<Row>;
  remove(id: string): Promise<void>;
};

export type CollectionSpec<
  Row,
  CS extends z.ZodType,
  PS extends z.ZodType,
  QS extends z.ZodObject | undefined,
> = {
  /** `/api/v1/replies/snippets`; one row is at `<path>/:id`. */
  path: string;
  /** `snippet`: the response texts say "The snippets", "The snippet", "The snippet after the change". */
  noun: string;
  operationIds: Record<Op, string>;
  summaries: Record<Op, string>;
  createDescription?: string;
  /** Who reads (list, get) and who writes (create, update, delete). */
  access: { read: RoleAccess; write: RoleAccess };
  schemas: { one: z.ZodType; list: z.ZodType; create: CS; patch: PS; listQuery?: QS };
  records: (
    tenantId: string,
  ) => CollectionRecords<Row, z.output<CS>, z.output<PS>, QS extends z.ZodType ? z.output<QS> : undefined>;
  view: (row: Row, principal: Principal) => unknown;
};

/**
 * The five routes of a tenant's collection (list, create, get, change, delete), documented the
 * same way for templates, snippets and macros; what differs is in `records` and `view`.
 */
export const collectionRoutes = <
  Row,
  CS extends z.ZodType,
  PS extends z.ZodType,
  QS extends z.ZodObject | undefined = undefined,
>(
  spec: CollectionSpec<Row, CS, PS, QS>,
): ApiRoute[] => {
  const { access, schemas, noun } = spec;
  const item = `${spec.path}/:id`;
  const base = (op: Op) => ({
    operationId: spec.operationIds[op],
    summary: spec.summaries[op],
    tags: ['replies'],
  });
  return [
    defineRoute({
      ...base('list'),
      method: 'get',
      path: spec.path,
      access: access.read,
      ...(schemas.listQuery ? { query: schemas.listQuery } : {}),
      responses: { 200: { description: `The ${noun}s`, schema: schemas.list } },
      handler: async ({ principal, query }) => {
        const rows = await spec
          .records(principal.tenantId)
          .list(query as Parameters<ReturnType<typeof spec.records>['list']>[0], principal);
        return { status: 200, body: { items: rows.map((r) => spec.view(r, principal)) } };
      },
    }),
    defineRoute({
      ...base('create'),
      ...(spec.createDescription ? { description: spec.createDescription } : {}),
      method: 'post',
      path: spec.path,
      access: access.write,
      body: schemas.create,
      responses: { 201: { description: 'Created', schema: schemas.one } },
      errors: [409],
      handler: async ({ principal, body }) => ({
        status: 201,
        body: spec.view(await spec.records(principal.tenantId).create(body as z.output<CS>), principal),
      }),
    }),
    defineRoute({
      ...base('get'),
      method: 'get',
      path: item,
      access: access.read,
      params: idParamsSchema,
      responses: { 200: { description: `The ${noun}`, schema: schemas.one } },
      errors: [404],
      handler: async ({ principal, params }) => ({
        status: 200,
        body: spec.view(await spec.records(principal.tenantId).get(params.id), principal),
      }),
    }),
    defineRoute({
      ...base('update'),
      method: 'patch',
      path: item,
      access: access.write,
      params: idParamsSchema,
      body: schemas.patch,
      responses: { 200: { description: `The ${noun} after the change`, schema: schemas.one } },
      errors: [404, 409],
      handler: async ({ principal, params, body }) => ({
        status: 200,
        body: spec.view(
          await spec.records(principal.tenantId).update(params.id, body as z.output<PS>),
          principal,
        ),
      }),
    }),
    defineRoute({
      ...base('delete'),
      method: 'delete',
      path: item,
      access: access.write,
      params: idParamsSchema,
      responses: { 204: { description: 'Deleted' } },
      errors: [404],
      handler: async ({ principal, params }) => {
        await spec.records(principal.tenantId).remove(params.id);
        return { status: 204 };
      },
    }),
  ];
};
