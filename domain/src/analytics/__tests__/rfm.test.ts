import fc from 'fast-check';
import type { DealFact } from '../inputs';
import {
  computeRfm,
  RFM_SEGMENTS,
  rfmSegment,
  rfmThresholds,
  rfmValues,
  scoreRfm,
  type RfmValues,
} from '../rfm';

const now = new Date('2026-06-30T00:00:00Z');
const won = (iso: string, amount: number): DealFact => ({ amount, status: 'won', closedAt: new Date(iso) });

describe('RFM values', () => {
  it('takes recency from the last won deal and F/M from won deals inside the window', () => {
    const deals: DealFact[] = [
      won('2026-06-20T00:00:00Z', 100),
      won('2026-01-10T00:00:00Z', 50),
      won('2025-03-01T00:00:00Z', 999), // 486 days ago: outside a 365-day window
      { amount: 500, status: 'lost', closedAt: new Date('2026-06-25T00:00:00Z') },
      { amount: 70, status: 'open', closedAt: null },
    ];
    expect(rfmValues(deals, 365, now)).toEqual({ recencyDays: 10, frequency: 2, monetary: 150 });
  });

  it('counts recency from an old purchase even when nothing falls in the window', () => {
    expect(rfmValues([won('2025-03-01T00:00:00Z', 999)], 365, now)).toEqual({
      recencyDays: 486,
      frequency: 0,
      monetary: 0,
    });
  });

  it('is null for a customer who never won a deal', () => {
    expect(rfmValues([{ amount: 10, status: 'lost', closedAt: now }], 365, now)).toBeNull();
    expect(computeRfm([], rfmThresholds([]), 365, now)).toBeNull();
  });
});

describe('RFM quintiles', () => {
  const population: RfmValues[] = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((r, i) => ({
    recencyDays: r,
    frequency: [1, 1, 1, 1, 2, 2, 3, 5, 8, 10][i]!,
    monetary: r * 100,
  }));

  it('computes the 20/40/60/80th percentile cut points by linear interpolation', () => {
    const t = rfmThresholds(population);
    expect(t.recency.map((c) => Number(c.toFixed(6)))).toEqual([2.8, 4.6, 6.4, 8.2]);
    expect(t.frequency.map((c) => Number(c.toFixed(6)))).toEqual([1, 1.6, 2.4, 5.6]);
    expect(t.monetary.map((c) => Number(c.toFixed(6)))).toEqual([280, 460, 640, 820]);
  });

  it('scores recent customers high on R and frequent, big spenders high on F and M', () => {
    const t = rfmThresholds(population);
    expect(scoreRfm({ recencyDays: 1, frequency: 1, monetary: 100 }, t)).toEqual({ r: 5, f: 1, m: 1 });
    expect(scoreRfm({ recencyDays: 3, frequency: 2, monetary: 460 }, t)).toEqual({ r: 4, f: 3, m: 2 });
    expect(scoreRfm({ recencyDays: 8, frequency: 3, monetary: 821 }, t)).toEqual({ r: 2, f: 4, m: 5 });
    expect(scoreRfm({ recencyDays: 9, frequency: 6, monetary: 1000 }, t)).toEqual({ r: 1, f: 5, m: 5 });
  });

  it('property: scores stay within 1..5, R falls as days grow, F and M rise with the value', () => {
    const values = fc.record({
      recencyDays: fc.integer({ min: 0, max: 2000 }),
      frequency: fc.integer({ min: 0, max: 50 }),
      monetary: fc.integer({ min: 0, max: 100_000 }),
    });
    fc.assert(
      fc.property(fc.array(values, { minLength: 1, maxLength: 60 }), values, values, (pop, a, b) => {
        const t = rfmThresholds(pop);
        const sa = scoreRfm(a, t);
        const sb = scoreRfm(b, t);
        for (const s of [sa.r, sa.f, sa.m]) expect(s >= 1 && s <= 5).toBe(true);
        if (a.recencyDays <= b.recencyDays) expect(sa.r).toBeGreaterThanOrEqual(sb.r);
        if (a.frequency <= b.frequency) expect(sa.f).toBeLessThanOrEqual(sb.f);
        if (a.monetary <= b.monetary) expect(sa.m).toBeLessThanOrEqual(sb.m);
      }),
    );
  });

  it('property: a population of 5k distinct values puts exactly k customers in each quintile', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 20 })
          .chain((k) =>
            fc.uniqueArray(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 5 * k, maxLength: 5 * k }),
          ),
        (distinct) => {
          const pop = distinct.map((v) => ({ recencyDays: v, frequency: v, monetary: v }));
          const t = rfmThresholds(pop);
          const k = distinct.length / 5;
          for (const key of ['r', 'f', 'm'] as const) {
            const counts = [1, 2, 3, 4, 5].map((s) => pop.filter((v) => scoreRfm(v, t)[key] === s).length);
            expect(counts).toEqual([k, k, k, k, k]);
          }
        },
      ),
    );
  });
});

describe('RFM segments', () => {
  it('maps the corners and the middle of the grid to the documented labels', () => {
    expect(rfmSegment({ r: 5, f: 5, m: 5 })).toBe('Champions');
    expect(rfmSegment({ r: 1, f: 1, m: 1 })).toBe('Lost');
    expect(rfmSegment({ r: 1, f: 5, m: 4 })).toBe("Can't lose"); // FM = round(4.5) = 5
    expect(rfmSegment({ r: 5, f: 1, m: 1 })).toBe('New');
    expect(rfmSegment({ r: 4, f: 1, m: 2 })).toBe('Potential loyalist'); // FM = round(1.5) = 2
    expect(rfmSegment({ r: 4, f: 1, m: 1 })).toBe('Promising');
    expect(rfmSegment({ r: 3, f: 3, m: 3 })).toBe('Needs attention');
    expect(rfmSegment({ r: 3, f: 2, m: 1 })).toBe('About to sleep');
    expect(rfmSegment({ r: 2, f: 1, m: 1 })).toBe('Hibernating');
    expect(rfmSegment({ r: 2, f: 3, m: 4 })).toBe('At risk');
    expect(rfmSegment({ r: 3, f: 4, m: 5 })).toBe('Loyal');
  });

  it('gives every one of the 125 score triples a label and uses all 11 labels', () => {
    const seen = new Set<string>();
    for (let r = 1; r <= 5; r++)
      for (let f = 1; f <= 5; f++)
        for (let m = 1; m <= 5; m++) {
          const label = rfmSegment({ r, f, m });
          expect(RFM_SEGMENTS).toContain(label);
          seen.add(label);
        }
    expect([...seen].sort()).toEqual([...RFM_SEGMENTS].sort());
  });

  it('scores and labels a customer in one call', () => {
    const t = { recency: [10, 30, 60, 120], frequency: [1, 2, 3, 5], monetary: [100, 200, 400, 800] };
    const deals = [
      won('2026-06-25T00:00:00Z', 500),
      won('2026-05-01T00:00:00Z', 400),
      won('2026-02-01T00:00:00Z', 300),
    ];
    // R: 5 days ≤ all four cuts → 5; F: 3 > 1,2 → 3; M: 1200 > all → 5; FM = round(4) = 4 → Champions
    expect(computeRfm(deals, t, 365, now)).toEqual({
      recencyDays: 5,
      frequency: 3,
      monetary: 1200,
      r: 5,
      f: 3,
      m: 5,
      segment: 'Champions',
    });
  });
});
