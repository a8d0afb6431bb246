import type { ReplyBody, ScheduledReply, ScheduleReplyBody } from '../api/types';

export type SendWhen = { atQuietHoursEnd: true } | { sendAt: Date };

/** A planned reply made a scheduled one: same content, sent at a time or when quiet hours end. */
export const scheduleBody = (body: ReplyBody, when: SendWhen): ScheduleReplyBody => {
  // A comment reply's visibility has no meaning for a later send (the API answers direct messages only).
  const { commentVisibility: _ignored, ...content } = body;
  return 'atQuietHoursEnd' in when
    ? { ...content, atQuietHoursEnd: true }
    : { ...content, sendAt: when.sendAt.toISOString() };
};

/**
 * The instant a `datetime-local` field names, read in the agent's own zone (the browser's), or
 * null when the field is empty or not a time.
 */
export const fromLocalInput = (value: string): Date | null => {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
};

/** `datetime-local` text for an instant, in the agent's zone (the field's default: an hour from now). */
export const toLocalInput = (date: Date): string => {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
};

/** A scheduled reply in a few words for the list: its subject, its text, or its template's name; 📎 with a file. */
export const scheduledSummary = (content: ScheduledReply['content']): string => {
  const text = content.subject ?? (content.text || undefined) ?? content.name ?? '';
  const short = text.length > 80 ? `${text.slice(0, 79)}…` : text;
  // A reply carrying a file says so (an asset alone has no text).
  return content.assetId ? `📎 ${short}`.trim() : short;
};
