import type { EntryMessage, ReentryRule, SegmentAttachment } from '../../api/types';

/** The attachment of one segment in the tenant's `segmentEntered` list (a segment has at most one). */
export const attachmentOf = (
  attachments: readonly SegmentAttachment[],
  segmentId: string,
): SegmentAttachment | undefined => attachments.find((a) => a.segmentId === segmentId);

export type EntryChange = { ok: true; attachments: SegmentAttachment[] } | { ok: false; playbook: string };

/**
 * The list with this segment's entry message set (added, or replacing its previous message). A
 * playbook attached to the segment is never replaced from here: the change is refused, naming it.
 */
export const withEntryMessage = (
  attachments: readonly SegmentAttachment[],
  segmentId: string,
  message: EntryMessage,
  reentry: ReentryRule,
): EntryChange => {
  const current = attachmentOf(attachments, segmentId);
  if (current && 'playbook' in current) return { ok: false, playbook: current.playbook };
  const next: SegmentAttachment = { segmentId, message, reentry };
  return current
    ? { ok: true, attachments: attachments.map((a) => (a === current ? next : a)) }
    : { ok: true, attachments: [...attachments, next] };
};

/** The list without this segment's entry message; a playbook attached to it stays. */
export const withoutEntryMessage = (
  attachments: readonly SegmentAttachment[],
  segmentId: string,
): SegmentAttachment[] => attachments.filter((a) => a.segmentId !== segmentId || !('message' in a));
