import type { JourneyEvent } from '../api/types';

export type EventMarker = 'slaBreach' | 'purchase' | null;

/** The marker a timeline event carries: an SLA breach on a ticket, or a purchase. */
export const markerOf = (event: JourneyEvent): EventMarker => {
  if (
    (event.kind === 'ticket_opened' || event.kind === 'ticket_resolved') &&
    event.data['slaBreached'] === true
  )
    return 'slaBreach';
  // The SLA workflow's own breach marker on the timeline.
  if (event.kind === 'timeline_event' && event.data['eventKind'] === 'sla_breach') return 'slaBreach';
  if (event.kind === 'conversion' && event.data['type'] === 'purchase') return 'purchase';
  return null;
};

export type SentimentBand = 'negative' | 'neutral' | 'positive';

/** A message's sentiment (-1 .. 1) in three bands, or null until it is analysed. */
export const sentimentOf = (event: JourneyEvent): { score: number; band: SentimentBand } | null => {
  const score = event.data['sentiment'];
  if (event.kind !== 'message' || typeof score !== 'number') return null;
  return { score, band: score <= -0.25 ? 'negative' : score >= 0.25 ? 'positive' : 'neutral' };
};

/** A line of text for the event, from the fields its kind has. */
export const summaryOf = (event: JourneyEvent): string => {
  const d = event.data;
  switch (event.kind) {
    case 'message':
      return `${String(d['channel'])} · ${String(d['preview'] ?? '')}`;
    case 'ticket_opened':
    case 'ticket_resolved':
      return String(d['subject'] ?? '');
    case 'call':
      return String(d['summary'] ?? '');
    case 'knowledge_view':
      return String(d['title'] ?? '');
    case 'conversion':
      return [d['type'], d['value'], d['currency']].filter((v) => v !== null && v !== undefined).join(' ');
    case 'survey_sent':
    case 'survey_answered':
      return [d['surveyKind'], d['score'], d['channel']]
        .filter((v) => v !== null && v !== undefined)
        .join(' · ');
    default:
      return String(d['title'] ?? '');
  }
};
