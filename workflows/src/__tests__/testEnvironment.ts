import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';
import { Connection } from '@temporalio/client';
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

/** A dev server of the test's own, which it may stop and start again (its state survives). */
export type PrivateDevServer = {
  address: string;
  namespace: string;
  /** Stops the server (SIGTERM, as an operator would) and waits for it to exit. */
  stop: () => Promise<void>;
  /** Starts it again on the same ports and database, and waits until it answers. */
  start: () => Promise<void>;
};

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });

/**
 * Starts a private Temporal dev server (deploy/local/devserver/run.sh: the project's CLI, test
 * namespace and search attributes) on free ports, persisted in `dbFile`. For the tests that need
 * Temporal itself to go down; everything else shares the project's dev server.
 */
export const startPrivateDevServer = async (dbFile: string): Promise<PrivateDevServer> => {
  const wrapper = process.env['C360_DEVSERVER_WRAPPER'];
  if (!wrapper) throw new Error('C360_DEVSERVER_WRAPPER is not set: run the tests through ./c360 test');
  const [grpc, http, metrics] = [await freePort(), await freePort(), await freePort()];
  const address = `127.0.0.1:${grpc}`;
  let child: ChildProcess | null = null;

  const start = async (): Promise<void> => {
    const proc = spawn(wrapper, [String(grpc), String(http), String(metrics), dbFile], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    proc.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
    child = proc;
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (proc.exitCode !== null) throw new Error(`the private dev server exited: ${stderr}`);
      try {
        const connection = await Connection.connect({ address, connectTimeout: 1_000 });
        try {
          await connection.workflowService.describeNamespace({ namespace: 'c360-test' });
          return;
        } finally {
          await connection.close();
        }
      } catch (error) {
        if (Date.now() > deadline) throw new Error(`the private dev server did not answer: ${String(error)}`);
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  };

  const stop = async (): Promise<void> => {
    const proc = child;
    child = null;
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    proc.kill('SIGTERM');
    await exited;
  };

  await start();
  return { address, namespace: 'c360-test', stop, start };
};
