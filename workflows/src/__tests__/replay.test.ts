import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { loadHistoryFixtures } from './historyFixtures';

Runtime.install({ logger: new DefaultLogger('ERROR') });

/**
 * Replays every recorded history (workflows/src/__fixtures__/histories, recorded with
 * `C360_RECORD_HISTORIES=1` from the workflows' own tests) against today's workflow code. A
 * change that would break workflows already running (a command added, removed or reordered
 * without `patched`) fails here with a non-determinism error naming the history.
 */
describe('workflow histories replay against the current code', () => {
  const fixtures = loadHistoryFixtures();

  it('has recorded histories to replay', () => {
    expect(fixtures.length).toBeGreaterThan(0);
  });

  it('replays each of them without a non-determinism error', async () => {
    const failures: string[] = [];
    let replayed = 0;
    const results = Worker.runReplayHistories(
      { workflowsPath: require.resolve('../all') },
      fixtures.map((f) => ({ workflowId: f.workflowId, history: f.history })),
    );
    for await (const result of results) {
      replayed += 1;
      if (result.error) failures.push(`${result.workflowId}: ${result.error.message}`);
    }
    expect(failures).toEqual([]);
    expect(replayed).toBe(fixtures.length);
  });
});
