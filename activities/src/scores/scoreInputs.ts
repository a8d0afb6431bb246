/**
 * Tables whose rows feed a customer's scores. A `customer.changed` event carries reasons such as
 * `deal.created` or `message.created`; only those naming one of these tables call for a
 * recompute. `customer` is one because tags feed the VIP rule.
 */
export const SCORE_INPUT_TABLES = [
  'customer',
  'deal',
  'ticket',
  'survey_response',
  'conversation',
  'message',
];

const inputs = new Set(SCORE_INPUT_TABLES);

export const changesScoreInputs = (reasons: readonly string[]): boolean =>
  reasons.some((reason) => inputs.has(reason.slice(0, reason.indexOf('.'))));
