import { DEFAULT_CHURN_MODEL } from '../churnModel';
import { analyticsSettingsSchema } from '../settings';
import { buildTenantScoringModel } from '../tenantScoringModel';

describe('tenant scoring model', () => {
  it('derives the RFM quintiles, VIP cut-offs and churn model from the tenant population', () => {
    const s = analyticsSettingsSchema.parse({
      vip: { rule: { kind: 'topPercentClv', percent: 20 } },
      churn: { minPerClass: 50 },
    });
    const model = buildTenantScoringModel(s, {
      rfmValues: [1, 2, 3, 4, 5].map((v) => ({ recencyDays: v, frequency: v, monetary: v * 10 })),
      clvTotals: [100, 200, 300, 400, 500, 600, 700, 800, 900, 1000],
      churnSamples: [],
    });
    expect(model.rfmThresholds.recency).toEqual([1.8, 2.6, 3.4, 4.2].map((x) => expect.closeTo(x, 10)));
    expect(model.vipThresholds).toEqual({ clvCutoffs: [{ percent: 20, cutoff: 900 }] });
    expect(model.churnModel).toBe(DEFAULT_CHURN_MODEL);
  });
});
