import type { MikroORM } from '@mikro-orm/postgresql';
import { RETENTION_RULES } from '@c360/domain';
import {
  appendOutboxEvent,
  AuditLog,
  CUSTOMER_CHANGED,
  forTenant,
  RetentionPolicy,
  type SearchClient,
} from '@c360/store';
import type { PrivacyActivities, PurgeTarget, RetentionTenant } from '@c360/workflows';
import { purgeExportFiles } from './purgeExportFiles';
import { reindexCustomers } from './reindexCustomers';
import { RETENTION_BATCH_SQL } from './retentionSql';

export type RetentionDeps = {
  orm: MikroORM;
  search: SearchClient;
  indexPrefix: string;
  /** Where export files live (the export-files rule removes them); a worker without one cannot purge files. */
  exportDir?: string;
  clock?: () => Date;
};

type RetentionActivities = Pick<
  PrivacyActivities,
  'nextRetentionTenant' | 'purgeRetentionBatch' | 'recordRetentionReport'
>;

const PURGE_TARGETS = RETENTION_RULES.map((r) => r.target) as PurgeTarget[];

/** The activities of the nightly retention purge (workflows/src/purgeRetention.ts). */
export const createRetentionActivities = (deps: RetentionDeps): RetentionActivities => {
  const clock = deps.clock ?? (() => new Date());
  return {
    async nextRetentionTenant({ afterTenantId, tenantId }) {
      // Across tenants on purpose: the purge is the platform's, not a tenant's; every later
      // step is scoped to the one tenant found here.
      const rows = await deps.orm.em
        .fork()
        .getConnection()
        .execute<{ tenant_id: string; target: PurgeTarget; retention_days: number }[]>(
          `select tenant_id, target, retention_days from retention_policy
          where enabled and target in (${PURGE_TARGETS.map(() => '?').join(', ')})
            and tenant_id = (select tenant_id from retention_policy
                              where enabled and target in (${PURGE_TARGETS.map(() => '?').join(', ')})
                                and ${tenantId ? 'tenant_id = ?' : afterTenantId ? 'tenant_id > ?' : 'true'}
                              order by tenant_id limit 1)`,
          [
            ...PURGE_TARGETS,
            ...PURGE_TARGETS,
            ...(tenantId ? [tenantId] : afterTenantId ? [afterTenantId] : []),
          ],
        );
      const first = rows[0];
      if (!first) return null;
      const byTarget = new Map(rows.map((r) => [r.target, r.retention_days]));
      const tenant: RetentionTenant = { tenantId: first.tenant_id, rules: [] };
      // Rules in a fixed order, so a resumed run finds its place by index.
      for (const target of PURGE_TARGETS) {
        const days = byTarget.get(target);
        if (days) tenant.rules.push({ target, days });
      }
      return tenant;
    },

    async purgeRetentionBatch({ tenantId, target, days, asOf, limit }) {
      const cutoff = new Date(new Date(asOf).getTime() - days * 86_400_000);
      const em = forTenant(deps.orm.em.fork(), tenantId);
      // Export files are not customer records: no document to refresh, files to remove.
      if (target === 'exports') return purgeExportFiles(em, deps.exportDir, tenantId, cutoff, limit);
      const customerIds = await em.transactional(async (tx) => {
        const rows = await tx.execute<{ customer_id: string }[]>(RETENTION_BATCH_SQL[target], [
          tenantId,
          cutoff,
          limit,
        ]);
        const customers = [...new Set(rows.map((r) => r.customer_id))];
        // Raw SQL passes the outbox subscriber by: the events that reindex and re-evaluate
        // segments are appended here, in the same transaction.
        for (const customerId of customers) {
          appendOutboxEvent(tx, {
            type: CUSTOMER_CHANGED,
            aggregateType: 'customer',
            aggregateId: customerId,
            payload: { customerId, reasons: [`retention.${target}`] },
          });
        }
        await tx.flush();
        return { affected: rows.length, customers };
      });
      await reindexCustomers(em.fork(), deps, tenantId, customerIds.customers, clock());
      return { affected: customerIds.affected, customers: customerIds.customers.length };
    },

    async recordRetentionReport({ tenantId, asOf, workflowId, counts }) {
      const em = forTenant(deps.orm.em.fork(), tenantId);
      await em.transactional(async (tx) => {
        // One report per run and tenant: a retried activity finds the one it wrote.
        const existing = await tx.findOne(AuditLog, {
          action: 'retention.purged',
          entityType: 'tenant',
          entityId: tenantId,
          requestId: workflowId.slice(0, 100),
        });
        if (existing) return;
        tx.create(AuditLog, {
          tenant: tenantId,
          actorType: 'system',
          actorId: null,
          action: 'retention.purged',
          entityType: 'tenant',
          entityId: tenantId,
          before: null,
          after: { asOf, counts: { messages: 0, calls: 0, tickets: 0, exports: 0, ...counts }, workflowId },
          reason: 'retention policy',
          source: 'retention_schedule',
          requestId: workflowId.slice(0, 100),
        });
        const policies = await tx.find(RetentionPolicy, { target: { $in: PURGE_TARGETS } });
        for (const policy of policies) policy.lastRunAt = new Date(asOf);
      });
    },
  };
};
