import sanitizeHtml from 'sanitize-html';
import { convert } from 'html-to-text';

/**
 * What survives in stored and displayed mail HTML: text formatting, links, tables, images; no
 * scripts, styles, forms, frames or event handlers, and only http(s), mailto and cid URLs.
 * Inline images by `cid:` keep working; remote images stay (the inbox may proxy or block them).
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...sanitizeHtml.defaults.allowedTags, 'img', 'span', 'font', 'center'],
  allowedAttributes: {
    a: ['href', 'name', 'title', 'rel', 'target'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    td: ['colspan', 'rowspan', 'align', 'valign'],
    th: ['colspan', 'rowspan', 'align', 'valign'],
    '*': ['dir', 'lang'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https', 'cid', 'data'] },
  allowProtocolRelative: false,
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow', target: '_blank' }),
  },
};

/** Mail HTML made safe to store and show (sanitize-html with the allow-list above). */
export const sanitizeEmailHtml = (html: string): string => sanitizeHtml(html, OPTIONS);

/** The plain-text version of (sanitised) HTML, for the text/plain part and for search. */
export const htmlToPlainText = (html: string): string =>
  convert(sanitizeEmailHtml(html), {
    wordwrap: 78,
    selectors: [
      { selector: 'img', format: 'skip' },
      { selector: 'a', options: { hideLinkHrefIfSameAsText: true } },
    ],
  }).trim();
