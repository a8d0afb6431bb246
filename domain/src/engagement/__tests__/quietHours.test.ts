import fc from 'fast-check';
import { isQuietAt, quietHoursEndAfter, type QuietHours } from '../quietHours';
import { localDayOf, startOfNextLocalDay } from '../localDay';

const paris = (start: string, end: string): QuietHours => ({ start, end, timeZone: 'Europe/Paris' });
const at = (iso: string): Date => new Date(iso);

describe('quiet hours', () => {
  const night = paris('22:00', '07:00');

  it('crosses midnight: late evening and early morning are quiet, the edges are [start, end)', () => {
    expect(isQuietAt(at('2026-01-15T21:00:00Z'), night)).toBe(true); // 22:00 Paris
    expect(isQuietAt(at('2026-01-15T20:59:00Z'), night)).toBe(false); // 21:59
    expect(isQuietAt(at('2026-01-16T02:00:00Z'), night)).toBe(true); // 03:00
    expect(isQuietAt(at('2026-01-16T06:00:00Z'), night)).toBe(false); // 07:00
    expect(isQuietAt(at('2026-01-16T11:00:00Z'), night)).toBe(false); // noon
  });

  it('ends the next morning from the evening, the same morning after midnight', () => {
    expect(quietHoursEndAfter(at('2026-01-15T22:30:00Z'), night)).toEqual(at('2026-01-16T06:00:00Z'));
    expect(quietHoursEndAfter(at('2026-01-16T02:00:00Z'), night)).toEqual(at('2026-01-16T06:00:00Z'));
    const noon = at('2026-01-16T11:00:00Z');
    expect(quietHoursEndAfter(noon, night)).toBe(noon);
  });

  it('ends at 07:00 on the wall clock across the spring-forward night (a 23-hour day)', () => {
    // Sat 28 March 2026 23:00 CET; clocks jump 02:00 -> 03:00; 07:00 CEST is 05:00Z.
    expect(quietHoursEndAfter(at('2026-03-28T22:00:00Z'), night)).toEqual(at('2026-03-29T05:00:00Z'));
  });

  it('ends at 07:00 on the wall clock across the fall-back night (a 25-hour day)', () => {
    // Sat 24 October 2026 23:00 CEST; clocks go back 03:00 -> 02:00; 07:00 CET is 06:00Z.
    expect(quietHoursEndAfter(at('2026-10-24T21:00:00Z'), night)).toEqual(at('2026-10-25T06:00:00Z'));
  });

  it('ends when the clocks jump when its end falls in the DST gap', () => {
    // Quiet 01:00-02:30; 02:30 does not exist on 29 March 2026 in Paris: it ends at 03:00 CEST (01:00Z).
    const q = paris('01:00', '02:30');
    expect(quietHoursEndAfter(at('2026-03-29T00:30:00Z'), q)).toEqual(at('2026-03-29T01:00:00Z'));
  });

  it('ends at the first 02:30 on a fall-back night, and at the second one when inside the repeated hour', () => {
    const q = paris('00:00', '02:30');
    // 01:00 CEST -> the first 02:30 (CEST, 00:30Z).
    expect(quietHoursEndAfter(at('2026-10-24T23:00:00Z'), q)).toEqual(at('2026-10-25T00:30:00Z'));
    // 02:10 CET (the repeated hour, 01:10Z) reads quiet on the wall clock -> the second 02:30 (01:30Z).
    expect(isQuietAt(at('2026-10-25T01:10:00Z'), q)).toBe(true);
    expect(quietHoursEndAfter(at('2026-10-25T01:10:00Z'), q)).toEqual(at('2026-10-25T01:30:00Z'));
  });

  it('uses the customer zone, not the server one', () => {
    const tokyo: QuietHours = { start: '21:00', end: '09:00', timeZone: 'Asia/Tokyo' };
    // 12:00Z is 21:00 in Tokyo: quiet until 09:00 JST = 00:00Z next day.
    expect(quietHoursEndAfter(at('2026-06-01T12:00:00Z'), tokyo)).toEqual(at('2026-06-02T00:00:00Z'));
  });

  const zones = [
    'Europe/Paris',
    'America/New_York',
    'Australia/Lord_Howe',
    'Asia/Kolkata',
    'America/Santiago',
  ];
  const clock = fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
  const window = fc
    .record({ start: clock, end: clock, timeZone: fc.constantFrom(...zones) })
    .filter((q) => q.start !== q.end);
  const instant = fc
    .date({ min: at('2025-01-01T00:00:00Z'), max: at('2027-12-31T00:00:00Z'), noInvalidDate: true })
    .map((d) => new Date(Math.floor(d.getTime() / 1000) * 1000));

  it('gives the first non-quiet minute at or after any moment, within a day, in any zone', () => {
    fc.assert(
      fc.property(window, instant, (q, from) => {
        const end = quietHoursEndAfter(from, q);
        expect(end.getTime()).toBeGreaterThanOrEqual(from.getTime());
        expect(isQuietAt(end, q)).toBe(false);
        expect(end.getTime() - from.getTime()).toBeLessThanOrEqual(26 * 3600_000);
        // Minimal: the minute before the end is still quiet (or before the start).
        const before = new Date(end.getTime() - 60_000);
        if (before.getTime() >= from.getTime()) expect(isQuietAt(before, q)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe("the customer's day", () => {
  it('is the local calendar day, and the next one starts at local midnight (23 h across DST)', () => {
    expect(localDayOf(at('2026-03-28T23:30:00Z'), 'Europe/Paris')).toBe('2026-03-29');
    expect(localDayOf(at('2026-03-28T23:30:00Z'), 'America/New_York')).toBe('2026-03-28');
    const next = startOfNextLocalDay(at('2026-03-29T10:00:00Z'), 'Europe/Paris');
    expect(next).toEqual(at('2026-03-29T22:00:00Z'));
    expect(startOfNextLocalDay(at('2026-03-28T12:00:00Z'), 'Europe/Paris')).toEqual(
      at('2026-03-28T23:00:00Z'),
    );
  });
});
