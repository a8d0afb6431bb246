import type { EntityManager } from '@mikro-orm/postgresql';

export type SurveyRequestRef = { id: string; tenantId: string };

/**
 * The request (and its tenant) a public survey link names, by its stored token. The one
 * deliberate cross-tenant read of surveys: the public page has no tenant until this answers,
 * and the token is unique across tenants. Raw SQL, since the tenant filter refuses a query
 * without a tenant.
 */
export const findSurveyRequestByToken = async (
  em: EntityManager,
  token: string,
): Promise<SurveyRequestRef | null> => {
  const rows = await em
    .getConnection()
    .execute<
      { id: string; tenant_id: string }[]
    >('select id, tenant_id from survey_request where token = ?', [token]);
  const row = rows[0];
  return row ? { id: row.id, tenantId: row.tenant_id } : null;
};
