import { defaultMarketingPreferences } from '../../customer/preferences';
import { surveyChannelCandidates } from '../surveyChannel';
import { isLowSurveyScore, surveyAnswerSchema } from '../surveyScore';
import { readSurveySettings, surveySettingsSchema } from '../surveySettings';

const prefs = (whatsapp: boolean, email: boolean) => {
  const p = defaultMarketingPreferences('en');
  return { ...p, channels: { ...p.channels, whatsapp: { optedIn: whatsapp }, email: { optedIn: email } } };
};

describe('survey settings', () => {
  it('fills every default when the tenant set nothing', () => {
    expect(readSurveySettings({})).toEqual({
      settings: {
        enabled: true,
        delayMinutes: 60,
        skipAutoResolved: true,
        kind: 'csat',
        reminderAfterHours: 24,
        deadlineHours: 72,
        lowScoreThreshold: { csat: 2, nps: 6 },
        whatsappFlowId: null,
        whatsappTemplate: 'csat_survey',
      },
      problems: [],
    });
  });

  it('keeps what the tenant set and defaults the rest', () => {
    const { settings } = readSurveySettings({ surveys: { kind: 'nps', lowScoreThreshold: { nps: 4 } } });
    expect(settings.kind).toBe('nps');
    expect(settings.lowScoreThreshold).toEqual({ csat: 2, nps: 4 });
  });

  it('refuses a reminder at or after the deadline, naming the field', () => {
    const r = surveySettingsSchema.safeParse({ reminderAfterHours: 72, deadlineHours: 72 });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['reminderAfterHours']);
  });

  it('falls back to the defaults for a stored value that no longer validates, and says why', () => {
    const r = readSurveySettings({ surveys: { delayMinutes: -5 } });
    expect(r.settings.delayMinutes).toBe(60);
    expect(r.problems).toEqual([expect.stringContaining('surveys.delayMinutes')]);
  });
});

describe('survey answers', () => {
  it('accepts CSAT 1-5 and NPS 0-10, and nothing outside', () => {
    expect(surveyAnswerSchema('csat').safeParse({ score: 5 }).success).toBe(true);
    expect(surveyAnswerSchema('csat').safeParse({ score: 0 }).success).toBe(false);
    expect(surveyAnswerSchema('csat').safeParse({ score: 6 }).success).toBe(false);
    expect(surveyAnswerSchema('nps').safeParse({ score: 0 }).success).toBe(true);
    expect(surveyAnswerSchema('nps').safeParse({ score: 10 }).success).toBe(true);
    expect(surveyAnswerSchema('nps').safeParse({ score: 11 }).success).toBe(false);
    expect(surveyAnswerSchema('nps').safeParse({ score: 2.5 }).success).toBe(false);
  });

  it('reads a form value as a number and an empty comment as none', () => {
    expect(surveyAnswerSchema('csat').parse({ score: '4', comment: '  ' })).toEqual({
      score: 4,
      comment: null,
    });
  });

  it('calls a score low at or below the threshold of its kind', () => {
    const t = { csat: 2, nps: 6 };
    expect(isLowSurveyScore('csat', 2, t)).toBe(true);
    expect(isLowSurveyScore('csat', 3, t)).toBe(false);
    expect(isLowSurveyScore('nps', 6, t)).toBe(true);
    expect(isLowSurveyScore('nps', 7, t)).toBe(false);
  });
});

describe('survey channel choice', () => {
  it('prefers the WhatsApp flow, then e-mail, then the web link', () => {
    expect(surveyChannelCandidates({ preferences: prefs(true, true), whatsapp: true, email: true })).toEqual([
      'whatsapp',
      'email',
      'web',
    ]);
  });

  it('skips a channel without consent or without an address', () => {
    expect(surveyChannelCandidates({ preferences: prefs(false, true), whatsapp: true, email: true })).toEqual(
      ['email', 'web'],
    );
    expect(surveyChannelCandidates({ preferences: prefs(true, true), whatsapp: false, email: true })).toEqual(
      ['email', 'web'],
    );
    expect(
      surveyChannelCandidates({ preferences: prefs(false, false), whatsapp: true, email: true }),
    ).toEqual(['web']);
  });
});
