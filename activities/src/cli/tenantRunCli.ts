import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { loadConfig, type ConfigOf } from '@c360/domain';
import { createOrm } from '@c360/store';
import { workerConfigSpec } from '../worker/workerConfigSpec';

type Started = { workflowId: string; runId: string };
type WorkerConfig = ConfigOf<typeof workerConfigSpec>;

/** One tenant-wide workflow as the CLI drives it: how to start it, read its status, print its outcome. */
export type TenantRunCommand<S> = {
  /** The command's name, as in `reindex of acme: ...`. */
  name: string;
  start: (client: Client, input: { tenantId: string; requestId: string }) => Promise<Started>;
  status: (client: Client, tenantId: string, workflowId: string) => Promise<S | null>;
  /** With --all only, before any run starts (e.g. preparing a shared index for a full rebuild). */
  beforeAll?: (config: WorkerConfig) => Promise<void>;
  /** The line printed once a run completed, after `<name> of <slug>: `. */
  describe: (status: S | null) => string;
};

/**
 * `<name> (--all | --tenant <id|slug>) [--wait]`: starts the workflow for each tenant and, with
 * --wait, prints what each did once it completes. The worker process must be running.
 */
export const runTenantCli = async <S>(command: TenantRunCommand<S>, args: string[]): Promise<void> => {
  const { name } = command;
  const wait = args.includes('--wait');
  const tenantArg = args[args.indexOf('--tenant') + 1];
  if (!args.includes('--all') && !(args.includes('--tenant') && tenantArg)) {
    console.error(`usage: ${name} (--all | --tenant <id|slug>) [--wait]`);
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
    if (args.includes('--all')) await command.beforeAll?.(config);
    const client = new Client({ connection, namespace: config.C360_TEMPORAL_NAMESPACE });
    const started = [];
    for (const tenant of tenants) {
      const run = await command.start(client, { tenantId: tenant.id, requestId: randomUUID() });
      console.log(`${name} of ${tenant.slug}: workflow ${run.workflowId}`);
      started.push({ tenant, ...run });
    }
    if (!wait) return;
    for (const run of started) {
      await client.workflow.getHandle(run.workflowId).result();
      const status = await command.status(client, run.tenant.id, run.workflowId);
      console.log(`${name} of ${run.tenant.slug}: ${command.describe(status)}`);
    }
  } finally {
    await connection.close();
    await orm.close();
  }
};

/** Runs a CLI's main and exits 1 with the message when it fails. */
export const runMain = (main: () => Promise<void>): void => {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
};
