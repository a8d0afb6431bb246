import type { EntityManager } from '@mikro-orm/postgresql';
import { CONSENT_CSV_HEADER, csvRecord, type CsvValue } from '@c360/domain';
import { forTenant } from '@c360/store';
import { findCustomerOr404 } from '../customer360/customerGuard';
import { defineRoute, type ApiRoute } from '../http/defineRoute';
import { idParamsSchema } from '../openapi/commonSchemas';

type ConsentRow = {
  created_at: Date;
  entity_id: string;
  action: string;
  after: { channel?: string } | null;
  before: { channel?: string } | null;
  source: string | null;
  reason: string | null;
  actor_type: string;
  actor_id: string | null;
};

const CONSENT_SQL = `
  select created_at, entity_id, action, after, before, source, reason, actor_type, actor_id
    from audit_log
   where tenant_id = ? and entity_type = 'customer' and action in ('consent.granted', 'consent.revoked')
     and (?::text is null or entity_id = ?)
   order by created_at, id`;

/** The consent log as CSV (RFC 4180, CRLF, text starting a formula neutralised by the domain's encoder). */
const writeConsentCsv = async (
  em: EntityManager,
  tenantId: string,
  customerId: string | null,
  res: import('express').Response,
  fileName: string,
) => {
  const rows = await forTenant(em, tenantId).execute<ConsentRow[]>(CONSENT_SQL, [
    tenantId,
    customerId,
    customerId,
  ]);
  res.status(200);
  res.setHeader('Content-Type', 'text/csv; charset=utf-8');
  res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
  res.write(csvRecord(CONSENT_CSV_HEADER));
  for (const r of rows) {
    const values: CsvValue[] = [
      new Date(r.created_at).toISOString(),
      r.entity_id,
      r.after?.channel ?? r.before?.channel ?? null,
      r.action === 'consent.granted' ? 'granted' : 'revoked',
      r.source,
      r.reason,
      r.actor_type,
      r.actor_id,
    ];
    res.write(csvRecord(values));
  }
  res.end();
};

const csvResponse = {
  200: {
    description: `The consent log, columns ${CONSENT_CSV_HEADER.join(', ')}`,
    mediaType: 'text/csv' as const,
    headers: { 'Content-Disposition': 'attachment; filename=...' },
  },
};

/** The consent log (consent changes recorded in the audit log) as CSV, per customer and per tenant. */
export const consentExportRoutes = (deps: { em: EntityManager }): ApiRoute[] => [
  defineRoute({
    method: 'get',
    path: '/api/v1/customers/:id/consent.csv',
    operationId: 'exportCustomerConsent',
    summary: "A customer's consent log as CSV",
    tags: ['customers', 'privacy'],
    access: ['admin', 'manager'],
    params: idParamsSchema,
    responses: csvResponse,
    errors: [404],
    handler: async ({ principal, params, res }) => {
      await findCustomerOr404(deps.em, principal.tenantId, params.id);
      await writeConsentCsv(deps.em, principal.tenantId, params.id, res, `consent-${params.id}.csv`);
      return { status: 200, streamed: true };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/v1/consent.csv',
    operationId: 'exportTenantConsent',
    summary: "The tenant's consent log as CSV (every customer, oldest first)",
    tags: ['privacy'],
    access: ['admin', 'manager'],
    responses: csvResponse,
    handler: async ({ principal, res }) => {
      await writeConsentCsv(deps.em, principal.tenantId, null, res, 'consent.csv');
      return { status: 200, streamed: true };
    },
  }),
];
