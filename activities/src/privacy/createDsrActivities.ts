import type { Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/activity';
import type { MikroORM } from '@mikro-orm/postgresql';
import { AuditLog, forTenant, type AssetStore, type SearchClient } from '@c360/store';
import type { PrivacyActivities } from '@c360/workflows';
import { eraseCustomerRows } from './eraseCustomerRows';
import { reindexCustomers } from './reindexCustomers';
import { scrubCustomerFiles } from './scrubCustomerFiles';
import { CustomerNotFound, writeDsrArchive } from './writeDsrArchive';

export type DsrDeps = {
  orm: MikroORM;
  search: SearchClient;
  indexPrefix: string;
  /** The export folder: export files to scrub, access archives to write. */
  exportDir: string;
  /** Where attachment bytes live. */
  assets?: AssetStore;
  /** To find and cancel the customer's running workflows. */
  temporal: Client;
  clock?: () => Date;
};

type DsrActivities = Omit<
  PrivacyActivities,
  'nextRetentionTenant' | 'purgeRetentionBatch' | 'recordRetentionReport'
>;

/** The activities of the data-subject request workflows (access export, erasure). */
export const createDsrActivities = (deps: DsrDeps): DsrActivities => {
  const clock = deps.clock ?? (() => new Date());
  const em = (tenantId: string) => forTenant(deps.orm.em.fork(), tenantId);
  return {
    async writeDsrArchive(input) {
      try {
        return await writeDsrArchive(em(input.tenantId), { ...deps, now: clock() }, input);
      } catch (error) {
        if (error instanceof CustomerNotFound)
          throw ApplicationFailure.nonRetryable(error.message, error.name);
        throw error;
      }
    },

    async cancelCustomerWorkflows({ tenantId, customerId, exceptWorkflowId }) {
      const query = `TenantId = "${tenantId}" AND CustomerId = "${customerId}" AND ExecutionStatus = "Running"`;
      let cancelled = 0;
      for await (const execution of deps.temporal.workflow.list({ query })) {
        if (execution.workflowId === exceptWorkflowId) continue;
        try {
          await deps.temporal.workflow.getHandle(execution.workflowId, execution.runId).cancel();
          cancelled += 1;
        } catch (error) {
          // Finished between the listing and the cancel: nothing left to stop.
          if ((error as { name?: string }).name !== 'WorkflowNotFoundError') throw error;
        }
      }
      return { cancelled };
    },

    async scrubCustomerFiles(input) {
      return scrubCustomerFiles(em(input.tenantId), deps, input);
    },

    async eraseCustomerRows(input) {
      return eraseCustomerRows(em(input.tenantId), input);
    },

    async removeCustomerDocument({ tenantId, customerId }) {
      const before = await deps.search
        .exists({ index: `${deps.indexPrefix}customers`, id: customerId })
        .then((r) => Boolean(r.body))
        .catch(() => false);
      // Written from PostgreSQL, where the customer is gone: a versioned delete, so a late
      // write of the relay holding older data cannot bring the document back.
      await reindexCustomers(em(tenantId), deps, tenantId, [customerId], clock());
      return { removed: before };
    },

    async recordDsrAudit({ tenantId, customerId, requestId, requestedByUserId, kind, workflowId, outcome }) {
      const action = kind === 'erase' ? 'dsr.erased' : 'dsr.exported';
      const tx = em(tenantId);
      const existing = await tx.findOne(AuditLog, {
        action,
        entityType: 'customer',
        entityId: customerId,
        requestId,
      });
      if (existing) return;
      tx.create(AuditLog, {
        tenant: tenantId,
        actorType: requestedByUserId ? 'user' : 'system',
        actorId: requestedByUserId,
        action,
        entityType: 'customer',
        entityId: customerId,
        before: null,
        // Ids and counts only: the record of an erasure must not hold what was erased.
        after: { workflowId, ...outcome },
        reason: kind === 'erase' ? 'data-subject erasure request' : 'data-subject access request',
        source: 'dsr',
        requestId,
      });
      await tx.flush();
    },
  };
};
