import fc from 'fast-check';
import { clvChange, computeClv, CLV_FORMULA } from '../clv';
import { clvTrend } from '../clvTrend';
import type { DealFact } from '../inputs';

const now = new Date('2026-06-30T00:00:00Z');
const won = (iso: string, amount: number): DealFact => ({ amount, status: 'won', closedAt: new Date(iso) });
const settings = { expectedLifetimeYears: 3, minObservationDays: 90 };
const deals = [
  won('2026-01-01T00:00:00Z', 200),
  won('2026-04-01T00:00:00Z', 100),
  won('2026-06-20T00:00:00Z', 300),
];

describe('CLV', () => {
  it('adds the predicted value (AOV × purchases per year × lifetime) to the historical one', () => {
    // 3 orders, 600 spent, AOV 200; 180 days observed → 3 / (180 / 365.25) = 6.0875 a year;
    // predicted 200 × 6.0875 × 3 = 3652.5.
    expect(computeClv([...deals, { amount: 999, status: 'lost', closedAt: now }], settings, now)).toEqual({
      historical: 600,
      predicted: 3652.5,
      total: 4252.5,
      formula: CLV_FORMULA,
      inputs: {
        orders: 3,
        averageOrderValue: 200,
        observedDays: 180,
        purchasesPerYear: 6.0875,
        expectedLifetimeYears: 3,
      },
    });
  });

  it('stretches a short history to the minimum observation period', () => {
    // 1 order of 100 yesterday: observed 90 days, 365.25 / 90 = 4.0583 a year → 100 × 4.0583 × 3.
    const clv = computeClv([won('2026-06-29T00:00:00Z', 100)], settings, now);
    expect(clv.inputs.observedDays).toBe(90);
    expect(clv.predicted).toBe(1217.5);
  });

  it('is zero for a customer who never bought', () => {
    expect(computeClv([], settings, now)).toMatchObject({ historical: 0, predicted: 0, total: 0 });
  });

  it('reports the change since the trend date', () => {
    // As of 2026-04-01: 2 orders, 300, AOV 150, 90 days → 8.1167 a year → 150 × 8.1167 × 3 = 3652.5; total 3952.5.
    expect(clvChange(deals, settings, 90, now)).toEqual({
      previousTotal: 3952.5,
      change: 300,
      changePercent: 7.6,
    });
    expect(clvChange([won('2026-06-01T00:00:00Z', 50)], settings, 90, now).changePercent).toBeNull();
  });

  it('gives the CLV at the end of each month, months without orders included', () => {
    const trend = clvTrend(deals, settings, {
      from: new Date('2026-01-15T00:00:00Z'),
      to: new Date('2026-04-10T00:00:00Z'),
      interval: 'month',
      timeZone: 'UTC',
    });
    expect(trend.map((p) => [p.key, p.historical])).toEqual([
      ['2026-01', 200],
      ['2026-02', 200],
      ['2026-03', 200],
      ['2026-04', 300],
    ]);
  });

  it('property: total = historical + predicted, and predicted follows the formula from its inputs', () => {
    const deal = fc.record({
      amount: fc.integer({ min: 0, max: 10_000 }),
      status: fc.constantFrom('won' as const, 'lost' as const, 'open' as const),
      closedAt: fc.option(
        fc.integer({ min: 0, max: 2000 }).map((d) => new Date(now.getTime() - d * 86_400_000)),
        { nil: null },
      ),
    });
    fc.assert(
      fc.property(fc.array(deal, { maxLength: 30 }), fc.integer({ min: 1, max: 10 }), (list, years) => {
        const clv = computeClv(list, { expectedLifetimeYears: years, minObservationDays: 90 }, now);
        expect(clv.total).toBeCloseTo(clv.historical + clv.predicted, 1);
        expect(clv.predicted).toBeGreaterThanOrEqual(0);
        const { averageOrderValue, purchasesPerYear, expectedLifetimeYears } = clv.inputs;
        expect(
          Math.abs(clv.predicted - averageOrderValue * purchasesPerYear * expectedLifetimeYears),
        ).toBeLessThan(0.01 * Math.max(1, clv.predicted));
      }),
    );
  });

  it('property: one more won deal never lowers the historical value', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5000 }), { maxLength: 20 }),
        fc.integer({ min: 0, max: 5000 }),
        (amounts, extra) => {
          const base = amounts.map((a, i) =>
            won(new Date(now.getTime() - (i + 1) * 86_400_000).toISOString(), a),
          );
          const more = [...base, won(now.toISOString(), extra)];
          expect(computeClv(more, settings, now).historical).toBeGreaterThanOrEqual(
            computeClv(base, settings, now).historical,
          );
        },
      ),
    );
  });
});
