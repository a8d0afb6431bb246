import type { PlaybookName } from './playbookSettings';

/** The outbox events that start a playbook, by playbook. */
export const PLAYBOOK_TRIGGERS = {
  healthDrop: 'customer.health_score_updated',
  vip: 'customer.vip_detected',
  lowCsat: 'csat.low_rating_received',
  churnWinback: 'customer.churn_risk_high',
  segmentEntered: 'segment.entered',
} as const satisfies Record<PlaybookName, string>;

/** The playbook workflows' names (workflow types), by playbook. */
export const PLAYBOOK_WORKFLOWS = {
  healthDrop: 'healthDropPlaybook',
  vip: 'vipPlaybook',
  lowCsat: 'lowCsatPlaybook',
  churnWinback: 'churnWinbackPlaybook',
  segmentEntered: 'segmentEnteredPlaybook',
} as const satisfies Record<PlaybookName, string>;

export type PlaybookWorkflowKind = `playbook:${PlaybookName}`;
export const playbookKind = (name: PlaybookName): PlaybookWorkflowKind => `playbook:${name}`;

/**
 * Workflow ids from the business event, so a replayed event never runs a playbook twice.
 * `trigger` names the event instance: the score's computedAt (ms), a survey response id, or
 * `segment:<segmentId>:<entered ms>` when a segment entry started it.
 */
export const playbookWorkflowId = (
  name: PlaybookName,
  tenantId: string,
  subjectId: string,
  trigger: string,
): string => `playbook:${name}:${tenantId}:${subjectId}:${trigger}`;

/** The millisecond form of an ISO instant carried by an event, for ids. */
export const instantKey = (iso: string): string => String(new Date(iso).getTime());
