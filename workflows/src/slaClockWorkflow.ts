import {
  ApplicationFailure,
  condition,
  continueAsNew,
  proxyActivities,
  setHandler,
} from '@temporalio/workflow';
import {
  isPaused,
  pauseClock,
  planSla,
  resumeClock,
  slaCalendarOf,
  startClock,
  type SlaAction,
  type SlaClockState,
  type SlaTarget,
} from '@c360/domain';
import {
  slaAgentRepliedSignal,
  slaClockQuery,
  slaWaitingEndedSignal,
  slaTicketAssignedSignal,
  slaTicketReopenedSignal,
  slaTicketResolvedSignal,
  slaWaitingOnCustomerSignal,
  slaSettingsChangedSignal,
  type SlaActivities,
  type SlaClockInput,
  type SlaClockOutcome,
} from './shared/slaClockContract';
import type { NotificationActivities } from './shared/notificationActivityTypes';
import type { TimelineActivities } from './shared/timelineActivityTypes';

const { loadSlaTicket, resolveSlaPolicy, recordSlaDueDates, recordSlaBreach, recordTimelineEvent, notify } =
  proxyActivities<SlaActivities & TimelineActivities & Pick<NotificationActivities, 'notify'>>({
    startToCloseTimeout: '30 seconds',
    retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
  });

type ClockEvent =
  | { kind: 'waiting' | 'waitingEnded' | 'agent' | 'resolved' | 'reopened' | 'settings'; at: number }
  | { kind: 'assigned'; at: number; assigneeId: string | null; slaPolicy: string | null };

const TARGET_LABEL: Record<SlaTarget, string> = {
  first_response: 'first response',
  resolution: 'resolution',
};

/**
 * The SLA clock of one opening of a ticket: first-response and resolution deadlines from the
 * ticket's policy, paused while the ticket waits on the customer, an `sla` notification at the
 * risk threshold, a breach marker (ticket flag, timeline, `ticket.sla_breached`) at breach, the
 * due dates kept on the ticket. Ends at resolution; a reopening continues as a new clock.
 */
