import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Client } from '@temporalio/client';
import { temporal } from '@temporalio/proto';

const { History } = temporal.api.history.v1;

/** Where recorded workflow histories live; the replay test replays every file in it. */
export const HISTORY_FIXTURES_DIR = path.join(__dirname, '..', '__fixtures__', 'histories');

/**
 * Keeps the history of a finished test run as a replay fixture, `<workflowType>-<case>.binpb`: the
 * history's protobuf encoding, exactly what Temporal stores (protobufjs is installed twice in
 * the tree, so the SDK's JSON converter cannot read the client's objects).
 * Only when `C360_RECORD_HISTORIES=1`: fixtures are recorded on purpose from the code they were
 * written for (then committed), never rewritten by an ordinary test run, or the replay test
 * could not catch a change that breaks running workflows.
 */
export const saveHistoryFixture = async (
  client: Client,
  workflowId: string,
  name: string,
  /** One run of a workflow that continued as new; the latest run when absent. */
  runId?: string,
): Promise<boolean> => {
  if (process.env['C360_RECORD_HISTORIES'] !== '1') return false;
  if (!/^[A-Za-z0-9_-]+$/.test(name)) throw new Error(`fixture name ${name}: letters, digits, _ and - only`);
  const history = await client.workflow.getHandle(workflowId, runId).fetchHistory();
  mkdirSync(HISTORY_FIXTURES_DIR, { recursive: true });
  writeFileSync(path.join(HISTORY_FIXTURES_DIR, `${name}.binpb`), History.encode(history).finish());
  return true;
};

export type HistoryFixture = { name: string; workflowId: string; history: temporal.api.history.v1.History };

/** Every recorded history, each under a workflow id made from its file name. */
export const loadHistoryFixtures = (): HistoryFixture[] =>
  readdirSync(HISTORY_FIXTURES_DIR)
    .filter((f) => f.endsWith('.binpb'))
    .sort()
    .map((f) => ({
      name: f.replace(/\.binpb$/, ''),
      workflowId: `replay-${f.replace(/\.binpb$/, '')}`,
      history: History.decode(readFileSync(path.join(HISTORY_FIXTURES_DIR, f))),
    }));
