import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { WorkflowHandle } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

const FIXTURES = path.join(
  __dirname,
  '..',
  '..',
  '..',
  '..',
  '..',
  'workflows',
  'src',
  '__fixtures__',
  'histories',
);

/**
 * Keeps a finished run's history as a replay fixture (`<workflowType>-<case>.binpb`, the format of
 * workflows/src/__tests__/historyFixtures.ts, which the replay test reads), only when
 * C360_RECORD_HISTORIES=1: fixtures are recorded on purpose from the final code, never rewritten
 * by an ordinary run. The handle names its run, so each run of a continued clock has its own file.
 */
export const recordHistory = async (handle: WorkflowHandle, name: string): Promise<void> => {
  if (process.env['C360_RECORD_HISTORIES'] !== '1') return;
  const history = await handle.fetchHistory();
  mkdirSync(FIXTURES, { recursive: true });
  writeFileSync(
    path.join(FIXTURES, `${name}.binpb`),
    temporal.api.history.v1.History.encode(history).finish(),
  );
};
