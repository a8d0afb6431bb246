import fc from 'fast-check';
import { funnel, type FunnelEvent } from '../funnel';

const DAY = 86_400_000;
const e = (customerId: string, type: string, dayNumber: number): FunnelEvent => ({
  customerId,
  type,
  at: new Date(Date.UTC(2026, 0, 1) + dayNumber * DAY),
});
const steps = ['visit', 'signup', 'purchase'];

describe('funnel', () => {
  it('counts customers who reach each step in order within the window', () => {
    const events = [
      e('c1', 'visit', 1),
      e('c1', 'signup', 2),
      e('c1', 'purchase', 3), // all three
      e('c2', 'visit', 1),
      e('c2', 'purchase', 2), // skipped signup: stops at visit
      e('c3', 'visit', 1),
      e('c3', 'signup', 10), // signup after the 7-day window
      e('c4', 'visit', 1),
      e('c4', 'signup', 3),
      e('c5', 'signup', 1),
      e('c5', 'purchase', 2), // never visited
    ];
    expect(funnel(events, steps, 7 * DAY)).toEqual([
      { step: 'visit', count: 4, fromPrevious: null, fromFirst: 100 },
      { step: 'signup', count: 2, fromPrevious: 50, fromFirst: 50 },
      { step: 'purchase', count: 1, fromPrevious: 50, fromFirst: 25 },
    ]);
  });

  it('lets a later first step start a fresh window', () => {
    const events = [e('c1', 'visit', 1), e('c1', 'visit', 9), e('c1', 'signup', 10), e('c1', 'purchase', 12)];
    expect(funnel(events, steps, 7 * DAY).map((s) => s.count)).toEqual([1, 1, 1]);
  });

  const events = fc.array(
    fc.record({
      customerId: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      type: fc.constantFrom('visit', 'signup', 'purchase', 'other'),
      at: fc.integer({ min: 0, max: 60 }).map((d) => new Date(Date.UTC(2026, 0, 1) + d * DAY)),
    }),
    { maxLength: 60 },
  );

  it('property: counts never rise along the funnel', () => {
    fc.assert(
      fc.property(events, fc.integer({ min: 0, max: 30 }), (list, windowDays) => {
        const counts = funnel(list, steps, windowDays * DAY).map((s) => s.count);
        for (let i = 1; i < counts.length; i++) expect(counts[i]).toBeLessThanOrEqual(counts[i - 1]!);
        expect(counts[0]).toBeLessThanOrEqual(new Set(list.map((x) => x.customerId)).size);
      }),
    );
  });

  it('property: a longer window never lowers a count', () => {
    fc.assert(
      fc.property(
        events,
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 30 }),
        (list, w, extra) => {
          const short = funnel(list, steps, w * DAY).map((s) => s.count);
          const long = funnel(list, steps, (w + extra) * DAY).map((s) => s.count);
          short.forEach((n, i) => expect(long[i]).toBeGreaterThanOrEqual(n));
        },
      ),
    );
  });
});
