import fc from 'fast-check';
import { scoreEvents, type ScoreSnapshot } from '../scoreEvents';

const snapshot = (
  score: number,
  band: 'healthy' | 'neutral' | 'at_risk',
  isVip: boolean,
  churnBand: 'low' | 'medium' | 'high',
): ScoreSnapshot => ({
  health: { score, band, previousScore: null, change: null, factors: [] },
  vip: { isVip, matched: isVip ? [{ kind: 'tag', tag: 'vip' }] : [] },
  churn: {
    probability: churnBand === 'high' ? 0.8 : 0.1,
    band: churnBand,
    drivers: [],
    modelSource: 'default',
  },
});
const types = (events: { type: string }[]) => events.map((e) => e.type);
const thresholds = { healthDelta: 10 };

describe('score events', () => {
  it('announces the first score, a VIP on arrival and a high risk on arrival', () => {
    expect(types(scoreEvents(null, snapshot(30, 'at_risk', true, 'high'), thresholds))).toEqual([
      'customer.health_score_updated',
      'customer.vip_detected',
      'customer.churn_risk_high',
    ]);
  });

  it('raises health_score_updated on a band change or a move beyond the threshold, not within it', () => {
    const before = snapshot(60, 'neutral', false, 'low');
    expect(scoreEvents(before, snapshot(70, 'healthy', false, 'low'), thresholds)).toEqual([
      {
        type: 'customer.health_score_updated',
        score: 70,
        previousScore: 60,
        band: 'healthy',
        previousBand: 'neutral',
        factorChanges: [],
      },
    ]);
    expect(types(scoreEvents(before, snapshot(50, 'neutral', false, 'low'), thresholds))).toEqual([]); // exactly 10
    expect(types(scoreEvents(before, snapshot(49, 'neutral', false, 'low'), thresholds))).toEqual([
      'customer.health_score_updated',
    ]);
  });

  it('raises vip_detected and churn_risk_high only on entering the state', () => {
    const vipHigh = snapshot(30, 'at_risk', true, 'high');
    expect(types(scoreEvents(snapshot(30, 'at_risk', false, 'medium'), vipHigh, thresholds))).toEqual([
      'customer.vip_detected',
      'customer.churn_risk_high',
    ]);
    expect(types(scoreEvents(vipHigh, snapshot(32, 'at_risk', true, 'high'), thresholds))).toEqual([]);
    expect(types(scoreEvents(vipHigh, snapshot(30, 'at_risk', false, 'medium'), thresholds))).toEqual([]);
  });

  const arbitrarySnapshot = fc
    .tuple(
      fc.integer({ min: 0, max: 100 }),
      fc.constantFrom('healthy' as const, 'neutral' as const, 'at_risk' as const),
      fc.boolean(),
      fc.constantFrom('low' as const, 'medium' as const, 'high' as const),
    )
    .map(([s, b, v, c]) => snapshot(s, b, v, c));

  it('property: a recompute that changes nothing raises nothing', () => {
    fc.assert(
      fc.property(arbitrarySnapshot, fc.nat(30), (s, delta) => {
        expect(scoreEvents(s, structuredClone(s), { healthDelta: delta })).toEqual([]);
      }),
    );
  });

  it('property: each event fires at most once and only on its edge', () => {
    fc.assert(
      fc.property(arbitrarySnapshot, arbitrarySnapshot, (a, b) => {
        const events = types(scoreEvents(a, b, thresholds));
        expect(new Set(events).size).toBe(events.length);
        expect(events.includes('customer.vip_detected')).toBe(b.vip.isVip && !a.vip.isVip);
        expect(events.includes('customer.churn_risk_high')).toBe(
          b.churn.band === 'high' && a.churn.band !== 'high',
        );
        // applying the same step again from the new state raises nothing
        expect(scoreEvents(b, b, thresholds)).toEqual([]);
      }),
    );
  });
});
