import fc from 'fast-check';
import {
  applyPreferencesPatch,
  CHANNELS,
  defaultMarketingPreferences,
  marketingPreferencesPatchSchema,
  marketingPreferencesSchema,
  type MarketingPreferences,
} from '../preferences';

describe('marketing preferences', () => {
  it('starts opted out of every channel', () => {
    const prefs = defaultMarketingPreferences('fr');
    expect(marketingPreferencesSchema.parse(prefs)).toEqual(prefs);
    for (const c of CHANNELS) expect(prefs.channels[c].optedIn).toBe(false);
    expect(prefs.language).toBe('fr');
  });

  it('refuses an unknown time zone and a malformed clock, naming the field', () => {
    const result = marketingPreferencesPatchSchema.safeParse({
      quietHours: { start: '25:00', end: '07:00', timeZone: 'Mars/Olympus' },
    });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['quietHours.start', 'quietHours.timeZone']));
  });

  it('refuses an empty patch', () => {
    expect(marketingPreferencesPatchSchema.safeParse({}).success).toBe(false);
  });

  it('accepts quiet hours that cross midnight', () => {
    const parsed = marketingPreferencesPatchSchema.parse({
      quietHours: { start: '22:00', end: '07:30', timeZone: 'Asia/Tokyo' },
    });
    expect(parsed.quietHours).toEqual({ start: '22:00', end: '07:30', timeZone: 'Asia/Tokyo' });
  });

  it('lists one consent change per channel whose opt-in flips, and none for a no-op', () => {
    const current = defaultMarketingPreferences();
    const { next, consentChanges } = applyPreferencesPatch(current, {
      channels: { whatsapp: { optedIn: true }, email: { optedIn: false } },
    });
    expect(consentChanges).toEqual([{ channel: 'whatsapp', granted: true }]);
    expect(next.channels.whatsapp.optedIn).toBe(true);
    expect(current.channels.whatsapp.optedIn).toBe(false);
  });

  it('keeps quiet hours unless the patch names them, and clears them with null', () => {
    const withQuiet: MarketingPreferences = {
      ...defaultMarketingPreferences(),
      quietHours: { start: '21:00', end: '08:00', timeZone: 'Europe/Paris' },
    };
    expect(applyPreferencesPatch(withQuiet, { language: 'ar' }).next.quietHours).toEqual(
      withQuiet.quietHours,
    );
    expect(applyPreferencesPatch(withQuiet, { quietHours: null }).next.quietHours).toBeNull();
  });

  it('property: applying a patch twice changes nothing the second time', () => {
    const channelPatch = fc.option(fc.record({ optedIn: fc.boolean() }), { nil: undefined });
    fc.assert(
      fc.property(
        fc.record({ whatsapp: fc.boolean(), email: fc.boolean(), sms: fc.boolean() }),
        fc.record({ whatsapp: channelPatch, email: channelPatch, sms: channelPatch }),
        (start, patchChannels) => {
          const current: MarketingPreferences = {
            ...defaultMarketingPreferences(),
            channels: {
              whatsapp: { optedIn: start.whatsapp },
              email: { optedIn: start.email },
              sms: { optedIn: start.sms },
            },
          };
          const patch = {
            channels: Object.fromEntries(Object.entries(patchChannels).filter(([, v]) => v !== undefined)),
          };
          const once = applyPreferencesPatch(current, patch);
          const twice = applyPreferencesPatch(once.next, patch);
          expect(twice.consentChanges).toEqual([]);
          expect(twice.next).toEqual(once.next);
          for (const change of once.consentChanges) {
            expect(current.channels[change.channel].optedIn).toBe(!change.granted);
            expect(once.next.channels[change.channel].optedIn).toBe(change.granted);
          }
        },
      ),
    );
  });
});
