import type { EntityManager } from '@mikro-orm/postgresql';
import type { Role } from '@c360/domain';
import { defineRoute, type ApiRoute } from '../http/defineRoute';
import { idParamsSchema } from '../openapi/commonSchemas';
import { customerRecords } from './customerRecords';
import {
  customerCreateSchema,
  customerListQuerySchema,
  customerListSchema,
  customerPatchSchema,
  customerSchema,
} from './customerSchemas';
import type { CustomerSearchHit, SearchCustomers } from './searchPort';

/** Who may see customers; ops run processes and do not read profiles. */
export const CUSTOMER_READERS = ['agent', 'marketer', 'manager', 'admin'] as const satisfies readonly Role[];
/** Who may create and edit them; marketers work on segments, not on individual records. */
export const CUSTOMER_WRITERS = ['agent', 'manager', 'admin'] as const satisfies readonly Role[];
/** Deleting a customer erases its history (deals, tickets, conversations): admins only. */
export const CUSTOMER_DELETERS = ['admin'] as const satisfies readonly Role[];

const toListItem = (hit: CustomerSearchHit) => ({
  id: hit.customerId,
  firstName: hit.firstName,
  lastName: hit.lastName,
  emails: hit.emails,
  phones: hit.phones,
  tags: hit.tags,
  language: hit.language,
  timeZone: hit.timeZone,
  lifecycleStage: hit.lifecycleStage,
  isVip: hit.isVip,
  ownerId: hit.ownerId,
  optedIn: hit.preferences.optedIn,
  stats: {
    ordersWon: hit.stats.ordersWon,
    revenueWon: hit.stats.revenueWon,
    lastOrderAt: hit.stats.lastOrderAt,
    openTickets: hit.stats.openTickets,
    slaBreaches: hit.stats.slaBreaches,
    messages: hit.stats.messages,
    lastActivityAt: hit.stats.lastActivityAt,
  },
  createdAt: hit.createdAt,
  updatedAt: hit.updatedAt,
});

export type CustomerRouteDeps = { em: EntityManager; searchCustomers: SearchCustomers };

/** Customer profiles: reads and writes on PostgreSQL, the list and search on OpenSearch. */
export const customerRoutes = (deps: CustomerRouteDeps): ApiRoute[] => [
  defineRoute({
    method: 'get',
    path: '/api/v1/customers',
    operationId: 'listCustomers',
    summary: 'List and search customers',
    description:
      'Served from the search index, which follows PostgreSQL within about a second of a write. ' +
      '`q` matches names (prefixes too), e-mails (whole or in parts), phone digits and tags; filters combine with AND.',
    tags: ['customers'],
    access: CUSTOMER_READERS,
    query: customerListQuerySchema,
    responses: { 200: { description: 'One page of customers', schema: customerListSchema } },
    errors: [503],
    handler: async ({ principal, query }) => {
      const page = await deps.searchCustomers(principal.tenantId, query);
      return {
        status: 200,
        body: {
          items: page.items.map(toListItem),
          page: page.page,
          pageSize: page.pageSize,
          total: page.total,
        },
      };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/api/v1/customers',
    operationId: 'createCustomer',
    summary: 'Create a customer',
    description: 'A new customer is opted in to no channel; change that through /preferences or /consent.',
    tags: ['customers'],
    access: CUSTOMER_WRITERS,
    body: customerCreateSchema,
    responses: {
      201: { description: 'Created', schema: customerSchema, headers: { Location: 'the new customer' } },
    },
    handler: async ({ principal, body }) => {
      const customer = await customerRecords(deps.em, principal.tenantId).create(body);
      return { status: 201, headers: { Location: `/api/v1/customers/${customer.id}` }, body: customer };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/v1/customers/:id',
    operationId: 'getCustomer',
    summary: 'Get a customer',
    tags: ['customers'],
    access: CUSTOMER_READERS,
    params: idParamsSchema,
    responses: { 200: { description: 'The customer', schema: customerSchema } },
    errors: [404],
    handler: async ({ principal, params }) => ({
      status: 200,
      body: await customerRecords(deps.em, principal.tenantId).get(params.id),
    }),
  }),
  defineRoute({
    method: 'patch',
    path: '/api/v1/customers/:id',
    operationId: 'updateCustomer',
    summary: 'Change some fields of a customer',
    tags: ['customers'],
    access: CUSTOMER_WRITERS,
    params: idParamsSchema,
    body: customerPatchSchema,
    responses: { 200: { description: 'The customer after the change', schema: customerSchema } },
    errors: [404],
    handler: async ({ principal, params, body }) => ({
      status: 200,
      body: await customerRecords(deps.em, principal.tenantId).update(params.id, body),
    }),
  }),
  defineRoute({
    method: 'delete',
    path: '/api/v1/customers/:id',
    operationId: 'deleteCustomer',
    summary: 'Delete a customer and everything attached to it',
    description:
      'Deals, tickets, conversations, calls and survey answers go with it; the audit trail (consent history) stays.',
    tags: ['customers'],
    access: CUSTOMER_DELETERS,
    params: idParamsSchema,
    responses: { 204: { description: 'Deleted' } },
    errors: [404],
    handler: async ({ principal, params, requestId }) => {
      await customerRecords(deps.em, principal.tenantId).remove(params.id, {
        actorId: principal.userId,
        requestId,
      });
      return { status: 204 };
    },
  }),
];
