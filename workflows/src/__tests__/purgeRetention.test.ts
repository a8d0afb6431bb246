import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, DefaultLogger, Runtime, Worker, type WorkflowBundle } from '@temporalio/worker';
import type { PrivacyActivities, PurgeTarget, RetentionTenant } from '../shared/privacyActivityTypes';
import { purgeRetention } from '../purgeRetention';
import { createTimeSkippingEnv } from './testEnvironment';

Runtime.install({ logger: new DefaultLogger('ERROR') });

/** Three tenants' rules and how many rows each rule has to purge; the fake activities count them down. */
const TENANTS: RetentionTenant[] = [
  {
    tenantId: 't1',
    rules: [
      { target: 'messages', days: 30 },
      { target: 'tickets', days: 90 },
    ],
  },
  { tenantId: 't2', rules: [{ target: 'calls', days: 7 }] },
  {
    tenantId: 't3',
    rules: [
      { target: 'messages', days: 1 },
      { target: 'calls', days: 2 },
      { target: 'tickets', days: 3 },
    ],
  },
];
const ROWS: Record<string, Partial<Record<PurgeTarget, number>>> = {
  t1: { messages: 7, tickets: 2 },
  t2: { calls: 0 },
  t3: { messages: 3, calls: 5, tickets: 4 },
};

const fakeActivities = () => {
  const left = structuredClone(ROWS);
  const reports: { tenantId: string; counts: unknown; asOf: string }[] = [];
  const batches: string[] = [];
  const activities: Pick<
    PrivacyActivities,
    'nextRetentionTenant' | 'purgeRetentionBatch' | 'recordRetentionReport'
  > = {
    async nextRetentionTenant({ afterTenantId, tenantId }) {
      if (tenantId) return TENANTS.find((t) => t.tenantId === tenantId) ?? null;
      return TENANTS.find((t) => afterTenantId === null || t.tenantId > afterTenantId) ?? null;
    },
    async purgeRetentionBatch({ tenantId, target, limit, days }) {
      batches.push(`${tenantId}:${target}:${days}`);
      const remaining = left[tenantId]![target] ?? 0;
      const affected = Math.min(limit, remaining);
      left[tenantId]![target] = remaining - affected;
      return { affected, customers: affected };
    },
    async recordRetentionReport(input) {
      reports.push({ tenantId: input.tenantId, counts: input.counts, asOf: input.asOf });
    },
  };
  return { activities, left, reports, batches };
};

describe('purgeRetention workflow', () => {
  let env: TestWorkflowEnvironment;
  let workflowBundle: WorkflowBundle;
  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    workflowBundle = await bundleWorkflowCode({
      workflowsPath: require.resolve('../all'),
      logger: new DefaultLogger('ERROR'),
    });
  }, 120_000);
  afterAll(async () => {
    await env?.teardown();
  });

  it('purges every rule of every tenant to the end across continue-as-new, one report per tenant', async () => {
    const fake = fakeActivities();
    const taskQueue = `retention-wf-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle,
      activities: fake.activities,
    });
    const workflowId = `retention-wf-${randomUUID()}`;
    const asOf = '2026-06-15T02:15:00.000Z';
    const result = await worker.runUntil(
      env.client.workflow.execute(purgeRetention, {
        taskQueue,
        workflowId,
        // Two rows per batch, three batches per run: the run continues as new mid-tenant and mid-rule.
        args: [{ asOf, batchSize: 2, batchesPerRun: 3 }],
      }),
    );
    expect(fake.left).toEqual({
      t1: { messages: 0, tickets: 0 },
      t2: { calls: 0 },
      t3: { messages: 0, calls: 0, tickets: 0 },
    });
    expect(result).toEqual({
      asOf,
      phase: 'done',
      tenantsDone: 3,
      currentTenantId: null,
      counts: { messages: 10, calls: 5, tickets: 6, exports: 0 },
      batches: fake.batches.length,
    });
    expect(fake.reports).toEqual([
      { tenantId: 't1', asOf, counts: { messages: 7, tickets: 2 } },
      { tenantId: 't2', asOf, counts: { calls: 0 } },
      { tenantId: 't3', asOf, counts: { messages: 3, calls: 5, tickets: 4 } },
    ]);
    // Each rule keeps its own age limit; a batch that comes back short ends the rule.
    expect(fake.batches.filter((b) => b === 't1:messages:30')).toHaveLength(4);
    expect(fake.batches.filter((b) => b === 't3:tickets:3')).toHaveLength(3);
    const described = await env.client.workflow.getHandle(workflowId).describe();
    expect(described.runId).not.toBe(described.raw.workflowExecutionInfo?.firstRunId);
  }, 120_000);
});
