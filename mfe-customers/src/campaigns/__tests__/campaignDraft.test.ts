import { emptyDraft, launchFromDraft, withChannel } from '../campaignDraft';

describe('campaign drafts', () => {
  it('names the fields a template campaign still misses', () => {
    const draft = { ...emptyDraft(''), templateLanguage: '' };
    expect(launchFromDraft(draft)).toEqual({
      ok: false,
      missing: ['name', 'templateName', 'templateLanguage'],
    });
  });

  it('builds the launch body the API takes for each kind of content', () => {
    const base = emptyDraft('VIP buyers');
    expect(launchFromDraft({ ...base, templateName: ' spring_sale ', templateLanguage: 'fr' })).toEqual({
      ok: true,
      launch: {
        kind: 'campaign',
        name: 'VIP buyers',
        channel: 'whatsapp',
        purpose: 'marketing',
        content: { type: 'template', name: 'spring_sale', language: 'fr' },
      },
    });
    const mail = withChannel(base, 'email');
    expect(mail.contentType).toBe('email');
    expect(launchFromDraft({ ...mail, subject: 'Spring', text: 'Hello' })).toMatchObject({
      ok: true,
      launch: { channel: 'email', content: { type: 'email', subject: 'Spring', text: 'Hello' } },
    });
    expect(launchFromDraft({ ...mail, text: 'Hello' })).toEqual({ ok: false, missing: ['subject'] });
  });

  it('keeps the content type across a channel change only when the new channel carries it', () => {
    const text = { ...emptyDraft('x'), contentType: 'text' as const };
    expect(withChannel(text, 'email').contentType).toBe('text');
    expect(withChannel(withChannel(emptyDraft('x'), 'email'), 'whatsapp').contentType).toBe('template');
  });
});
