import type { Client } from '@temporalio/client';
import type { EntityManager } from '@mikro-orm/postgresql';
import { TASK_QUEUE } from '@c360/domain';
import { forTenant } from '@c360/store';
import type { DispatchedEvent, EventRoute, WorkflowCommand } from './dispatchTypes';

export type DispatchLogger = {
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
};

export type DispatcherDeps = {
  client: Client;
  routes: readonly EventRoute[];
  logger: DispatchLogger;
  taskQueue?: string;
};

export type DispatchStats = { commands: number; alreadyDone: number; rejected: number };

export type Dispatcher = {
  /** The event types some route listens to: the relay hands over only those. */
  readonly eventTypes: ReadonlySet<string>;
  /**
   * Runs every route of each event, in order. A Temporal outage (or any error it cannot judge)
   * throws, so the relay's batch rolls back and the events wait; an event a route or Temporal
   * rejects for good is returned with its error, so one bad event cannot hold back the rest.
   */
  dispatch(tx: EntityManager, events: readonly DispatchedEvent[]): Promise<{ failed: FailedEvent[] }>;
  stats(): DispatchStats;
};

export type FailedEvent = { eventId: string; route: string; error: string };

const nameOf = (error: unknown): string => (error as { name?: unknown })?.name?.toString() ?? '';

// gRPC status codes that say the request itself is wrong: retrying it cannot help.
const PERMANENT_GRPC_CODES = new Set([
  3 /* INVALID_ARGUMENT */, 7 /* PERMISSION_DENIED */, 9 /* FAILED_PRECONDITION */,
]);

const grpcCodeOf = (error: unknown): number | null => {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'number') return code;
  }
  return null;
};

const isPermanent = (error: unknown): boolean => {
  const code = grpcCodeOf(error);
  return code !== null && PERMANENT_GRPC_CODES.has(code);
};

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Temporal's visibility query language quotes strings with single quotes. */
const quoteVisibility = (value: string): string => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/**
 * The bridge from the outbox to Temporal: committed business events start and signal
 * workflows. Workflow ids come from the events, so a batch replayed after a crash finds its
 * workflows started (`WorkflowExecutionAlreadyStarted` counts as done) and signals sent to a
 * workflow that has finished are dropped. Signals can arrive twice after a replayed batch:
 * every signal handler must be idempotent.
 */
export const createDispatcher = (deps: DispatcherDeps): Dispatcher => {
  const taskQueue = deps.taskQueue ?? TASK_QUEUE;
  const byType = new Map<string, EventRoute[]>();
  for (const route of deps.routes)
    byType.set(route.eventType, [...(byType.get(route.eventType) ?? []), route]);
  const stats: DispatchStats = { commands: 0, alreadyDone: 0, rejected: 0 };
  const workflow = deps.client.workflow;

  const run = async (tenantId: string, command: WorkflowCommand): Promise<void> => {
    try {
      switch (command.kind) {
        case 'start':
          await workflow.start(command.workflowType, {
            taskQueue,
            workflowId: command.workflowId,
            args: command.args,
            typedSearchAttributes: command.searchAttributes,
          });
          break;
        case 'signalWithStart':
          await workflow.signalWithStart(command.workflowType, {
            taskQueue,
            workflowId: command.workflowId,
            args: command.args,
            signal: command.signal,
            signalArgs: command.signalArgs,
            typedSearchAttributes: command.searchAttributes,
          });
          break;
        case 'signal':
          await workflow.getHandle(command.workflowId).signal(command.signal, ...command.args);
          break;
        case 'signalMatching': {
          // Scoped to the event's tenant whatever the route wrote, and to running workflows.
          const query = `TenantId = ${quoteVisibility(tenantId)} AND ExecutionStatus = 'Running' AND (${command.query})`;
          for await (const execution of workflow.list({ query })) {
            try {
              await workflow
                .getHandle(execution.workflowId, execution.runId)
                .signal(command.signal, ...command.args);
            } catch (error) {
              // It finished between the listing and the signal: nothing left to tell it.
              if (nameOf(error) !== 'WorkflowNotFoundError') throw error;
            }
          }
          break;
        }
      }
      stats.commands += 1;
    } catch (error) {
      const name = nameOf(error);
      if (name === 'WorkflowExecutionAlreadyStartedError' || name === 'WorkflowNotFoundError') {
        stats.alreadyDone += 1;
        return;
      }
      throw error;
    }
  };

  return {
    eventTypes: new Set(byType.keys()),
    async dispatch(tx, events) {
      const failed: FailedEvent[] = [];
      for (const event of events) {
        for (const route of byType.get(event.type) ?? []) {
          let commands: WorkflowCommand[];
          try {
            commands = await route.commands(event, { em: forTenant(tx, event.tenantId) });
          } catch (error) {
            stats.rejected += 1;
            failed.push({ eventId: event.id, route: route.name, error: messageOf(error) });
            deps.logger.error(
              { eventId: event.id, route: route.name, err: messageOf(error) },
              'route failed',
            );
            continue;
          }
          for (const command of commands) {
            try {
              await run(event.tenantId, command);
            } catch (error) {
              if (!isPermanent(error)) throw error;
              stats.rejected += 1;
              failed.push({ eventId: event.id, route: route.name, error: messageOf(error) });
              deps.logger.error(
                { eventId: event.id, route: route.name, command: command.kind, err: messageOf(error) },
                'Temporal rejected a command for good',
              );
            }
          }
        }
      }
      return { failed };
    },
    stats: () => ({ ...stats }),
  };
};
