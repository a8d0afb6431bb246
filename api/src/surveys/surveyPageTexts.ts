/** The public survey page's words, per language; Arabic is written right to left. */
export type SurveyPageLanguage = 'en' | 'fr' | 'ar';

export type SurveyPageTexts = {
  title: string;
  question: { csat: string; nps: string };
  scale: { csat: [string, string]; nps: [string, string] };
  comment: string;
  submit: string;
  thanks: string;
  thanksBody: string;
  answered: string;
  answeredBody: string;
  expired: string;
  expiredBody: string;
  closed: string;
  closedBody: string;
  invalid: string;
  invalidBody: string;
  unavailable: string;
  scoreError: (min: number, max: number) => string;
  formExpired: string;
};

export const SURVEY_PAGE_TEXTS: Record<SurveyPageLanguage, SurveyPageTexts> = {
  en: {
    title: 'Your opinion',
    question: {
      csat: 'How satisfied are you with the help you received?',
      nps: 'How likely are you to recommend us to a friend or colleague?',
    },
    scale: { csat: ['Very unhappy', 'Very happy'], nps: ['Not at all likely', 'Extremely likely'] },
    comment: 'Anything to add? (optional)',
    submit: 'Send my answer',
    thanks: 'Thank you!',
    thanksBody: 'Your answer has been recorded.',
    answered: 'Already answered',
    answeredBody: 'This survey has already been answered. Thank you!',
    expired: 'This survey has expired',
    expiredBody: 'The link is no longer valid. Thank you for your time.',
    closed: 'This survey is closed',
    closedBody: 'This survey no longer takes answers.',
    invalid: 'Link not valid',
    invalidBody: 'This survey link is not valid. Please use the link from your message.',
    unavailable: 'Surveys are not available right now. Please try again later.',
    scoreError: (min, max) => `Please choose a score from ${min} to ${max}.`,
    formExpired: 'The form expired. Please send your answer again.',
  },
  fr: {
    title: 'Votre avis',
    question: {
      csat: "Êtes-vous satisfait de l'aide reçue ?",
      nps: 'Quelle est la probabilité que vous nous recommandiez à un ami ou un collègue ?',
    },
    scale: { csat: ['Très mécontent', 'Très satisfait'], nps: ['Pas du tout probable', 'Très probable'] },
    comment: 'Un commentaire ? (facultatif)',
    submit: 'Envoyer ma réponse',
    thanks: 'Merci !',
    thanksBody: 'Votre réponse a été enregistrée.',
    answered: 'Déjà répondu',
    answeredBody: 'Ce questionnaire a déjà reçu une réponse. Merci !',
    expired: 'Ce questionnaire a expiré',
    expiredBody: "Le lien n'est plus valable. Merci pour votre temps.",
    closed: 'Ce questionnaire est fermé',
    closedBody: "Ce questionnaire n'accepte plus de réponses.",
    invalid: 'Lien non valable',
    invalidBody: "Ce lien de questionnaire n'est pas valable. Utilisez le lien de votre message.",
    unavailable: 'Les questionnaires ne sont pas disponibles pour le moment. Réessayez plus tard.',
    scoreError: (min, max) => `Choisissez une note de ${min} à ${max}.`,
    formExpired: 'Le formulaire a expiré. Envoyez votre réponse à nouveau.',
  },
  ar: {
    title: 'رأيك',
    question: {
      csat: 'ما مدى رضاك عن المساعدة التي تلقيتها؟',
      nps: 'ما مدى احتمال أن توصي بنا لصديق أو زميل؟',
    },
    scale: { csat: ['غير راضٍ إطلاقًا', 'راضٍ جدًا'], nps: ['غير محتمل إطلاقًا', 'محتمل جدًا'] },
    comment: 'هل تود إضافة شيء؟ (اختياري)',
    submit: 'أرسل إجابتي',
    thanks: 'شكرًا لك!',
    thanksBody: 'تم تسجيل إجابتك.',
    answered: 'تمت الإجابة مسبقًا',
    answeredBody: 'تمت الإجابة عن هذا الاستبيان مسبقًا. شكرًا لك!',
    expired: 'انتهت صلاحية هذا الاستبيان',
    expiredBody: 'لم يعد هذا الرابط صالحًا. شكرًا لوقتك.',
    closed: 'هذا الاستبيان مغلق',
    closedBody: 'لم يعد هذا الاستبيان يقبل الإجابات.',
    invalid: 'الرابط غير صالح',
    invalidBody: 'رابط الاستبيان هذا غير صالح. يرجى استخدام الرابط الموجود في رسالتك.',
    unavailable: 'الاستبيانات غير متاحة حاليًا. يرجى المحاولة لاحقًا.',
    scoreError: (min, max) => `يرجى اختيار درجة من ${min} إلى ${max}.`,
    formExpired: 'انتهت صلاحية النموذج. يرجى إرسال إجابتك مرة أخرى.',
  },
};

/** The customer's language when the page has it, else English. */
export const surveyPageLanguage = (language: string | null | undefined): SurveyPageLanguage => {
  const base = (language ?? 'en').slice(0, 2).toLowerCase();
  return base === 'fr' || base === 'ar' ? base : 'en';
};
