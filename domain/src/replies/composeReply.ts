import type { FieldProblem } from '../errors/AppError';
import { renderText, textToHtml, type ReplyFormat } from './renderReply';
import type { ReplyVariableValues } from './replyVariables';

/** One part of a composed message, already loaded: a template's or snippet's body, or free text. */
export type ReplyPart =
  | { kind: 'template'; id: string; body: string }
  | { kind: 'snippet'; id: string; body: string }
  /** Typed by the agent: taken literally, never searched for variables. */
  | { kind: 'text'; text: string };

export type ComposedReply = {
  /** The message as plain text (WhatsApp, Instagram, and the email's plain alternative). */
  text: string;
  /** The email body as HTML, every part escaped; null for the other channels. */
  html: string | null;
  /** Template ids in the order they were used (for usage counts). */
  templateIds: string[];
};

export type ComposeResult = { ok: true; reply: ComposedReply } | { ok: false; problems: FieldProblem[] };

/**
 * Several templates, snippets and free text in one message, in the order given, separated by a
 * blank line. A missing variable value is a problem naming the part and the variable: a send never
 * goes out with a hole where the customer's name should be.
 */
export const composeReply = (
  parts: readonly ReplyPart[],
  values: ReplyVariableValues,
  format: ReplyFormat,
  at = 'parts',
): ComposeResult => {
  const problems: FieldProblem[] = [];
  const texts: string[] = [];
  parts.forEach((part, i) => {
    if (part.kind === 'text') {
      texts.push(part.text);
      return;
    }
    const rendered = renderText(part.body, values);
    for (const name of rendered.unknown)
      problems.push({
        path: `${at}[${i}]`,
        message: `${part.kind} ${part.id} uses unknown variable ${name}`,
      });
    for (const name of rendered.missing)
      problems.push({
        path: `${at}[${i}]`,
        message: `no value for variable ${name} (${part.kind} ${part.id})`,
      });
    texts.push(rendered.text);
  });
  if (parts.length === 0) problems.push({ path: at, message: 'must have at least one part' });
  if (problems.length > 0) return { ok: false, problems };
  const text = texts
    .map((t) => t.trim())
    .filter((t) => t.length > 0)
    .join('\n\n');
  return {
    ok: true,
    reply: {
      text,
      html: format === 'html' ? textToHtml(text) : null,
      templateIds: parts.flatMap((p) => (p.kind === 'template' ? [p.id] : [])),
    },
  };
};
