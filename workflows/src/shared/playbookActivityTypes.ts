import type { CustomerEngagement, ReentryRule } from '@c360/domain';

/** A customer of a tenant: what most playbook steps act on. */
export type CustomerRef = { tenantId: string; customerId: string };

export type OpenFollowUpTicketInput = CustomerRef & {
  /** The playbook run's business id and step: the same key never opens a second ticket. */
  key: string;
  /** The workflow that waits for the ticket's resolution (the resolution route signals it). */
  workflowId: string;
  sourceTicketId: string;
  score: number;
  kind: 'csat' | 'nps';
  priority: 'high' | 'urgent';
  /** The team lead; null: the tenant's first active manager (by email), else unassigned. */
  teamLeadUserId: string | null;
};

export type FollowUpTicket = { ticketId: string; assigneeId: string | null; created: boolean };

export type ClaimSegmentEntryInput = CustomerRef & {
  segmentId: string;
  /** When the customer entered (from the event): the re-entry rule counts from it. */
  at: string;
  /** The entry's business id (its workflow id): a retried claim by the same entry is still its own. */
  runKey: string;
  reentry: ReentryRule;
};

export type SegmentEntryClaim = { claimed: boolean; lastStartedAt: string | null };

/**
 * The steps of the default playbooks that write to the database. Each is idempotent: a retried
 * activity (or a replayed workflow) leaves the same rows as one run.
 */
export type PlaybookActivities = {
  /** Adds the tag unless the customer has it already. */
  tagCustomer(input: CustomerRef & { tag: string }): Promise<{ added: boolean }>;
  /** Raises the customer's open and pending tickets below `priority` to it; returns the ids raised. */
  raiseOpenTicketPriority(
    input: CustomerRef & { priority: 'high' | 'urgent' },
  ): Promise<{ raised: string[] }>;
  openFollowUpTicket(input: OpenFollowUpTicketInput): Promise<FollowUpTicket>;
  /** Whether the ticket is resolved (or closed) now: a check when a signal may have been missed. */
  ticketResolved(input: { tenantId: string; ticketId: string }): Promise<boolean>;
  /** Raises the ticket to urgent; returns false when it was resolved meanwhile (nothing changed). */
  escalateTicket(input: { tenantId: string; ticketId: string }): Promise<boolean>;
  /** The customer's first engagement after `since` (see domain/src/playbooks/engagement.ts), or null. */
  customerEngagedSince(input: CustomerRef & { since: string }): Promise<CustomerEngagement | null>;
  /** Records that this entry starts the segment's playbook, if the re-entry rule allows it. */
  claimSegmentEntry(input: ClaimSegmentEntryInput): Promise<SegmentEntryClaim>;
};
