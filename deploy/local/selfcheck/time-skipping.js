#!/usr/bin/env node
// Self-check of the time-skipping test server, through @temporalio/testing exactly as tests use it:
//  1. createTimeSkipping with deploy/local/testserver/run.sh as an 'existing-path' executable
//     (the SDK spawns it with `<port>` and must reach it within 5 s);
//  2. if `services.sh start testserver` is running (C360_TESTSERVER_PORT, default 7243), the
//     long-running server through createFromExistingServer.
// In each, a workflow sleeping one day must complete in well under a minute of wall time.
// Run: node deploy/local/selfcheck/time-skipping.js
'use strict';
const path = require('node:path');
const net = require('node:net');
const { TestWorkflowEnvironment } = require('@temporalio/testing');
const { Worker, bundleWorkflowCode, Runtime, DefaultLogger } = require('@temporalio/worker');

const DAY_MS = 24 * 60 * 60 * 1000;
const WALL_LIMIT_MS = 60_000;
const wrapper = path.resolve(__dirname, '../testserver/run.sh');
const existingPort = Number(process.env.C360_TESTSERVER_PORT ?? 7243);

Runtime.install({ logger: new DefaultLogger('ERROR') });

function portOpen(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port }, () => {
      socket.end();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

async function runDayLongWorkflow(env, label, workflowBundle) {
  const taskQueue = `selfcheck-${label}-${process.pid}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    namespace: env.namespace ?? 'default',
    taskQueue,
    workflowBundle,
  });
  const wallStart = Date.now();
  const sleptMs = await worker.runUntil(
    env.client.workflow.execute('sleepOneDay', { taskQueue, workflowId: `${taskQueue}-wf`, args: [] }),
  );
  const wallMs = Date.now() - wallStart;
  if (sleptMs < DAY_MS)
    throw new Error(`${label}: workflow time advanced only ${sleptMs} ms, expected >= 1 day`);
  if (wallMs > WALL_LIMIT_MS) throw new Error(`${label}: a 1-day sleep took ${wallMs} ms of wall time`);
  console.log(
    `${label}: 1-day workflow sleep completed in ${wallMs} ms wall time (workflow clock +${sleptMs} ms)`,
  );
}

async function main() {
  const workflowBundle = await bundleWorkflowCode({
    workflowsPath: require.resolve('./time-skipping-workflows.js'),
    logger: new DefaultLogger('WARN'),
  });

  const spawnStart = Date.now();
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: wrapper } },
  });
  console.log(
    `existing-path: test server spawned and reachable in ${Date.now() - spawnStart} ms (${wrapper})`,
  );
  try {
    await runDayLongWorkflow(env, 'existing-path', workflowBundle);
  } finally {
    await env.teardown();
  }

  if (await portOpen(existingPort)) {
    const shared = await TestWorkflowEnvironment.createFromExistingServer({
      address: `127.0.0.1:${existingPort}`,
      namespace: 'default',
    });
    try {
      await runDayLongWorkflow(shared, `started-server:${existingPort}`, workflowBundle);
    } finally {
      await shared.teardown();
    }
  } else {
    console.log(
      `started-server: nothing on 127.0.0.1:${existingPort}, skipped (services.sh start testserver)`,
    );
  }
  console.log('time-skipping selfcheck ok');
}

main().catch((err) => {
  console.error('time-skipping selfcheck FAILED:', err);
  process.exit(1);
});
