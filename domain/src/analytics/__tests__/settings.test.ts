import { analyticsSettingsSchema, defaultAnalyticsSettings } from '../settings';

describe('analytics settings', () => {
  it('fills every default from an empty object', () => {
    const s = defaultAnalyticsSettings();
    expect(s.rfm.windowDays).toBe(365);
    expect(s.health.weights).toEqual({
      recency: 0.25,
      engagement: 0.2,
      satisfaction: 0.2,
      openTickets: 0.1,
      slaBreaches: 0.1,
      orderTrend: 0.15,
    });
    expect(s.churn.bands).toEqual({ medium: 0.3, high: 0.6 });
    expect(s.vip.rule).toEqual({ kind: 'topPercentClv', percent: 5 });
  });

  it('keeps defaults for what a tenant does not set, and names a bad field', () => {
    const s = analyticsSettingsSchema.parse({ health: { weights: { recency: 1 } } });
    expect(s.health.weights.recency).toBe(1);
    expect(s.health.weights.engagement).toBe(0.2);
    const bad = analyticsSettingsSchema.safeParse({ health: { weights: { recency: -1 } } });
    expect(bad.error?.issues[0]?.path).toEqual(['health', 'weights', 'recency']);
    const crossed = analyticsSettingsSchema.safeParse({ churn: { bands: { medium: 0.7, high: 0.5 } } });
    expect(crossed.error?.issues[0]?.path).toEqual(['churn', 'bands', 'medium']);
  });
});
