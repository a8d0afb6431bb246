/**
 * The journey's stages and which touchpoint belongs to which. The mapping is by event kind
 * (and, for conversion events, by their type), so it does not depend on the order events
 * happened in and every event has exactly one stage:
 *
 * | event                                   | stage         |
 * |-----------------------------------------|---------------|
 * | conversion `visit`, `ad_click`, `impression`, `referral_visit` | awareness |
 * | conversion `signup`, `trial_started`, `add_to_cart`, `checkout_started`, any other type | consideration |
 * | message in a thread with no ticket      | consideration |
 * | conversion `purchase`, `order_completed`, `subscription_started` | purchase |
 * | conversion `renewal`, `repeat_purchase`, `referral`, `upgrade` | loyalty |
 * | ticket opened, ticket resolved, call, knowledge-article view, message in a ticket's thread | service |
 * | survey sent, survey answered            | loyalty       |
 *
 * Won deals are orders (the /360 orders summary); on the journey a purchase is its `purchase`
 * conversion event, so one sale is not shown twice.
 */
export const JOURNEY_STAGES = ['awareness', 'consideration', 'purchase', 'service', 'loyalty'] as const;
export type JourneyStage = (typeof JOURNEY_STAGES)[number];

export const JOURNEY_EVENT_KINDS = [
  'message',
  'ticket_opened',
  'ticket_resolved',
  'call',
  'knowledge_view',
  'conversion',
  'survey_sent',
  'survey_answered',
  'timeline_event',
] as const;
export type JourneyEventKind = (typeof JOURNEY_EVENT_KINDS)[number];

/** Conversion types with a stage of their own; any other type is `consideration`. */
export const CONVERSION_STAGES: Readonly<Record<string, JourneyStage>> = {
  visit: 'awareness',
  ad_click: 'awareness',
  impression: 'awareness',
  referral_visit: 'awareness',
  signup: 'consideration',
  trial_started: 'consideration',
  add_to_cart: 'consideration',
  checkout_started: 'consideration',
  purchase: 'purchase',
  order_completed: 'purchase',
  subscription_started: 'purchase',
  renewal: 'loyalty',
  repeat_purchase: 'loyalty',
  referral: 'loyalty',
  upgrade: 'loyalty',
};
export const DEFAULT_CONVERSION_STAGE: JourneyStage = 'consideration';

/** Timeline events written by workflows (playbooks, SLA clocks), by their kind; any other kind is `service`. */
export const TIMELINE_EVENT_STAGES: Readonly<Record<string, JourneyStage>> = {
  sla_risk: 'service',
  sla_breach: 'service',
  health_drop: 'loyalty',
  vip_detected: 'loyalty',
  churn_winback: 'loyalty',
  survey_answered: 'loyalty',
};
export const DEFAULT_TIMELINE_EVENT_STAGE: JourneyStage = 'service';

/** The stage of every kind but conversions and messages, which depend on the row. */
export const FIXED_KIND_STAGES: Readonly<Partial<Record<JourneyEventKind, JourneyStage>>> = {
  ticket_opened: 'service',
  ticket_resolved: 'service',
  call: 'service',
  knowledge_view: 'service',
  survey_sent: 'loyalty',
  survey_answered: 'loyalty',
};
