import fc from 'fast-check';
import { DateTime } from 'luxon';
import { AppError } from '../../errors/AppError';
import { csat } from '../satisfaction';
import { bucketKey, buckets, trendSeries, type Interval } from '../trends';

const utc = (iso: string): Date => new Date(iso);

describe('trend buckets', () => {
  it('cuts days at local midnight across a DST change (Paris, 29 March 2026 is 23 hours)', () => {
    const b = buckets({
      from: utc('2026-03-28T12:00:00Z'),
      to: utc('2026-03-30T12:00:00Z'),
      interval: 'day',
      timeZone: 'Europe/Paris',
    });
    expect(b.map((x) => x.key)).toEqual(['2026-03-28', '2026-03-29', '2026-03-30']);
    expect(b[1]!.start.toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect(b[1]!.end.toISOString()).toBe('2026-03-29T22:00:00.000Z');
  });

  it('starts ISO weeks on Monday and keeps the weeks in between', () => {
    const b = buckets({
      from: utc('2026-03-04T10:00:00Z'),
      to: utc('2026-03-18T10:00:00Z'),
      interval: 'week',
      timeZone: 'UTC',
    });
    expect(b.map((x) => x.key)).toEqual(['2026-03-02', '2026-03-09', '2026-03-16']);
  });

  it('puts an instant in the month it is in the tenant’s zone', () => {
    // 03:00 UTC on 1 February is 22:00 on 31 January in New York
    expect(bucketKey(utc('2026-02-01T03:00:00Z'), 'month', 'America/New_York')).toBe('2026-01');
    expect(bucketKey(utc('2026-02-01T03:00:00Z'), 'month', 'UTC')).toBe('2026-02');
  });

  it('summarises each bucket, empty ones included, and leaves out items outside the range', () => {
    const answers = [
      { at: utc('2026-05-01T10:00:00Z'), score: 5 },
      { at: utc('2026-05-01T11:00:00Z'), score: 2 },
      { at: utc('2026-05-03T09:00:00Z'), score: 4 },
      { at: utc('2026-05-09T09:00:00Z'), score: 1 }, // after `to`
    ];
    const series = trendSeries(
      answers,
      (a) => a.at,
      {
        from: utc('2026-05-01T00:00:00Z'),
        to: utc('2026-05-03T23:59:59Z'),
        interval: 'day',
        timeZone: 'UTC',
      },
      (items) => csat(items.map((a) => a.score)),
    );
    expect(series.map((p) => [p.key, p.count, p.value])).toEqual([
      ['2026-05-01', 2, 50],
      ['2026-05-02', 0, null],
      ['2026-05-03', 1, 100],
    ]);
  });

  it('refuses a range that ends before it starts, or an unknown zone, naming the field', () => {
    const run = (from: string, to: string, timeZone: string) => () =>
      buckets({ from: utc(from), to: utc(to), interval: 'day', timeZone });
    expect(run('2026-05-02T00:00:00Z', '2026-05-01T00:00:00Z', 'UTC')).toThrow(AppError);
    try {
      run('2026-05-01T00:00:00Z', '2026-05-02T00:00:00Z', 'Mars/Olympus')();
      throw new Error('expected a validation error');
    } catch (e) {
      expect((e as AppError).kind).toBe('validation');
      expect((e as AppError).details.fields?.[0]?.path).toBe('timeZone');
    }
  });

  it('property: buckets are contiguous, start at local midnight (Mondays for weeks), and every instant in range lands in the bucket of its key', () => {
    const zones = [
      'UTC',
      'Europe/Paris',
      'America/New_York',
      'Asia/Kolkata',
      'Australia/Lord_Howe',
      'America/Sao_Paulo',
    ];
    const base = Date.UTC(2025, 0, 1);
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 600 * 86_400 }),
        fc.integer({ min: 0, max: 60 * 86_400 }),
        fc.constantFrom<Interval>('day', 'week', 'month'),
        fc.constantFrom(...zones),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (startSec, lengthSec, interval, timeZone, where) => {
          const from = new Date(base + startSec * 1000);
          const to = new Date(from.getTime() + lengthSec * 1000);
          const b = buckets({ from, to, interval, timeZone });
          expect(b[0]!.start.getTime()).toBeLessThanOrEqual(from.getTime());
          expect(b[b.length - 1]!.end.getTime()).toBeGreaterThan(to.getTime());
          for (let i = 0; i < b.length; i++) {
            const start = DateTime.fromJSDate(b[i]!.start, { zone: timeZone });
            expect(start.hour * 60 + start.minute).toBeLessThan(60); // midnight, or 01:00 where midnight is skipped
            if (interval === 'week') expect(start.weekday).toBe(1);
            if (interval === 'month') expect(start.day).toBe(1);
            if (i > 0) expect(b[i]!.start.getTime()).toBe(b[i - 1]!.end.getTime());
          }
          const instant = new Date(from.getTime() + Math.floor(where * (to.getTime() - from.getTime())));
          const holder = b.find((x) => x.start <= instant && instant < x.end)!;
          expect(holder.key).toBe(bucketKey(instant, interval, timeZone));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('property: trendSeries puts each item in the bucket named by its key and keeps every item in range', () => {
    const from = utc('2026-03-01T00:00:00Z');
    const to = utc('2026-11-30T00:00:00Z');
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -5 * 86_400, max: 280 * 86_400 }), { maxLength: 80 }),
        fc.constantFrom<Interval>('day', 'week', 'month'),
        fc.constantFrom('Europe/Paris', 'America/New_York', 'Pacific/Auckland'),
        (offsets, interval, timeZone) => {
          const items = offsets.map((s) => new Date(from.getTime() + s * 1000));
          const series = trendSeries(
            items,
            (d) => d,
            { from, to, interval, timeZone },
            (xs) => xs,
          );
          const inRange = items.filter((d) => d >= from && d <= to);
          expect(series.reduce((n, p) => n + p.count, 0)).toBe(inRange.length);
          for (const p of series)
            for (const d of p.value) expect(bucketKey(d, interval, timeZone)).toBe(p.key);
        },
      ),
      { numRuns: 50 },
    );
  });
});
