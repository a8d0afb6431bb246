import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { MikroORM } from '@mikro-orm/postgresql';
import {
  buildCustomerDocuments,
  ensureCustomerIndex,
  writeCustomerDocuments,
  type SearchClient,
} from '@c360/store';
import { connectToDevServer } from '../../../../workflows/src/__tests__/testEnvironment';

export const NAMESPACE = process.env['C360_TEMPORAL_NAMESPACE'] ?? 'c360-test';

export const connectDevServer = (): Promise<TestWorkflowEnvironment> => connectToDevServer();

export const testIndexPrefix = (label: string): string =>
  `${process.env['C360_INDEX_PREFIX'] ?? 'c360-test-'}${label}-${randomUUID().slice(0, 8)}-`;

/** Indexes every customer of the tenants, as the relay would have. */
export const indexTenants = async (
  orm: MikroORM,
  search: SearchClient,
  indexPrefix: string,
  tenantIds: string[],
): Promise<string> => {
  const index = await ensureCustomerIndex(search, indexPrefix);
  for (const tenantId of tenantIds) {
    const em = orm.em.fork();
    const ids = (
      await em.execute<{ id: string }[]>(`select id from customer where tenant_id = ? order by id`, [
        tenantId,
      ])
    ).map((r) => r.id);
    const batch = await buildCustomerDocuments(em, tenantId, ids, new Date());
    await writeCustomerDocuments(search, index, batch, { refresh: true });
  }
  return index;
};

/** Every row of the table, by id, as JSON text (for before/after comparisons). */
export const rowsById = async (orm: MikroORM, table: string): Promise<Map<string, string>> => {
  const rows = await orm.em
    .fork()
    .execute<{ id: string; row: string }[]>(`select id, row_to_json(t)::text as row from "${table}" t`);
  return new Map(rows.map((r) => [r.id, r.row]));
};

/** The replay fixture of one run: the workflows' own helper (written only with C360_RECORD_HISTORIES=1). */
export { saveHistoryFixture } from '../../../../workflows/src/__tests__/historyFixtures';
