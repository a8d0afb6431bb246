import { escapeHtml, SURVEY_SCORE_RANGE } from '@c360/domain';
import { SURVEY_PAGE_TEXTS, type SurveyPageLanguage } from './surveyPageTexts';

const STYLE =
  'body{font-family:system-ui,sans-serif;max-width:36rem;margin:2rem auto;padding:0 1rem;color:#1f2933}' +
  '.scale{display:flex;flex-wrap:wrap;gap:.4rem;margin:1rem 0}.scale label{border:1px solid #9aa5b1;' +
  'border-radius:.4rem;padding:.5rem .8rem;cursor:pointer}.ends{display:flex;justify-content:space-between;' +
  'font-size:.85rem;color:#52606d}textarea{width:100%;min-height:5rem}button{margin-top:1rem;padding:.6rem 1.2rem}' +
  '.error{color:#b42318}';

const layout = (lang: SurveyPageLanguage, title: string, body: string): string =>
  `<!doctype html><html lang="${lang}" dir="${lang === 'ar' ? 'rtl' : 'ltr'}"><head><meta charset="utf-8">` +
  `<meta name="viewport" content="width=device-width,initial-scale=1"><meta name="robots" content="noindex">` +
  `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`;

/** A page that only says something: thank you, already answered, expired, not valid. */
export const messagePage = (lang: SurveyPageLanguage, title: string, text: string): string =>
  layout(lang, title, `<h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p>`);

export type SurveyFormInput = {
  lang: SurveyPageLanguage;
  kind: 'csat' | 'nps';
  /** Where the form posts: the same link. */
  action: string;
  csrfToken: string;
  error?: string | null;
  comment?: string;
};

/** The survey form: one radio per score, an optional comment, the anti-forgery token. */
export const surveyFormPage = (f: SurveyFormInput): string => {
  const t = SURVEY_PAGE_TEXTS[f.lang];
  const { min, max } = SURVEY_SCORE_RANGE[f.kind];
  const scores = Array.from({ length: max - min + 1 }, (_, i) => min + i)
    .map((s) => `<label><input type="radio" name="score" value="${s}" required> ${s}</label>`)
    .join('');
  const [low, high] = t.scale[f.kind];
  return layout(
    f.lang,
    t.title,
    `<h1>${escapeHtml(t.title)}</h1>` +
      (f.error ? `<p class="error" role="alert">${escapeHtml(f.error)}</p>` : '') +
      `<form method="post" action="${escapeHtml(f.action)}">` +
      `<input type="hidden" name="csrf" value="${escapeHtml(f.csrfToken)}">` +
      `<fieldset><legend>${escapeHtml(t.question[f.kind])}</legend><div class="scale">${scores}</div>` +
      `<div class="ends"><span>${escapeHtml(low)}</span><span>${escapeHtml(high)}</span></div></fieldset>` +
      `<p><label for="comment">${escapeHtml(t.comment)}</label><br>` +
      `<textarea id="comment" name="comment" maxlength="2000">${escapeHtml(f.comment ?? '')}</textarea></p>` +
      `<button type="submit">${escapeHtml(t.submit)}</button></form>`,
  );
};
