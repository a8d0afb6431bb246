import type { CampaignChannel, CampaignContent, CampaignLaunch } from '../api/types';

export type ContentType = CampaignContent['type'];

/** What each channel can carry (the API refuses the rest): WhatsApp text only inside the 24-hour window. */
export const CONTENT_TYPES: Record<CampaignChannel, readonly ContentType[]> = {
  whatsapp: ['template', 'text'],
  email: ['email', 'text'],
};

/** The launch dialog's fields, as typed. */
export type CampaignDraft = {
  name: string;
  channel: CampaignChannel;
  purpose: 'marketing' | 'service';
  contentType: ContentType;
  text: string;
  subject: string;
  templateName: string;
  templateLanguage: string;
};

export const emptyDraft = (segmentName: string): CampaignDraft => ({
  name: segmentName,
  channel: 'whatsapp',
  purpose: 'marketing',
  contentType: 'template',
  text: '',
  subject: '',
  templateName: '',
  templateLanguage: 'en',
});

/** A channel change keeps the content type when the new channel carries it, else takes its first. */
export const withChannel = (draft: CampaignDraft, channel: CampaignChannel): CampaignDraft => ({
  ...draft,
  channel,
  contentType: CONTENT_TYPES[channel].includes(draft.contentType)
    ? draft.contentType
    : CONTENT_TYPES[channel][0]!,
});

export type DraftProblem = 'name' | 'text' | 'subject' | 'templateName' | 'templateLanguage';

/** The launch body the API takes, or the fields still missing. */
export const launchFromDraft = (
  draft: CampaignDraft,
): { ok: true; launch: CampaignLaunch } | { ok: false; missing: DraftProblem[] } => {
  const missing: DraftProblem[] = [];
  if (!draft.name.trim()) missing.push('name');
  let content: CampaignContent;
  switch (draft.contentType) {
    case 'template':
      if (!draft.templateName.trim()) missing.push('templateName');
      if (draft.templateLanguage.trim().length < 2) missing.push('templateLanguage');
      content = {
        type: 'template',
        name: draft.templateName.trim(),
        language: draft.templateLanguage.trim(),
      };
      break;
    case 'email':
      if (!draft.subject.trim()) missing.push('subject');
      if (!draft.text.trim()) missing.push('text');
      content = { type: 'email', subject: draft.subject.trim(), text: draft.text };
      break;
    case 'text':
      if (!draft.text.trim()) missing.push('text');
      content = { type: 'text', text: draft.text };
      break;
  }
  if (missing.length > 0) return { ok: false, missing };
  return {
    ok: true,
    launch: {
      kind: 'campaign',
      name: draft.name.trim(),
      channel: draft.channel,
      purpose: draft.purpose,
      content,
    },
  };
};
