import fc from 'fast-check';
import { HEALTH_FACTORS, healthFactorValues, healthScore, type HealthFactorValue } from '../health';
import { defaultAnalyticsSettings, type HealthFactorName } from '../settings';
import { mixedCustomer, NOW } from './fixtures';

const settings = defaultAnalyticsSettings().health;

describe('health score', () => {
  it('measures each factor from the customer’s facts', () => {
    const v = healthFactorValues(mixedCustomer, 50, settings, NOW);
    // last activity: inbound WhatsApp 5 days ago → 1 − 5/180
    expect(v.recency.raw).toBe(5);
    expect(v.recency.value).toBeCloseTo(1 - 5 / 180, 10);
    expect(v.engagement).toEqual({ raw: 50, value: 0.5 });
    // CSAT 50% (5 and 2) and NPS 100 → (0.5 + 1) / 2; the 2025 answer is outside the 90 days
    expect(v.satisfaction).toEqual({ raw: 75, value: 0.75 });
    expect(v.openTickets).toEqual({ raw: 1, value: 0.8 });
    expect(v.slaBreaches.raw).toBe(1);
    expect(v.slaBreaches.value).toBeCloseTo(2 / 3, 10);
    // 100 in the last 90 days against 300 in the 90 before: 0.5 + 0.5 × (−200 / 300)
    expect(v.orderTrend.raw).toBe(-0.6667);
    expect(v.orderTrend.value).toBeCloseTo(1 / 6, 10);
  });

  it('adds the weighted factors into a 0-100 score with each contribution, band and previous score', () => {
    const h = healthScore(
      healthFactorValues(mixedCustomer, 50, settings, NOW),
      settings.weights,
      settings.bands,
      72,
    );
    // 24.31 + 10 + 15 + 8 + 6.67 + 2.5 = 66.47
    expect(h.score).toBe(66);
    expect(h.band).toBe('neutral');
    expect(h.previousScore).toBe(72);
    expect(h.change).toBe(-6);
    expect(h.factors.map((f) => [f.name, f.weight, f.contribution])).toEqual([
      ['recency', 0.25, 24.3],
      ['engagement', 0.2, 10],
      ['satisfaction', 0.2, 15],
      ['openTickets', 0.1, 8],
      ['slaBreaches', 0.1, 6.7],
      ['orderTrend', 0.15, 2.5],
    ]);
  });

  it('treats a factor with no data as neutral, and a customer never heard from as not recent', () => {
    const empty = { deals: [], tickets: [], surveys: [], messages: [], tags: [] };
    const v = healthFactorValues(empty, 0, settings, NOW);
    expect(v.recency).toEqual({ raw: null, value: 0 });
    expect(v.satisfaction).toEqual({ raw: null, value: 0.5 });
    expect(v.orderTrend).toEqual({ raw: null, value: 0.5 });
    // 0 + 0 + 10 + 10 + 10 + 7.5
    expect(healthScore(v, settings.weights, settings.bands, null)).toMatchObject({
      score: 38,
      band: 'at_risk',
      previousScore: null,
      change: null,
    });
  });

  const factorValues = fc.record(
    Object.fromEntries(
      HEALTH_FACTORS.map((n) => [
        n,
        fc.record({ raw: fc.constant(null), value: fc.double({ min: 0, max: 1, noNaN: true }) }),
      ]),
    ) as Record<HealthFactorName, fc.Arbitrary<HealthFactorValue>>,
  );
  const weights = fc.record(
    Object.fromEntries(HEALTH_FACTORS.map((n) => [n, fc.double({ min: 0, max: 10, noNaN: true })])) as Record<
      HealthFactorName,
      fc.Arbitrary<number>
    >,
  );

  it('property: the score stays in 0..100 and the contributions add up to it', () => {
    fc.assert(
      fc.property(factorValues, weights, (values, w) => {
        const h = healthScore(values, w, settings.bands, null);
        expect(h.score >= 0 && h.score <= 100).toBe(true);
        const total = h.factors.reduce((s, f) => s + f.contribution, 0);
        expect(Math.abs(total - h.score)).toBeLessThanOrEqual(0.5 + 0.05 * HEALTH_FACTORS.length + 1e-9);
      }),
    );
  });

  it('property: improving one factor never lowers the score, and scaling all weights keeps it within a rounding step', () => {
    fc.assert(
      fc.property(
        factorValues,
        weights,
        fc.constantFrom(...HEALTH_FACTORS),
        fc.double({ min: 0.1, max: 100, noNaN: true }),
        (values, w, name, scale) => {
          const base = healthScore(values, w, settings.bands, null).score;
          const better = { ...values, [name]: { raw: null, value: 1 } };
          expect(healthScore(better, w, settings.bands, null).score).toBeGreaterThanOrEqual(base);
          const scaled = Object.fromEntries(HEALTH_FACTORS.map((n) => [n, w[n] * scale])) as typeof w;
          expect(
            Math.abs(healthScore(values, scaled, settings.bands, null).score - base),
          ).toBeLessThanOrEqual(1);
        },
      ),
    );
  });
});
