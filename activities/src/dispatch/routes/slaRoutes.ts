import {
  SLA_SETTINGS_CHANGED,
  TICKET_AGENT_REPLIED,
  TICKET_ASSIGNED,
  TICKET_CREATED,
  TICKET_REOPENED,
  TICKET_RESOLVED,
  TICKET_STATUS_CHANGED,
} from '@c360/store';
import {
  SLA_CLOCK_WORKFLOW,
  SLA_CLOCKS_QUERY,
  slaAgentRepliedSignal,
  slaClockWorkflowId,
  slaWaitingEndedSignal,
  slaTicketAssignedSignal,
  slaTicketReopenedSignal,
  slaTicketResolvedSignal,
  slaWaitingOnCustomerSignal,
  slaSettingsChangedSignal,
  tenantSearchAttributes,
  type SlaClockInput,
} from '@c360/workflows';
import type { DispatchedEvent, EventRoute, WorkflowCommand } from '../dispatchTypes';

const text = (event: DispatchedEvent, key: string): string | null => {
  const value = event.payload[key];
  return typeof value === 'string' && value.length > 0 ? value : null;
};

/** The event's own time for the clock: the payload's field, else when the event was written. */
const timeOf = (event: DispatchedEvent, key: string): string =>
  text(event, key) ?? event.createdAt.toISOString();

const ticketOf = (event: DispatchedEvent): { ticketId: string; customerId: string } | null => {
  const ticketId = text(event, 'ticketId') ?? (event.aggregateType === 'ticket' ? event.aggregateId : null);
  const customerId = text(event, 'customerId');
  return ticketId && customerId ? { ticketId, customerId } : null;
};

const clockInput = (
  event: DispatchedEvent,
  t: { ticketId: string; customerId: string },
  openedAt: string,
  cycle: SlaClockInput['cycle'],
): SlaClockInput => ({
  tenantId: event.tenantId,
  ticketId: t.ticketId,
  customerId: t.customerId,
  openedAt,
  cycle,
});

const signalRoute = (
  name: string,
  eventType: string,
  signalOf: (event: DispatchedEvent) => { signal: string; args: Record<string, unknown> } | null,
): EventRoute => ({
  name,
  eventType,
  async commands(event) {
    const t = ticketOf(event);
    const s = t ? signalOf(event) : null;
    if (!t || !s) return [];
    // A signal to a clock that is not running (a ticket without one, or resolved) is dropped.
    return [
      {
        kind: 'signal',
        workflowId: slaClockWorkflowId(event.tenantId, t.ticketId),
        signal: s.signal,
        args: [s.args],
      },
    ];
  },
});

/**
 * The SLA clocks' routes: a new ticket starts its clock, a reopening starts the clock of the new
 * opening (signal-with-start: a clock still finishing its resolution hears it too), and the
 * ticket's other changes signal the running clock. Ids come from the ticket, so a replayed
 * `ticket.created` finds its clock running, or sees the ticket resolved and ends at once.
 */
export const slaRoutes: EventRoute[] = [
  {
    name: 'sla.onTicketCreated',
    eventType: TICKET_CREATED,
    async commands(event): Promise<WorkflowCommand[]> {
      const t = ticketOf(event);
      if (!t) return [];
      return [
        {
          kind: 'start',
          workflowType: SLA_CLOCK_WORKFLOW,
          workflowId: slaClockWorkflowId(event.tenantId, t.ticketId),
          args: [clockInput(event, t, timeOf(event, 'createdAt'), 'created')],
          searchAttributes: tenantSearchAttributes(event.tenantId, 'sla', { customerId: t.customerId }),
        },
      ];
    },
  },
  {
    name: 'sla.onTicketReopened',
    eventType: TICKET_REOPENED,
    async commands(event): Promise<WorkflowCommand[]> {
      const t = ticketOf(event);
      if (!t) return [];
      const at = timeOf(event, 'reopenedAt');
      return [
        {
          kind: 'signalWithStart',
          workflowType: SLA_CLOCK_WORKFLOW,
          workflowId: slaClockWorkflowId(event.tenantId, t.ticketId),
          args: [clockInput(event, t, at, 'reopened')],
          signal: slaTicketReopenedSignal.name,
          signalArgs: [{ at }],
          searchAttributes: tenantSearchAttributes(event.tenantId, 'sla', { customerId: t.customerId }),
        },
      ];
    },
  },
  signalRoute('sla.onTicketResolved', TICKET_RESOLVED, (e) => ({
    signal: slaTicketResolvedSignal.name,
    args: { at: timeOf(e, 'resolvedAt') },
  })),
  signalRoute('sla.onTicketAssigned', TICKET_ASSIGNED, (e) => ({
    signal: slaTicketAssignedSignal.name,
    args: { at: timeOf(e, 'assignedAt'), assigneeId: text(e, 'assigneeId'), slaPolicy: text(e, 'slaPolicy') },
  })),
  // Waiting on the customer is the ticket's `pending` status: entering it pauses, leaving it for open resumes.
  signalRoute('sla.onTicketStatusChanged', TICKET_STATUS_CHANGED, (e) => {
    const args = { at: timeOf(e, 'changedAt') };
    if (text(e, 'to') === 'pending') return { signal: slaWaitingOnCustomerSignal.name, args };
    if (text(e, 'from') === 'pending') return { signal: slaWaitingEndedSignal.name, args };
    return null;
  }),
  signalRoute('sla.onAgentReplied', TICKET_AGENT_REPLIED, (e) => ({
    signal: slaAgentRepliedSignal.name,
    args: { at: timeOf(e, 'at') },
  })),
  // New SLA settings: every running clock of the tenant (the dispatcher scopes the query to it).
  {
    name: 'sla.onSettingsChanged',
    eventType: SLA_SETTINGS_CHANGED,
    async commands(event): Promise<WorkflowCommand[]> {
      return [
        {
          kind: 'signalMatching',
          query: SLA_CLOCKS_QUERY,
          signal: slaSettingsChangedSignal.name,
          args: [{ at: timeOf(event, 'changedAt') }],
        },
      ];
    },
  },
];
