import fc from 'fast-check';
import { DateTime } from 'luxon';
import {
  ALWAYS_OPEN,
  businessHoursCalendar,
  businessHoursSchema,
  type ZonedBusinessHours,
} from '../slaCalendar';

const H = 3_600_000;
const paris = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Paris' }).toMillis();
const inParis = (ms: number) =>
  DateTime.fromMillis(ms, { zone: 'Europe/Paris' }).toFormat("ccc yyyy-MM-dd'T'HH:mm");

const officeHours: ZonedBusinessHours = {
  timeZone: 'Europe/Paris',
  week: Object.fromEntries(
    (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((d) => [d, [{ from: '09:00', to: '17:00' }]]),
  ),
  holidays: ['2026-05-01'],
};

describe('business hours calendar', () => {
  const office = businessHoursCalendar(officeHours);

  it('carries a deadline over the weekend to the next opening', () => {
    // Friday 16:00 + 4 working hours: 1 on Friday, 3 on Monday morning.
    expect(inParis(office.addWorkingMs(paris('2026-03-06T16:00'), 4 * H))).toBe('Mon 2026-03-09T12:00');
    expect(office.workingMsBetween(paris('2026-03-06T16:00'), paris('2026-03-09T12:00'))).toBe(4 * H);
  });

  it('starts counting at the opening when the clock starts at night', () => {
    expect(inParis(office.addWorkingMs(paris('2026-03-03T22:00'), H))).toBe('Wed 2026-03-04T10:00');
    expect(office.workingMsBetween(paris('2026-03-03T17:00'), paris('2026-03-04T09:00'))).toBe(0);
  });

  it('keeps holidays closed', () => {
    // Thursday 30 April 16:00 + 2 h: Friday 1 May is a holiday, so Monday 4 May 10:00.
    expect(inParis(office.addWorkingMs(paris('2026-04-30T16:00'), 2 * H))).toBe('Mon 2026-05-04T10:00');
  });

  it('walks backwards for a negative amount', () => {
    expect(inParis(office.addWorkingMs(paris('2026-03-09T10:00'), -2 * H))).toBe('Fri 2026-03-06T16:00');
  });

  it('opens at wall-clock times across DST changes: 2 h on the spring-forward night, 4 h on the fall-back one', () => {
    const night = businessHoursCalendar({
      timeZone: 'Europe/Paris',
      week: { sun: [{ from: '01:00', to: '04:00' }] },
      holidays: [],
    });
    // 29 March 2026: 02:00-03:00 does not exist in Paris; 25 October 2026: 02:00-03:00 happens twice.
    expect(night.workingMsBetween(paris('2026-03-29T00:00'), paris('2026-03-30T00:00'))).toBe(2 * H);
    expect(night.workingMsBetween(paris('2026-10-25T00:00'), paris('2026-10-26T00:00'))).toBe(4 * H);
    expect(night.workingMsBetween(paris('2026-03-22T00:00'), paris('2026-03-23T00:00'))).toBe(3 * H);
    expect(inParis(night.addWorkingMs(paris('2026-03-29T00:00'), 90 * 60_000))).toBe('Sun 2026-03-29T03:30');
  });

  it('inverts itself: adding the working time between two instants never passes the later one (property)', () => {
    const start = paris('2026-01-01T00:00');
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200 * 24 }),
        fc.integer({ min: 1, max: 300 * 60 }),
        (hours, minutes) => {
          const from = start + hours * H;
          const due = office.addWorkingMs(from, minutes * 60_000);
          expect(office.workingMsBetween(from, due)).toBe(minutes * 60_000);
          expect(office.addWorkingMs(due, -minutes * 60_000)).toBeGreaterThanOrEqual(from);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('is plain arithmetic around the clock', () => {
    expect(ALWAYS_OPEN.addWorkingMs(1000, 500)).toBe(1500);
    expect(ALWAYS_OPEN.workingMsBetween(1500, 1000)).toBe(0);
  });

  it('refuses hours that end before they start, unknown zones and a week without openings', () => {
    const paths = (value: unknown) =>
      businessHoursSchema.safeParse(value).error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    expect(paths({ week: { mon: [{ from: '17:00', to: '09:00' }] } })).toEqual([
      'week.mon.0.to: must end after it starts',
    ]);
    expect(paths({ timeZone: 'Mars/Olympus', week: { mon: [{ from: '09:00', to: '17:00' }] } })).toEqual([
      'timeZone: is not an IANA time zone',
    ]);
    expect(paths({ week: {} })).toEqual(['week: needs opening hours on at least one day']);
  });
});
