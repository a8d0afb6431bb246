import { TestWorkflowEnvironment } from '@temporalio/testing';

/**
 * The time-skipping test server (Temporal's Java test server, installed by deploy/local), so
 * hours of timers run in milliseconds. The test command exports the wrapper's path.
 */
export const createTimeSkippingEnv = async (): Promise<TestWorkflowEnvironment> => {
  const path = process.env['C360_TESTSERVER_WRAPPER'];
  if (!path) throw new Error('C360_TESTSERVER_WRAPPER is not set: run the tests through ./c360 test');
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path } },
  });
};

/** The project's dev server (real persistence, visibility, schedules), in the test namespace. */
export const connectToDevServer = async (): Promise<TestWorkflowEnvironment> =>
  TestWorkflowEnvironment.createFromExistingServer({
    address: process.env['C360_TEMPORAL_ADDRESS'] ?? '127.0.0.1:7233',
    namespace: process.env['C360_TEMPORAL_NAMESPACE'] ?? 'c360-test',
  });
