import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { ResolvedSlaPolicy, SlaTarget } from '@c360/domain';

/**
 * What crosses process boundaries with the SLA clock workflow: its id, input, signals and
 * activity contracts. The outbox dispatcher (activities/src/dispatch/routes/slaRoutes.ts) starts
 * and signals it by these names.
 */
export const SLA_CLOCK_WORKFLOW = 'slaClockWorkflow';

/** One clock per ticket: a replayed `ticket.created` finds it running (or sees the ticket closed). */
export const slaClockWorkflowId = (tenantId: string, ticketId: string): string =>
  `sla:${tenantId}:${ticketId}`;

export type SlaClockInput = {
  tenantId: string;
  ticketId: string;
  customerId: string;
  /** The opening this clock measures: the ticket's creation, or its latest reopening (ISO). */
  openedAt: string;
  cycle: 'created' | 'reopened';
};

export type SlaClockOutcome = {
  ended: 'resolved' | 'not_open';
  policy: string | null;
  breached: SlaTarget[];
  riskNotified: SlaTarget[];
};

/** The ticket waits on the customer (status open → `pending`): the clock pauses. */
export const slaWaitingOnCustomerSignal = defineSignal<[{ at: string }]>('slaWaitingOnCustomer');
/** The ticket no longer waits (pending → open: the customer wrote, or an agent took it back): the clock resumes. */
export const slaWaitingEndedSignal = defineSignal<[{ at: string }]>('slaWaitingEnded');
/** An agent replied: the first one stops the first-response deadline. */
export const slaAgentRepliedSignal = defineSignal<[{ at: string }]>('slaAgentReplied');
/** The ticket changed hands: its (possibly new) policy applies from now on, to the time already used. */
export const slaTicketAssignedSignal =
  defineSignal<[{ at: string; assigneeId: string | null; slaPolicy: string | null }]>('slaTicketAssigned');
/** The ticket was resolved: the clock ends. */
export const slaTicketResolvedSignal = defineSignal<[{ at: string }]>('slaTicketResolved');
/** The ticket was reopened: a new clock starts for the new opening. */
export const slaTicketReopenedSignal = defineSignal<[{ at: string }]>('slaTicketReopened');

/**
 * The tenant's SLA settings changed: the clock reloads its policy (same name) and goes on with
 * the new targets and risk threshold, from the time already used. Sent to every running clock of
 * the tenant (visibility query `slaClocksQuery`).
 */
export const slaSettingsChangedSignal = defineSignal<[{ at: string }]>('slaSettingsChanged');
/** The running SLA clocks, as a visibility query (the dispatcher adds the tenant). */
export const SLA_CLOCKS_QUERY = "WorkflowKind = 'sla'";

/** What the clock shows ops: its policy, whether it is paused, the due dates, what fired. */
export type SlaClockView = {
  policy: string | null;
  assigneeId: string | null;
  paused: boolean;
  firstRespondedAt: string | null;
  firstResponseDueAt: string | null;
  resolutionDueAt: string | null;
  riskNotified: SlaTarget[];
  breached: SlaTarget[];
};
export const slaClockQuery = defineQuery<SlaClockView>('slaClock');

export type SlaTicketSnapshot = {
  status: 'open' | 'pending' | 'resolved' | 'closed';
  customerId: string;
  subject: string;
  assigneeId: string | null;
  firstRespondedAt: string | null;
  policy: ResolvedSlaPolicy;
};

export type SlaDueDatesInput = {
  tenantId: string;
  ticketId: string;
  /** Left out: the stored first-response due date stays (the ticket was answered). */
  firstResponseDueAt?: string | null;
  resolutionDueAt: string | null;
};

export type SlaBreachInput = {
  tenantId: string;
  ticketId: string;
  customerId: string;
  target: SlaTarget;
  policy: string;
  dueAt: string;
  breachedAt: string;
  /** One breach per ticket, opening and deadline: the marker of a retried activity is not doubled. */
  dedupeKey: string;
};

export type SlaActivities = {
  /** The ticket as the clock needs it, with its policy resolved from the tenant settings; null if gone. */
  loadSlaTicket(input: { tenantId: string; ticketId: string }): Promise<SlaTicketSnapshot | null>;
  /** A policy by name from the tenant settings (the default policy when the name is unknown). */
  resolveSlaPolicy(input: { tenantId: string; policyName: string | null }): Promise<ResolvedSlaPolicy>;
  /** Writes the ticket's due dates, so the inbox's SLA filter and sort read them. */
  recordSlaDueDates(input: SlaDueDatesInput): Promise<void>;
  /** Sets the breach flag and appends `ticket.sla_breached`, once per dedupe key. */
  recordSlaBreach(input: SlaBreachInput): Promise<{ recorded: boolean }>;
};

// --- Backfill: a running clock for every open ticket (tickets opened before the clocks existed) ---

export const SLA_BACKFILL_WORKFLOW = 'backfillSlaClocks';
/** One backfill per tenant at a time; it starts clocks by their own ids, so running it again is harmless. */
export const slaBackfillWorkflowId = (tenantId: string): string => `sla-backfill:${tenantId}`;

export type SlaBackfillInput = {
  tenantId: string;
  /** Where a continued run goes on (the last ticket id done); null or absent: from the start. */
  afterTicketId?: string | null;
  /** Counts carried over a continue-as-new. */
  started?: number;
  alreadyRunning?: number;
};
export type SlaBackfillResult = { started: number; alreadyRunning: number };

/** An open ticket and the opening its clock measures (see store `openSlaTickets`). */
export type OpenSlaTicketRef = {
  ticketId: string;
  customerId: string;
  openedAt: string;
  cycle: SlaClockInput['cycle'];
};

export type SlaBackfillActivities = {
  /** A page of the tenant's open tickets, in id order after `afterTicketId`. */
  listOpenSlaTickets(input: {
    tenantId: string;
    afterTicketId: string | null;
    limit: number;
  }): Promise<OpenSlaTicketRef[]>;
};
