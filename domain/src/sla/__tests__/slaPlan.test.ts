import { DateTime } from 'luxon';
import { businessHoursCalendar } from '../slaCalendar';
import { pauseClock, startClock } from '../slaClock';
import { planSla, type SlaClockState } from '../slaPlan';

const MIN = 60_000;
const T0 = Date.parse('2026-03-02T09:00:00Z');

const state = (over: Partial<SlaClockState> = {}): SlaClockState => ({
  clock: startClock(T0),
  policy: { firstResponseMs: 60 * MIN, resolutionMs: 600 * MIN, riskThreshold: 0.8 },
  firstRespondedAt: null,
  riskNotified: [],
  breached: [],
  ...over,
});

describe('planSla', () => {
  it('sleeps until the first-response risk moment of a fresh ticket and shows both due dates', () => {
    const plan = planSla(state(), T0);
    expect(plan.actions).toEqual([]);
    expect(plan.wakeAt).toBe(T0 + 48 * MIN);
    expect(plan.dueDates).toEqual({ firstResponseDueAt: T0 + 60 * MIN, resolutionDueAt: T0 + 600 * MIN });
  });

  it('asks for the risk notification once the threshold is reached, then wakes at the due date', () => {
    const plan = planSla(state(), T0 + 48 * MIN);
    expect(plan.actions).toEqual([{ kind: 'risk', target: 'first_response', dueAt: T0 + 60 * MIN }]);
    const next = planSla(state({ riskNotified: ['first_response'] }), T0 + 48 * MIN);
    expect(next.actions).toEqual([]);
    expect(next.wakeAt).toBe(T0 + 60 * MIN);
  });

  it('breaches a deadline past its budget once, without a risk notification first', () => {
    const plan = planSla(state(), T0 + 61 * MIN);
    expect(plan.actions).toEqual([{ kind: 'breach', target: 'first_response', dueAt: T0 + 60 * MIN }]);
    const after = planSla(state({ breached: ['first_response'] }), T0 + 61 * MIN);
    expect(after.actions).toEqual([]);
    expect(after.wakeAt).toBe(T0 + 480 * MIN);
  });

  it('stops watching the first response once the ticket was answered', () => {
    const plan = planSla(state({ firstRespondedAt: T0 + 10 * MIN }), T0 + 100 * MIN);
    expect(plan.actions).toEqual([]);
    expect(plan.dueDates).toEqual({ resolutionDueAt: T0 + 600 * MIN });
    expect(plan.wakeAt).toBe(T0 + 480 * MIN);
  });

  it('has no due dates and nothing to wake for while paused', () => {
    const plan = planSla(state({ clock: pauseClock(startClock(T0), T0 + 5 * MIN) }), T0 + 500 * MIN);
    expect(plan).toEqual({
      actions: [],
      dueDates: { firstResponseDueAt: null, resolutionDueAt: null },
      wakeAt: null,
    });
  });

  it('lists both deadlines in order when both are due at once', () => {
    const plan = planSla(state(), T0 + 700 * MIN);
    expect(plan.actions.map((a) => `${a.kind}:${a.target}`)).toEqual([
      'breach:first_response',
      'breach:resolution',
    ]);
    expect(plan.wakeAt).toBeNull();
  });

  it('plans in business hours: risk and due carry over the weekend to Monday morning', () => {
    const paris = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Paris' }).toMillis();
    const office = businessHoursCalendar({
      timeZone: 'Europe/Paris',
      week: { mon: [{ from: '09:00', to: '17:00' }], fri: [{ from: '09:00', to: '17:00' }] },
      holidays: [],
    });
    const opened = paris('2026-03-06T16:00');
    const plan = planSla(
      state({
        clock: startClock(opened),
        policy: { firstResponseMs: 120 * MIN, resolutionMs: 600 * MIN, riskThreshold: 0.8 },
      }),
      paris('2026-03-07T12:00'),
      office,
    );
    expect(plan.actions).toEqual([]);
    // 96 minutes (80 % of 120): 60 on Friday, 36 on Monday.
    expect(plan.wakeAt).toBe(paris('2026-03-09T09:36'));
    expect(plan.dueDates.firstResponseDueAt).toBe(paris('2026-03-09T10:00'));
  });
});
