import { escapeHtml } from '@c360/domain';

export type SurveyMessageLanguage = 'en' | 'fr' | 'ar';

type Texts = {
  subject: string;
  reminderSubject: string;
  greeting: (name: string) => string;
  ask: (kind: 'csat' | 'nps') => string;
  reminder: string;
  cta: string;
  closing: string;
};

const TEXTS: Record<SurveyMessageLanguage, Texts> = {
  en: {
    subject: 'How did we do?',
    reminderSubject: 'Reminder: how did we do?',
    greeting: (name) => `Hello ${name},`,
    ask: (kind) =>
      kind === 'csat'
        ? 'How satisfied are you with the help you received? It takes one click.'
        : 'How likely are you to recommend us to a friend or colleague? It takes one click.',
    reminder: 'We would still love to hear from you.',
    cta: 'Answer the survey',
    closing: 'Thank you!',
  },
  fr: {
    subject: 'Comment nous sommes-nous débrouillés ?',
    reminderSubject: 'Rappel : votre avis nous intéresse',
    greeting: (name) => `Bonjour ${name},`,
    ask: (kind) =>
      kind === 'csat'
        ? "Êtes-vous satisfait de l'aide reçue ? Un clic suffit."
        : 'Quelle est la probabilité que vous nous recommandiez à un proche ? Un clic suffit.',
    reminder: 'Votre avis nous intéresse toujours.',
    cta: 'Répondre au questionnaire',
    closing: 'Merci !',
  },
  ar: {
    subject: 'كيف كانت تجربتك معنا؟',
    reminderSubject: 'تذكير: كيف كانت تجربتك معنا؟',
    greeting: (name) => `مرحبًا ${name}،`,
    ask: (kind) =>
      kind === 'csat'
        ? 'ما مدى رضاك عن المساعدة التي تلقيتها؟ يكفي نقرة واحدة.'
        : 'ما مدى احتمال أن توصي بنا لصديق أو زميل؟ يكفي نقرة واحدة.',
    reminder: 'ما زلنا نرغب في معرفة رأيك.',
    cta: 'أجب عن الاستبيان',
    closing: 'شكرًا لك!',
  },
};

/** The customer's language if we have texts for it, else English. */
export const surveyMessageLanguage = (language: string | null | undefined): SurveyMessageLanguage => {
  const base = (language ?? 'en').slice(0, 2).toLowerCase();
  return base === 'fr' || base === 'ar' ? base : 'en';
};

export type SurveyMessageInput = {
  language: SurveyMessageLanguage;
  firstName: string;
  kind: 'csat' | 'nps';
  link: string;
  reminder: boolean;
};

/** The invite (or reminder) e-mail: subject, text and HTML with the link; right-to-left for Arabic. */
export const surveyEmail = (m: SurveyMessageInput): { subject: string; text: string; html: string } => {
  const t = TEXTS[m.language];
  const lines = [t.greeting(m.firstName), '', ...(m.reminder ? [t.reminder] : []), t.ask(m.kind)];
  const dir = m.language === 'ar' ? 'rtl' : 'ltr';
  return {
    subject: m.reminder ? t.reminderSubject : t.subject,
    text: [...lines, '', `${t.cta}: ${m.link}`, '', t.closing].join('\n'),
    html:
      `<div dir="${dir}" lang="${m.language}">` +
      lines
        .filter((l) => l !== '')
        .map((l) => `<p>${escapeHtml(l)}</p>`)
        .join('') +
      `<p><a href="${escapeHtml(m.link)}">${escapeHtml(t.cta)}</a></p><p>${escapeHtml(t.closing)}</p></div>`,
  };
};

/** The body and button of the WhatsApp flow message. */
export const surveyWhatsAppFlowText = (
  m: Omit<SurveyMessageInput, 'link'>,
): { body: string; cta: string } => {
  const t = TEXTS[m.language];
  return {
    body: [t.greeting(m.firstName), ...(m.reminder ? [t.reminder] : []), t.ask(m.kind)].join('\n'),
    cta: t.cta.slice(0, 30),
  };
};
