import { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporal } from '@temporalio/proto';
import { SEARCH_ATTRIBUTES } from '@c360/domain';

/**
 * The time-skipping test server (Temporal's Java test server, installed by deploy/local), so
 * hours of timers run in milliseconds. The test command exports the wrapper's path. The server
 * starts without the project's custom search attributes, so they are registered here: every
 * workflow the project starts carries them.
 *
 * On this server never await two `handle.result()` calls at once: each call unlocks the server's
 * clock and locks it again when it returns, so concurrent calls unbalance its lock count and let
 * time jump (to a workflow's ten-year default run timeout) while an activity is still running.
 */
export const createTimeSkippingEnv = async (): Promise<TestWorkflowEnvironment> => {
  const path = process.env['C360_TESTSERVER_WRAPPER'];
  if (!path) throw new Error('C360_TESTSERVER_WRAPPER is not set: run the tests through ./c360 test');
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path } },
  });
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: Object.fromEntries(
      Object.keys(SEARCH_ATTRIBUTES).map((name) => [
        name,
        temporal.api.enums.v1.IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
      ]),
    ),
  });
  return env;
};

/** The project's dev server (real persistence, visibility, schedules), in the test namespace. */
export const connectToDevServer = async (): Promise<TestWorkflowEnvironment> =>
  TestWorkflowEnvironment.createFromExistingServer({
    address: process.env['C360_TEMPORAL_ADDRESS'] ?? '127.0.0.1:7233',
    namespace: process.env['C360_TEMPORAL_NAMESPACE'] ?? 'c360-test',
  });
