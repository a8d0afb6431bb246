import type { QuietHours, SendOutcome, SendRequest } from '@c360/domain';

/** What the send policy needs, loaded fresh before planning and again after every hold. */
export type SendContext = {
  /** The customer's opt-in on the request's channel (Instagram has no opt-in record: false). */
  optedIn: boolean;
  quietHours: QuietHours | null;
  /** The zone of the customer's day: quiet hours' zone, else the customer's, else the tenant's default. */
  timeZone: string;
  /** The customer's last inbound message in the conversation (WhatsApp's 24-hour window), ISO. */
  lastInboundAt: string | null;
  /** The conversation the send goes to; null when there is none yet (opened at send time). */
  conversationId: string | null;
  /** Whether the customer can be reached on the channel (a conversation, or an address to open one). */
  reachable: boolean;
  frequencyCapPerDay: number;
  maxDeferralDays: number;
};

export type SlotReservationInput = {
  tenantId: string;
  customerId: string;
  /** The send's idempotency key: one reservation per send; reserving again returns the same. */
  key: string;
  localDay: string;
  cap: number;
};

export type SendActivities = {
  /** Preferences, consent, zone, the conversation (found or opened) and the tenant's engagement settings. */
  loadSendContext(req: SendRequest): Promise<SendContext>;
  /** The conversation a send without one goes to: the customer's latest on the channel, or a new one. */
  openSendConversation(req: SendRequest): Promise<{ conversationId: string }>;
  /**
   * Takes one of the customer's `cap` slots of `localDay` under a unique constraint, so two
   * concurrent sends can never both pass a full cap. Idempotent by key: a send that already holds
   * a slot that day keeps it; one holding a slot on another day moves it.
   */
  reserveSendSlot(input: SlotReservationInput): Promise<{ reserved: boolean }>;
  /** Gives a held slot back (cancelled, rescheduled, skipped). Sent messages keep theirs. */
  releaseSendSlot(input: { tenantId: string; key: string }): Promise<void>;
  /** The audit event of the outcome (idempotent by key), and the scheduled reply's status when it is one. */
  recordSendOutcome(input: {
    req: SendRequest;
    key: string;
    outcome: SendOutcome;
    plannedAt: string | null;
  }): Promise<void>;
};