export async function slaClockWorkflow(input: SlaClockInput): Promise<SlaClockOutcome> {
  const openedAt = Date.parse(input.openedAt);
  if (!input.tenantId || !input.ticketId || Number.isNaN(openedAt))
    throw ApplicationFailure.nonRetryable(
      'slaClockWorkflow needs a tenantId, a ticketId and openedAt',
      'InvalidInput',
    );

  // Signals may come before the ticket is loaded: they queue and apply in arrival order.
  const events: ClockEvent[] = [];
  const on = (kind: Exclude<ClockEvent['kind'], 'assigned'>) => (e: { at: string }) => {
    events.push({ kind, at: Date.parse(e.at) });
  };
  setHandler(slaWaitingOnCustomerSignal, on('waiting'));
  setHandler(slaWaitingEndedSignal, on('waitingEnded'));
  setHandler(slaAgentRepliedSignal, on('agent'));
  setHandler(slaTicketResolvedSignal, on('resolved'));
  setHandler(slaTicketReopenedSignal, on('reopened'));
  setHandler(slaSettingsChangedSignal, on('settings'));
  setHandler(slaTicketAssignedSignal, (e) => {
    events.push({ kind: 'assigned', at: Date.parse(e.at), assigneeId: e.assigneeId, slaPolicy: e.slaPolicy });
  });

  const ticket = await loadSlaTicket({ tenantId: input.tenantId, ticketId: input.ticketId });
  if (!ticket || ticket.status === 'resolved' || ticket.status === 'closed')
    return { ended: 'not_open', policy: ticket?.policy.name ?? null, breached: [], riskNotified: [] };

  let policy = ticket.policy;
  let assigneeId = ticket.assigneeId;
  const state: SlaClockState = {
    clock: startClock(openedAt),
    policy,
    firstRespondedAt: ticket.firstRespondedAt ? Date.parse(ticket.firstRespondedAt) : null,
    riskNotified: [],
    breached: [],
  };
  if (ticket.status === 'pending') state.clock = pauseClock(state.clock, Date.now());
  let shown: { firstResponseDueAt?: string | null; resolutionDueAt: string | null } = {
    resolutionDueAt: null,
  };
  setHandler(slaClockQuery, () => ({
    policy: policy.name,
    assigneeId,
    paused: isPaused(state.clock),
    firstRespondedAt: iso(state.firstRespondedAt),
    firstResponseDueAt: shown.firstResponseDueAt ?? null,
    resolutionDueAt: shown.resolutionDueAt,
    riskNotified: [...state.riskNotified],
    breached: [...state.breached],
  }));
  const dedupe = (what: string, target: SlaTarget) => `${what}:${input.ticketId}:${openedAt}:${target}`;

  const act = async (action: SlaAction, now: number): Promise<void> => {
    const label = TARGET_LABEL[action.target];
    const dueAt = new Date(action.dueAt).toISOString();
    if (action.kind === 'breach') {
      const dedupeKey = dedupe('sla_breach', action.target);
      await recordSlaBreach({
        tenantId: input.tenantId,
        ticketId: input.ticketId,
        customerId: ticket.customerId,
        target: action.target,
        policy: policy.name,
        dueAt,
        breachedAt: new Date(now).toISOString(),
        dedupeKey,
      });
      await recordTimelineEvent({
        tenantId: input.tenantId,
        customerId: ticket.customerId,
        kind: 'sla_breach',
        title: `SLA breached: ${label} (${policy.name})`,
        data: { ticketId: input.ticketId, target: action.target, policy: policy.name, dueAt },
        occurredAt: new Date(now).toISOString(),
        dedupeKey,
      });
      state.breached.push(action.target);
      return;
    }
    const dedupeKey = dedupe(`sla_risk:${policy.name}`, action.target);
    await notify({
      tenantId: input.tenantId,
      category: 'sla',
      audience: assigneeId ? { userIds: [assigneeId] } : { roles: ['manager'] },
      title: `SLA at risk: ${label} due ${dueAt}`,
      body: `${Math.round(policy.riskThreshold * 100)} % of the ${policy.name} ${label} time is used: ${ticket.subject}`,
      link: `/inbox?ticketId=${input.ticketId}`,
      dedupeKey,
    });
    await recordTimelineEvent({
      tenantId: input.tenantId,
      customerId: ticket.customerId,
      kind: 'sla_risk',
      title: `SLA at risk: ${label} (${policy.name})`,
      data: { ticketId: input.ticketId, target: action.target, policy: policy.name, dueAt },
      occurredAt: new Date(now).toISOString(),
      dedupeKey,
    });
    state.riskNotified.push(action.target);
  };

  let resolved = false;
  let reopenedAt: number | null = null;
  let published = '';
  for (;;) {
    while (events.length > 0) {
      const e = events.shift() as ClockEvent;
      // An event's own time, never ahead of the workflow's clock (a skewed server cannot pause the future).
      const at = Math.min(e.at, Date.now());
      if (e.kind === 'assigned') {
        assigneeId = e.assigneeId;
        if (e.slaPolicy !== null && e.slaPolicy !== policy.name) {
          policy = await resolveSlaPolicy({ tenantId: input.tenantId, policyName: e.slaPolicy });
          // The new policy applies to the time already used; its risk moments are new ones.
          state.policy = policy;
          state.riskNotified = [];
        }
      } else if (e.kind === 'settings') {
        // The same policy, as the tenant now defines it; its new targets apply to the time used.
        const next = await resolveSlaPolicy({ tenantId: input.tenantId, policyName: policy.name });
        if (JSON.stringify(next) !== JSON.stringify(policy)) {
          policy = next;
          state.policy = next;
        }
      } else if (e.kind === 'waiting') state.clock = pauseClock(state.clock, at);
      else if (e.kind === 'waitingEnded') state.clock = resumeClock(state.clock, at);
      else if (e.kind === 'agent') state.firstRespondedAt ??= at;
      else if (e.kind === 'resolved') resolved ||= at >= openedAt;
      else if (at > openedAt) [reopenedAt, resolved] = [at, false];
    }
    if (reopenedAt !== null)
      return continueAsNew<typeof slaClockWorkflow>({
        ...input,
        openedAt: new Date(reopenedAt).toISOString(),
        cycle: 'reopened',
      });
    if (resolved)
      return {
        ended: 'resolved',
        policy: policy.name,
        breached: state.breached,
        riskNotified: state.riskNotified,
      };

    const now = Date.now();
    const calendar = slaCalendarOf(policy);
    const plan = planSla(state, now, calendar);
    for (const action of plan.actions) await act(action, now);
    const due = {
      ...(plan.dueDates.firstResponseDueAt !== undefined
        ? { firstResponseDueAt: iso(plan.dueDates.firstResponseDueAt) }
        : {}),
      resolutionDueAt: iso(plan.dueDates.resolutionDueAt),
    };
    if (JSON.stringify(due) !== published) {
      await recordSlaDueDates({ tenantId: input.tenantId, ticketId: input.ticketId, ...due });
      published = JSON.stringify(due);
      shown = { ...shown, ...due };
    }
    if (events.length > 0) continue;
    const wakeAt = planSla(state, now, calendar).wakeAt;
    if (wakeAt === null) await condition(() => events.length > 0);
    else await condition(() => events.length > 0, Math.max(wakeAt - now, 1));
  }
}

const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());
