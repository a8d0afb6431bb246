import type { JourneyEventRow } from '@c360/store';
import type { JourneyEventView } from './journeySchemas';

// json_build_object writes timestamps in the session's zone and format; the API speaks ISO UTC.
const isoOrNull = (v: unknown): string | null =>
  v === null || v === undefined ? null : new Date(v as string).toISOString();

/** A timeline row as the API shows it: ISO times, and the SLA breach marker on ticket events. */
export const toJourneyEventView = (row: JourneyEventRow): JourneyEventView => {
  const data: Record<string, unknown> = { ...row.data };
  if (row.kind === 'ticket_opened' || row.kind === 'ticket_resolved') {
    data['firstResponseDueAt'] = isoOrNull(data['firstResponseDueAt']);
    data['resolutionDueAt'] = isoOrNull(data['resolutionDueAt']);
    data['slaBreached'] = data['firstResponseBreached'] === true || data['resolutionBreached'] === true;
  }
  if (row.kind === 'call') {
    data['actionItems'] = data['actionItems'] ?? [];
    data['endedAt'] = isoOrNull(data['endedAt']);
  }
  return { id: row.id, kind: row.kind, at: row.at.toISOString(), stage: row.stage, data } as JourneyEventView;
};
