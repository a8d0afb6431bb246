import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError, type FieldProblem, type ReplyPart } from '@c360/domain';
import { Snippet } from '../entities/Snippet';
import { Template } from '../entities/Template';
import type { TemplateChannel } from '../entities/vocabulary';

/** A part as a caller names it: a template or snippet by id, or free text. */
export type ReplyPartRef =
  | { type: 'template'; id: string }
  | { type: 'snippet'; id: string }
  | { type: 'text'; text: string };

/**
 * The parts' bodies, from this tenant's templates and snippets. An id that is not found (or is
 * another tenant's) or a template of another channel is a 400 naming the part.
 */
export const loadReplyParts = async (
  em: EntityManager,
  channel: TemplateChannel,
  refs: readonly ReplyPartRef[],
  at = 'body.parts',
): Promise<{ parts: ReplyPart[]; templates: Template[] }> => {
  const templateIds = refs.flatMap((r) => (r.type === 'template' ? [r.id] : []));
  const snippetIds = refs.flatMap((r) => (r.type === 'snippet' ? [r.id] : []));
  const templates = templateIds.length ? await em.find(Template, { id: { $in: templateIds } }) : [];
  const snippets = snippetIds.length ? await em.find(Snippet, { id: { $in: snippetIds } }) : [];
  const problems: FieldProblem[] = [];
  const parts: ReplyPart[] = refs.map((ref, i) => {
    if (ref.type === 'text') return { kind: 'text', text: ref.text };
    if (ref.type === 'snippet') {
      const s = snippets.find((x) => x.id === ref.id);
      if (!s) problems.push({ path: `${at}.${i}.id`, message: `snippet ${ref.id} not found` });
      return { kind: 'snippet', id: ref.id, body: s?.body ?? '' };
    }
    const t = templates.find((x) => x.id === ref.id);
    if (!t) problems.push({ path: `${at}.${i}.id`, message: `template ${ref.id} not found` });
    else if (t.channel !== channel)
      problems.push({
        path: `${at}.${i}.id`,
        message: `template ${ref.id} is for ${t.channel}, not ${channel}`,
      });
    return { kind: 'template', id: ref.id, body: t?.body ?? '' };
  });
  if (problems.length > 0)
    throw new AppError('validation', 'some parts cannot be used', { fields: problems });
  return { parts, templates };
};
