import fc from 'fast-check';
import { cohortRetention, type Purchase } from '../cohorts';

const p = (customerId: string, iso: string): Purchase => ({ customerId, at: new Date(iso) });
const now = new Date('2026-03-15T00:00:00Z');

describe('cohort retention', () => {
  it('groups customers by first-purchase month and counts who bought in each later month', () => {
    const rows = cohortRetention(
      [
        p('a', '2026-01-05T10:00:00Z'),
        p('a', '2026-02-10T10:00:00Z'),
        p('a', '2026-03-01T10:00:00Z'),
        p('b', '2026-01-20T10:00:00Z'),
        p('c', '2026-02-03T10:00:00Z'),
        p('c', '2026-02-20T10:00:00Z'),
        p('c', '2026-03-10T10:00:00Z'),
        p('d', '2026-03-02T10:00:00Z'),
        p('b', '2026-04-01T10:00:00Z'), // after now: not seen
      ],
      'UTC',
      now,
    );
    expect(rows).toEqual([
      { cohort: '2026-01', size: 2, retained: [2, 1, 1], rates: [100, 50, 50] },
      { cohort: '2026-02', size: 1, retained: [1, 1], rates: [100, 100] },
      { cohort: '2026-03', size: 1, retained: [1], rates: [100] },
    ]);
  });

  it('takes months in the tenant’s zone', () => {
    // 23:30 UTC on 31 January is already February in Tokyo
    const rows = cohortRetention([p('a', '2026-01-31T23:30:00Z')], 'Asia/Tokyo', now);
    expect(rows[0]!.cohort).toBe('2026-02');
  });

  it('property: month 0 is the whole cohort, no later month exceeds it, and cohorts add up to the buyers', () => {
    const purchase = fc.record({
      customerId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'),
      at: fc.integer({ min: 0, max: 400 }).map((d) => new Date(now.getTime() - d * 86_400_000)),
    });
    fc.assert(
      fc.property(fc.array(purchase, { maxLength: 40 }), (purchases) => {
        const rows = cohortRetention(purchases, 'Europe/Paris', now);
        for (const row of rows) {
          expect(row.retained[0]).toBe(row.size);
          for (const n of row.retained) expect(n).toBeLessThanOrEqual(row.size);
        }
        expect(rows.reduce((s, r) => s + r.size, 0)).toBe(new Set(purchases.map((x) => x.customerId)).size);
        for (let i = 1; i < rows.length; i++)
          expect(rows[i]!.retained.length).toBeLessThan(rows[i - 1]!.retained.length);
      }),
    );
  });
});
