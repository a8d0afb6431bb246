/** The contract of the activity workflows use to put a moment on a customer's journey. */
export type RecordTimelineEventInput = {
  tenantId: string;
  customerId: string;
  /** `health_drop`, `vip_detected`, `sla_risk`, `sla_breach`, `churn_winback`, `survey_answered`, `playbook_step`... */
  kind: string;
  title: string;
  data?: Record<string, unknown>;
  /** ISO time of the moment (the workflow's time, so a retried activity writes the same row). */
  occurredAt: string;
  /** From the workflow's business id and step: the same key writes nothing the second time. */
  dedupeKey: string;
};

export type TimelineActivities = {
  /** Resolves with whether this call wrote the event (false: it was there already). */
  recordTimelineEvent(input: RecordTimelineEventInput): Promise<{ recorded: boolean }>;
};
