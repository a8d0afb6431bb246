import type { ConversationChannel, ConversationStatus } from '../entities/vocabulary';

export const SLA_RISKS = ['breached', 'at_risk', 'ok', 'none'] as const;
/** `none`: no linked ticket, or the ticket is resolved or closed (nothing is due). */
export type SlaRisk = (typeof SLA_RISKS)[number];

export const INBOX_SORTS = ['last_activity', 'sla_due'] as const;
export type InboxSort = (typeof INBOX_SORTS)[number];

/** Every filter is optional; lists match any of their values. */
export type InboxFilter = {
  channels?: ConversationChannel[];
  statuses?: ConversationStatus[];
  /** A user id, or `none` for unassigned conversations. */
  assignee?: string;
  /** The linked ticket's team. */
  team?: string;
  /** Unread by the reader: the customer wrote after the reader last opened the thread (or ever). */
  unread?: boolean;
  slaRisks?: SlaRisk[];
};

/** Where the previous page ended: the last row's sort key (as PostgreSQL printed it) and id. */
export type InboxCursor = { key: string; id: string };

export type InboxQuery = {
  tenantId: string;
  /** Whose read state `unread` means. */
  readerId: string;
  filter: InboxFilter;
  sort: InboxSort;
  /** The clock SLA risk is judged against. */
  now: Date;
  /**
   * The tenant's SLA `riskThreshold`: a ticket is `at_risk` once this share of its pending
   * deadline's window (the ticket's creation → the due date) is used, as its clock notifies.
   */
  riskThreshold: number;
  limit: number;
  after?: InboxCursor;
};
