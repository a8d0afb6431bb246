// Workflow for deploy/local/selfcheck/time-skipping.js: a day-long timer that only a
// time-skipping server lets finish in seconds.
const { sleep } = require('@temporalio/workflow');

async function sleepOneDay() {
  const started = Date.now();
  await sleep('1 day');
  return Date.now() - started;
}

module.exports = { sleepOneDay };
