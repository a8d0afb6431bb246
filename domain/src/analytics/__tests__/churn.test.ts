import fc from 'fast-check';
import { CHURN_FEATURES, churnFeatures, MAX_MONTHS_SILENT, type ChurnFeatures } from '../churnFeatures';
import { churnBand, DEFAULT_CHURN_MODEL, predictChurn, sigmoid } from '../churnModel';
import { churnTrainingSamples, trainChurnModel, type ChurnSample } from '../churnTraining';
import type { CustomerFacts } from '../inputs';
import { day, mixedCustomer, NOW } from './fixtures';

const bands = { medium: 0.3, high: 0.6 };
const zero: ChurnFeatures = Object.fromEntries(CHURN_FEATURES.map((f) => [f, 0])) as ChurnFeatures;

describe('churn features', () => {
  it('reads silence, orders, trend, open tickets, breaches and dissatisfaction as of a date', () => {
    const f = churnFeatures(mixedCustomer, NOW);
    expect(f.monthsSinceLastOrder).toBeCloseTo(0.5, 10); // 15 days
    expect(f.ordersLog).toBeCloseTo(Math.log(3), 10); // 2 won deals
    expect(f.orderDecline).toBeCloseTo(5 / 6, 10); // 1 − order-trend value 1/6
    expect(f.openTickets).toBe(1);
    expect(f.slaBreaches).toBe(1);
    expect(f.dissatisfaction).toBeCloseTo(0.25, 10); // 1 − 0.75
  });

  it('does not see the future: as of 2026-05-17 the later deal, answers and ticket do not exist', () => {
    const f = churnFeatures(mixedCustomer, day('2026-05-17'));
    expect(f.ordersLog).toBeCloseTo(Math.log(2), 10);
    expect(f.openTickets).toBe(1); // the May ticket, resolved only on the 20th
    // only the CSAT 2 of 2026-05-01 is known: CSAT 0% → dissatisfaction 1
    expect(f.dissatisfaction).toBe(1);
  });

  it('puts a customer who never bought at the maximum silence', () => {
    expect(
      churnFeatures({ deals: [], tickets: [], surveys: [], messages: [], tags: [] }, NOW)
        .monthsSinceLastOrder,
    ).toBe(MAX_MONTHS_SILENT);
  });
});

describe('churn prediction', () => {
  it('turns the log-odds into a probability, a band and the features that raised it most', () => {
    const risk = predictChurn(DEFAULT_CHURN_MODEL, churnFeatures(mixedCustomer, NOW), bands);
    // −3 + 0.45×0.5 − 0.6×ln 3 + 1.2×5/6 + 0.3×1 + 0.4×1 + 1.5×0.25 = −1.3592 → 0.2044
    expect(risk.probability).toBeCloseTo(0.2044, 4);
    expect(risk.band).toBe('low');
    expect(risk.modelSource).toBe('default');
    expect(risk.drivers.map((d) => [d.feature, d.contribution])).toEqual([
      ['orderDecline', 1],
      ['slaBreaches', 0.4],
      ['dissatisfaction', 0.375],
    ]);
  });

  it('bands by the tenant’s thresholds', () => {
    expect(churnBand(0.29, bands)).toBe('low');
    expect(churnBand(0.3, bands)).toBe('medium');
    expect(churnBand(0.6, bands)).toBe('high');
    expect(churnBand(0.5, { medium: 0.2, high: 0.5 })).toBe('high');
  });

  it('property: the probability is in 0..1, grows with a positive-coefficient feature, and drivers only push up', () => {
    const features = fc.record(
      Object.fromEntries(
        CHURN_FEATURES.map((f) => [f, fc.double({ min: 0, max: 24, noNaN: true })]),
      ) as Record<keyof ChurnFeatures, fc.Arbitrary<number>>,
    );
    fc.assert(
      fc.property(features, fc.double({ min: 0, max: 5, noNaN: true }), (x, more) => {
        const risk = predictChurn(DEFAULT_CHURN_MODEL, x, bands);
        expect(risk.probability >= 0 && risk.probability <= 1).toBe(true);
        const worse = predictChurn(DEFAULT_CHURN_MODEL, { ...x, slaBreaches: x.slaBreaches + more }, bands);
        expect(worse.probability).toBeGreaterThanOrEqual(risk.probability);
        expect(risk.drivers.length).toBeLessThanOrEqual(3);
        for (const d of risk.drivers) expect(d.contribution).toBeGreaterThan(0);
      }),
    );
  });
});

describe('churn training', () => {
  it('labels, as of the observation point, who bought again and who did not', () => {
    const buyer = (...dates: string[]): CustomerFacts => ({
      deals: dates.map((d) => ({ amount: 10, status: 'won' as const, closedAt: day(d) })),
      tickets: [],
      surveys: [],
      messages: [],
      tags: [],
    });
    // observation point: 180 days before 2026-06-30 = 2026-01-01
    const samples = churnTrainingSamples(
      [buyer('2025-12-01', '2026-03-01'), buyer('2025-11-01'), buyer('2026-02-01'), buyer()],
      180,
      NOW,
    );
    expect(samples.map((s) => s.churned)).toEqual([false, true]);
    // the retained customer's features ignore the March deal: 31 days of silence on 2026-01-01
    expect(samples[0]!.features.monthsSinceLastOrder).toBeCloseTo(31 / 30, 10);
    expect(samples[0]!.features.ordersLog).toBeCloseTo(Math.log(2), 10);
  });

  it('keeps the default model until there are enough churned and retained customers', () => {
    const few: ChurnSample[] = [
      { features: zero, churned: true },
      { features: zero, churned: false },
    ];
    expect(trainChurnModel(few, { minPerClass: 2, l2: 1 })).toBe(DEFAULT_CHURN_MODEL);
  });

  it('learns the base rate as the intercept when no feature varies: 3 churned of 12 → ln(3/9)', () => {
    const samples = Array.from({ length: 12 }, (_, i) => ({ features: zero, churned: i < 3 }));
    const model = trainChurnModel(samples, { minPerClass: 3, l2: 1 });
    expect(model.source).toBe('trained');
    expect(model.intercept).toBeCloseTo(Math.log(3 / 9), 6);
    for (const f of CHURN_FEATURES) expect(model.coefficients[f]).toBeCloseTo(0, 6);
    expect(model.training).toMatchObject({ churned: 3, retained: 9 });
  });

  it('property: learns a positive weight for the feature that drives churn, the same way every time', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(fc.double({ min: 0, max: 12, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })),
          {
            minLength: 60,
            maxLength: 120,
          },
        ),
        (rows) => {
          // churned when silent long enough, with the second number as noise on the threshold
          const samples = rows.map(([months, noise]) => ({
            features: { ...zero, monthsSinceLastOrder: months, dissatisfaction: noise },
            churned: months + 4 * (noise - 0.5) > 6,
          }));
          const churned = samples.filter((s) => s.churned).length;
          fc.pre(churned >= 10 && samples.length - churned >= 10);
          const model = trainChurnModel(samples, { minPerClass: 10, l2: 1 });
          expect(model.source).toBe('trained');
          expect(model.coefficients.monthsSinceLastOrder).toBeGreaterThan(0);
          expect(trainChurnModel(samples, { minPerClass: 10, l2: 1 })).toEqual(model);
          const p = (months: number) =>
            sigmoid(
              model.intercept +
                model.coefficients.monthsSinceLastOrder * months +
                model.coefficients.dissatisfaction * 0.5,
            );
          expect(p(11)).toBeGreaterThan(p(1));
        },
      ),
      { numRuns: 30 },
    );
  });
});
