import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

const HISTORY_FIXTURES_DIR = path.resolve(__dirname, '../../../../../workflows/src/__fixtures__/histories');

/**
 * With C360_RECORD_HISTORIES=1, keeps the run's history as a replay fixture
 * (workflows/src/__fixtures__/histories/sendMessageWorkflow-<case>.binpb, the protobuf encoding
 * the replay test reads, as workflows/src/__tests__/historyFixtures.ts writes it); otherwise
 * does nothing, so an ordinary run never rewrites a fixture.
 */
export const recordFixture = async (handle: WorkflowHandle, name: string): Promise<void> => {
  if (process.env['C360_RECORD_HISTORIES'] !== '1') return;
  const history = await handle.fetchHistory();
  mkdirSync(HISTORY_FIXTURES_DIR, { recursive: true });
  writeFileSync(
    path.join(HISTORY_FIXTURES_DIR, `sendMessageWorkflow-${name}.binpb`),
    temporal.api.history.v1.History.encode(history).finish(),
  );
};
