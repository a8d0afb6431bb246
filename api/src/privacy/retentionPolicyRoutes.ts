import type { EntityManager } from '@mikro-orm/postgresql';
import { NO_RETENTION, RETENTION_RULES, type RetentionPolicies } from '@c360/domain';
import { forTenant, RetentionPolicy } from '@c360/store';
import { defineRoute, type ApiRoute } from '../http/defineRoute';
import { retentionPoliciesBodySchema, retentionPoliciesViewSchema } from './privacySchemas';

const POLICIES_PATH = '/api/v1/admin/retention-policies';

const readPolicies = async (em: EntityManager) => {
  const rows = await em.find(RetentionPolicy, { target: { $in: RETENTION_RULES.map((r) => r.target) } });
  const policies: RetentionPolicies = { ...NO_RETENTION };
  let lastRunAt: Date | null = null;
  for (const rule of RETENTION_RULES) {
    const row = rows.find((r) => r.target === rule.target);
    if (row?.enabled) policies[rule.key] = row.retentionDays;
    if (row?.lastRunAt && (!lastRunAt || row.lastRunAt > lastRunAt)) lastRunAt = row.lastRunAt;
  }
  return { policies, lastRunAt: lastRunAt?.toISOString() ?? null };
};

/**
 * The tenant's retention policies, applied by the nightly purge (the `retention-purge` Schedule
 * in Temporal UI). Replaced as a whole; a rule set to null is turned off (its row kept, so its
 * last run stays known).
 */
export const retentionPolicyRoutes = (deps: { em: EntityManager }): ApiRoute[] => [
  defineRoute({
    method: 'get',
    path: POLICIES_PATH,
    operationId: 'getRetentionPolicies',
    summary: "The tenant's retention policies",
    tags: ['admin', 'privacy'],
    access: ['admin'],
    responses: { 200: { description: 'The policies', schema: retentionPoliciesViewSchema } },
    handler: async ({ principal }) => ({
      status: 200,
      body: await readPolicies(forTenant(deps.em, principal.tenantId)),
    }),
  }),
  defineRoute({
    method: 'put',
    path: POLICIES_PATH,
    operationId: 'replaceRetentionPolicies',
    summary: "Replace the tenant's retention policies",
    description: 'Every rule must be given: null turns it off. The next nightly purge applies the change.',
    tags: ['admin', 'privacy'],
    access: ['admin'],
    body: retentionPoliciesBodySchema,
    responses: { 200: { description: 'The stored policies', schema: retentionPoliciesViewSchema } },
    handler: async ({ principal, body }) => {
      const em = forTenant(deps.em, principal.tenantId);
      await em.transactional(async (tx) => {
        const rows = await tx.find(RetentionPolicy, {
          target: { $in: RETENTION_RULES.map((r) => r.target) },
        });
        for (const rule of RETENTION_RULES) {
          const days = body[rule.key];
          const row = rows.find((r) => r.target === rule.target);
          if (row) {
            row.enabled = days !== null;
            if (days !== null) row.retentionDays = days;
            row.action = rule.action;
          } else if (days !== null) {
            tx.create(RetentionPolicy, {
              tenant: principal.tenantId,
              target: rule.target,
              retentionDays: days,
              action: rule.action,
              enabled: true,
            });
          }
        }
      });
      return { status: 200, body: await readPolicies(forTenant(deps.em, principal.tenantId)) };
    },
  }),
];
