/**
 * The feature flags every tenant starts with: one per product area (so an area can be rolled
 * back by a toggle), the AI switches (auto-send and hosted models off), and one per default
 * playbook, keyed by the event that starts it.
 */
export const FEATURE_FLAG_DEFAULTS: readonly (readonly [key: string, enabled: boolean])[] = [
  ['area.customers', true],
  ['area.inbox', true],
  ['area.analytics', true],
  // The Customer 360 widgets (/360, /insights, /journey): their own switch inside the customers area.
  ['customers.360', true],
  ['segments', true],
  ['surveys', true],
  ['exports', true],
  ['ai.suggestions', true],
  ['ai.autoSend', false],
  ['ai.hostedModel', false],
  ['playbook.customer.health_score_updated', true],
  ['playbook.customer.vip_detected', true],
  ['playbook.csat.low_rating_received', true],
  ['playbook.customer.churn_risk_high', true],
  ['playbook.ticket.resolved', true],
  ['playbook.segment.entered', true],
  ['playbook.segment.left', true],
];
