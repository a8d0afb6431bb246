import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { loadConfig } from '@c360/domain';
import { createOrm } from '@c360/store';
import { getRescoreStatus, startRescore } from '@c360/workflows';
import { workerConfigSpec } from '../worker/workerConfigSpec';

/**
 * `rescore [--all | --tenant <id|slug>] [--wait]`: starts a rescore workflow per tenant and,
 * with --wait, prints what each did once it completes. The worker process must be running.
 */
const main = async (): Promise<void> => {
  const args = process.argv.slice(2);
  const wait = args.includes('--wait');
  const tenantArg = args[args.indexOf('--tenant') + 1];
  if (!args.includes('--all') && !(args.includes('--tenant') && tenantArg)) {
    console.error('usage: rescore (--all | --tenant <id|slug>) [--wait]');
    process.exit(2);
  }
  const config = loadConfig(workerConfigSpec, process.env);
  const orm = await createOrm({ databaseUrl: config.C360_DATABASE_URL });
  const connection = await Connection.connect({ address: config.C360_TEMPORAL_ADDRESS });
  try {
    const tenants = await orm.em
      .fork()
      .getConnection()
      .execute<{ id: string; slug: string }[]>(
        args.includes('--all')
          ? 'select id, slug from tenant order by slug'
          : 'select id, slug from tenant where id::text = ? or slug = ?',
        args.includes('--all') ? [] : [tenantArg, tenantArg],
      );
    if (tenants.length === 0) throw new Error(`no tenant matches ${tenantArg ?? '--all'}`);
    const client = new Client({ connection, namespace: config.C360_TEMPORAL_NAMESPACE });
    const started = [];
    for (const tenant of tenants) {
      const run = await startRescore(client, { tenantId: tenant.id, requestId: randomUUID() });
      console.log(`rescore of ${tenant.slug}: workflow ${run.workflowId}`);
      started.push({ tenant, ...run });
    }
    if (!wait) return;
    for (const run of started) {
      await client.workflow.getHandle(run.workflowId).result();
      const status = await getRescoreStatus(client, run.tenant.id, run.workflowId);
      const p = status?.progress;
      console.log(
        `rescore of ${run.tenant.slug}: ${status?.status}, ${p?.scored} scored of ${p?.total}, ${p?.changed} changed, ${p?.events} events raised`,
      );
    }
  } finally {
    await connection.close();
    await orm.close();
  }
};

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
