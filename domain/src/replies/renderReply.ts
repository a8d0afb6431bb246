import { escapeHtml } from './escapeHtml';
import {
  isReplyVariable,
  placeholdersOf,
  replacePlaceholders,
  type ReplyVariableValues,
} from './replyVariables';

/** Email goes out as HTML (and its plain alternative); WhatsApp and Instagram take plain text. */
export type ReplyFormat = 'html' | 'plain';

export type RenderedText = {
  /** The text with every known variable filled; plain, never escaped. */
  text: string;
  /** Variables the text uses that have no value here (left empty in `text`). */
  missing: string[];
  /** Allowlist violations; a stored template never has any, free input might. */
  unknown: string[];
};

/** Fills the variables of one block of text. Values are text: the HTML form escapes them. */
export const renderText = (source: string, values: ReplyVariableValues): RenderedText => {
  const names = placeholdersOf(source);
  const unknown = names.filter((n) => !isReplyVariable(n));
  const missing = names.filter((n) => isReplyVariable(n) && !values[n]);
  const text = replacePlaceholders(source, (name) =>
    isReplyVariable(name) ? (values[name] ?? '') : `{{${name}}}`,
  );
  return { text, missing, unknown };
};

/**
 * Plain text as HTML: every character escaped, paragraphs on blank lines, line breaks kept.
 * The template author writes text, not markup, so nothing they or a customer typed becomes a tag.
 */
export const textToHtml = (text: string): string =>
  text
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
