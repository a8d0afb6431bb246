import type { EntityManager } from '@mikro-orm/postgresql';
import type { tenantSearchAttributes } from '@c360/workflows';

/** An outbox event as routes see it: committed, in id order, with its tenant. */
export type DispatchedEvent = {
  id: string;
  tenantId: string;
  type: string;
  aggregateType: string;
  aggregateId: string;
  payload: Record<string, unknown>;
  createdAt: Date;
};

export type WorkflowSearchAttributes = ReturnType<typeof tenantSearchAttributes>;

/**
 * What a route asks of Temporal for one event. Ids come from the event, so running a command
 * twice (a batch retried after a crash) starts or signals nothing new.
 */
export type WorkflowCommand =
  | {
      kind: 'start';
      workflowType: string;
      workflowId: string;
      args: unknown[];
      searchAttributes: WorkflowSearchAttributes;
    }
  | { kind: 'signal'; workflowId: string; signal: string; args: unknown[] }
  | {
      kind: 'signalWithStart';
      workflowType: string;
      workflowId: string;
      args: unknown[];
      signal: string;
      signalArgs: unknown[];
      searchAttributes: WorkflowSearchAttributes;
    }
  /** Signals every running workflow a visibility query finds (e.g. a customer's held sends). */
  | { kind: 'signalMatching'; query: string; signal: string; args: unknown[] };

export type RouteContext = {
  /** Scoped to the event's tenant, inside the relay's transaction: read only. */
  em: EntityManager;
};

/** Turns one type of outbox event into workflow commands; [] does nothing (e.g. a playbook switched off). */
export type EventRoute = {
  name: string;
  eventType: string;
  commands(event: DispatchedEvent, ctx: RouteContext): Promise<WorkflowCommand[]>;
};
