import fc from 'fast-check';
import {
  deadlineState,
  elapsedMs,
  isPaused,
  momentOf,
  pauseClock,
  resumeClock,
  startClock,
} from '../slaClock';

const MIN = 60_000;
const T0 = Date.parse('2026-03-02T09:00:00Z');

describe('SLA clock arithmetic', () => {
  it('counts wall time from the start while it runs', () => {
    const clock = startClock(T0);
    expect(elapsedMs(clock, T0 + 30 * MIN)).toBe(30 * MIN);
    expect(elapsedMs(clock, T0 - MIN)).toBe(0);
  });

  it('leaves paused time out, including a pause still open', () => {
    let clock = startClock(T0);
    clock = pauseClock(clock, T0 + 10 * MIN);
    expect(isPaused(clock)).toBe(true);
    expect(elapsedMs(clock, T0 + 70 * MIN)).toBe(10 * MIN);
    clock = resumeClock(clock, T0 + 70 * MIN);
    expect(isPaused(clock)).toBe(false);
    expect(elapsedMs(clock, T0 + 100 * MIN)).toBe(40 * MIN);
  });

  it('ignores a second pause while paused and a resume while running', () => {
    const paused = pauseClock(startClock(T0), T0 + MIN);
    expect(pauseClock(paused, T0 + 5 * MIN)).toBe(paused);
    const running = startClock(T0);
    expect(resumeClock(running, T0 + 5 * MIN)).toBe(running);
  });

  it('never lets a pause begin before the start or before the previous resume', () => {
    let clock = pauseClock(startClock(T0), T0 - 10 * MIN);
    expect(clock.pauses[0]).toEqual({ from: T0, to: null });
    clock = resumeClock(clock, T0 + 20 * MIN);
    clock = pauseClock(clock, T0 + 5 * MIN);
    expect(clock.pauses[1]?.from).toBe(T0 + 20 * MIN);
  });

  it('moves the due moment by exactly the paused time', () => {
    const budget = 60 * MIN;
    let clock = startClock(T0);
    expect(momentOf(clock, budget, T0 + 15 * MIN)).toBe(T0 + 60 * MIN);
    clock = pauseClock(clock, T0 + 15 * MIN);
    expect(momentOf(clock, budget, T0 + 40 * MIN)).toBeNull();
    clock = resumeClock(clock, T0 + 40 * MIN);
    expect(momentOf(clock, budget, T0 + 40 * MIN)).toBe(T0 + 85 * MIN);
  });

  it('puts the risk moment at the threshold share of the budget and breaches at the budget', () => {
    const clock = startClock(T0);
    const before = deadlineState(clock, 'resolution', 100 * MIN, 0.8, T0 + 79 * MIN);
    expect(before).toMatchObject({ riskAt: T0 + 80 * MIN, dueAt: T0 + 100 * MIN, atRisk: false });
    expect(deadlineState(clock, 'resolution', 100 * MIN, 0.8, T0 + 80 * MIN).atRisk).toBe(true);
    const after = deadlineState(clock, 'resolution', 100 * MIN, 0.8, T0 + 100 * MIN);
    expect(after).toMatchObject({ breached: true, used: 1 });
  });

  it('keeps the due moment stable while the clock runs, whatever the pauses before (property)', () => {
    const pausesArb = fc.array(fc.tuple(fc.nat(10_000), fc.nat(10_000)), { maxLength: 6 });
    fc.assert(
      fc.property(pausesArb, fc.integer({ min: 1, max: 50_000 }), fc.nat(20_000), (gaps, budget, later) => {
        let clock = startClock(0);
        let t = 0;
        for (const [run, pause] of gaps) {
          t += run;
          clock = pauseClock(clock, t);
          t += pause;
          clock = resumeClock(clock, t);
        }
        const due = momentOf(clock, budget, t);
        expect(momentOf(clock, budget, t + later)).toBe(due);
        // Elapsed never exceeds wall time and grows one for one while running.
        expect(elapsedMs(clock, t + later) - elapsedMs(clock, t)).toBe(later);
        expect(elapsedMs(clock, t)).toBeLessThanOrEqual(t);
      }),
    );
  });
});
