import { resolveSlaPolicy, slaSettingsSchema } from '../slaSettings';

describe('SLA settings', () => {
  it('fills every default from an empty setting', () => {
    const settings = slaSettingsSchema.parse({});
    expect(settings.riskThreshold).toBe(0.8);
    expect(settings.defaultPolicy).toBe('standard');
    expect(Object.keys(settings.policies).sort()).toEqual(['standard', 'vip']);
  });

  it('resolves a named policy into milliseconds with the tenant threshold', () => {
    const settings = slaSettingsSchema.parse({
      riskThreshold: 0.5,
      policies: { gold: { firstResponseMinutes: 15, resolutionMinutes: 120 } },
      defaultPolicy: 'gold',
    });
    expect(resolveSlaPolicy(settings, 'gold', 'UTC')).toEqual({
      name: 'gold',
      fallback: false,
      firstResponseMs: 15 * 60_000,
      resolutionMs: 120 * 60_000,
      riskThreshold: 0.5,
      businessHours: null,
    });
  });

  it("counts a business-hours policy in the tenant's zone unless the hours name their own", () => {
    const week = { mon: [{ from: '09:00', to: '17:00' }] };
    const settings = slaSettingsSchema.parse({
      policies: { office: { firstResponseMinutes: 60, resolutionMinutes: 480, businessHoursOnly: true } },
      defaultPolicy: 'office',
      businessHours: { week },
    });
    expect(resolveSlaPolicy(settings, 'office', 'Europe/Paris').businessHours).toEqual({
      week,
      holidays: [],
      timeZone: 'Europe/Paris',
    });
    const bad = slaSettingsSchema.safeParse({ ...settings, businessHours: undefined });
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toEqual(['policies.office']);
  });

  it('falls back to the default policy for an unknown name, and says so', () => {
    const settings = slaSettingsSchema.parse({});
    expect(resolveSlaPolicy(settings, 'platinum', 'UTC')).toMatchObject({ name: 'standard', fallback: true });
  });

  it('refuses a default policy that is not defined, a threshold of 1 and zero minutes', () => {
    const bad = (value: unknown) =>
      slaSettingsSchema.safeParse(value).error?.issues.map((i) => i.path.join('.'));
    expect(bad({ defaultPolicy: 'gold' })).toEqual(['defaultPolicy']);
    expect(bad({ riskThreshold: 1 })).toEqual(['riskThreshold']);
    expect(
      bad({ policies: { a: { firstResponseMinutes: 0, resolutionMinutes: 5 } }, defaultPolicy: 'a' }),
    ).toEqual(['policies.a.firstResponseMinutes']);
  });
});
