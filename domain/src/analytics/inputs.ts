/**
 * The facts about one customer that the calculators read. The worker loads them from the store
 * (amounts already in the tenant's currency) and passes them in; nothing here reads a database.
 */

/** A deal; only `won` deals with a `closedAt` count as purchases. */
export type DealFact = {
  amount: number;
  status: 'open' | 'won' | 'lost';
  closedAt: Date | null;
};

/** A support ticket, with its SLA outcome. `channel` is the channel it came in on, when known. */
export type TicketFact = {
  status: 'open' | 'pending' | 'resolved' | 'closed';
  createdAt: Date;
  firstRespondedAt: Date | null;
  resolvedAt: Date | null;
  firstResponseBreached: boolean;
  resolutionBreached: boolean;
  channel?: string | null;
};

/** An answered survey: CSAT is 1-5, NPS is 0-10. */
export type SurveyFact = {
  kind: 'csat' | 'nps';
  score: number;
  answeredAt: Date;
  channel?: string | null;
};

/**
 * Message counts on one channel over the tenant's engagement window (the last
 * `engagement.windowDays` days before `now`), and the time of the customer's last inbound message.
 */
export type ChannelMessageStats = {
  channel: string;
  inbound: number;
  outbound: number;
  lastInboundAt: Date | null;
};

/** Everything `computeCustomerScores` needs about one customer. */
export type CustomerFacts = {
  deals: DealFact[];
  tickets: TicketFact[];
  surveys: SurveyFact[];
  messages: ChannelMessageStats[];
  tags: string[];
};
