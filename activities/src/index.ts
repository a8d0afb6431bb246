/**
 * @c360/activities: every side effect the workflows need, the outbox relay, and the worker
 * process (src/worker/main.ts) that hosts them.
 */
export * from './search/createSearchIndexActivities';
export * from './outbox/createOutboxRelay';
export * from './worker/createActivities';
export * from './worker/workerConfigSpec';
