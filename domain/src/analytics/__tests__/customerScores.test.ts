import fc from 'fast-check';
import { DEFAULT_CHURN_MODEL } from '../churnModel';
import { computeCustomerScores, type TenantScoringModel } from '../customerScores';
import { scoreEvents } from '../scoreEvents';
import { scoreSummary } from '../scoreSummary';
import { analyticsSettingsSchema, defaultAnalyticsSettings } from '../settings';
import { vipThresholds } from '../vipRule';
import { mixedCustomer, NOW } from './fixtures';

const settings = analyticsSettingsSchema.parse({ vip: { rule: [{ kind: 'tag', tag: 'wholesale' }] } });
const tenant: TenantScoringModel = {
  settings,
  rfmThresholds: { recency: [10, 30, 60, 120], frequency: [1, 2, 3, 5], monetary: [100, 200, 400, 800] },
  vipThresholds: vipThresholds(settings.vip.rule, []),
  churnModel: DEFAULT_CHURN_MODEL,
};

describe('computeCustomerScores', () => {
  it('computes every score of a customer with the numbers behind it', () => {
    const s = computeCustomerScores({ ...mixedCustomer, previous: null }, tenant, NOW);
    expect(s.version).toBe(1);
    expect(s.computedAt).toBe('2026-06-30T00:00:00.000Z');
    // 2 won deals in the year, 400 spent, last 15 days ago: R 4 (15 ≤ 30, 60, 120), F 2, M 3 → FM 3 → Potential loyalist
    expect(s.rfm).toEqual({
      recencyDays: 15,
      frequency: 2,
      monetary: 400,
      r: 4,
      f: 2,
      m: 3,
      segment: 'Potential loyalist',
    });
    // 2 orders, AOV 200, 130 days observed → 2 × 365.25 / 130 a year × 3 years × 200
    expect(s.clv.historical).toBe(400);
    expect(s.clv.predicted).toBeCloseTo((2 * 365.25 * 600) / 130, 1);
    // 5 inbound messages + 2 answers in the last 30 days = 7 → 0.7; 2 of 3 channels → 69
    expect(s.engagement.score).toBe(69);
    // 24.31 + 13.8 + 15 + 8 + 6.67 + 2.5 = 70.27
    expect(s.health).toMatchObject({ score: 70, band: 'healthy', previousScore: null });
    expect(s.churn.probability).toBeCloseTo(0.2044, 4);
    expect(s.churn.band).toBe('low');
    expect(s.vip).toEqual({ isVip: true, matched: [{ kind: 'tag', tag: 'wholesale' }] });
    expect(s.surveys).toEqual({ csat: 33.3, csatAnswers: 3, nps: 100, npsAnswers: 1 });
  });

  it('stores as plain JSON and, recomputed on the same facts, keeps its score and raises no event', () => {
    const first = computeCustomerScores({ ...mixedCustomer, previous: null }, tenant, NOW);
    const stored = JSON.parse(JSON.stringify(first)) as typeof first;
    expect(stored).toEqual(first);
    const again = computeCustomerScores({ ...mixedCustomer, previous: stored }, tenant, NOW);
    expect(again.health.previousScore).toBe(70);
    expect(again.health.change).toBe(0);
    expect(scoreEvents(stored, again, { healthDelta: settings.health.eventDelta })).toEqual([]);
  });

  it('scores a customer with no history without failing', () => {
    const s = computeCustomerScores(
      { deals: [], tickets: [], surveys: [], messages: [], tags: [], previous: null },
      {
        ...tenant,
        settings: defaultAnalyticsSettings(),
        vipThresholds: vipThresholds({ kind: 'topPercentClv', percent: 5 }, []),
      },
      NOW,
    );
    expect(s.rfm).toBeNull();
    expect(s.clv.total).toBe(0);
    expect(s.vip.isVip).toBe(false);
    expect(s.health.band).toBe('at_risk');
  });

  it('property: an order, ticket or answer dated after `now` changes nothing', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.integer({ min: 1, max: 5 }), (daysAhead, score) => {
        const base = computeCustomerScores({ ...mixedCustomer, previous: null }, tenant, NOW);
        const future = new Date(NOW.getTime() + daysAhead * 86_400_000);
        const withFuture = {
          ...mixedCustomer,
          deals: [...mixedCustomer.deals, { amount: 1000, status: 'won' as const, closedAt: future }],
          surveys: [...mixedCustomer.surveys, { kind: 'csat' as const, score, answeredAt: future }],
          tickets: [...mixedCustomer.tickets, { ...mixedCustomer.tickets[0]!, createdAt: future }],
          previous: null,
        };
        const s = computeCustomerScores(withFuture, tenant, NOW);
        expect(s).toEqual(base);
      }),
      { numRuns: 25 },
    );
  });
});

describe('scoreSummary', () => {
  it('flattens the stored scores for search and segment filters', () => {
    const s = computeCustomerScores({ ...mixedCustomer, previous: null }, tenant, NOW);
    expect(scoreSummary(s)).toEqual({
      rfmSegment: 'Potential loyalist',
      rfmR: 4,
      rfmF: 2,
      rfmM: 3,
      clv: s.clv.total,
      lifetimeValue: 400,
      health: 70,
      healthBand: 'healthy',
      churnRisk: s.churn.probability,
      churnBand: 'low',
      engagement: 69,
      isVip: true,
    });
  });
});
