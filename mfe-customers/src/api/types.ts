/** The API's answers this area reads (see the API's OpenAPI document for the full shapes). */

export type Page<T> = { items: T[]; page: number; pageSize: number; total: number };

export type ConsentChannel = 'whatsapp' | 'email' | 'sms';
export const CONSENT_CHANNELS: readonly ConsentChannel[] = ['whatsapp', 'email', 'sms'];
export const LANGUAGES = ['en', 'fr', 'ar', 'es', 'de', 'pt', 'it', 'nl', 'tr', 'ja'] as const;
export const LIFECYCLE_STAGES = ['lead', 'prospect', 'customer', 'loyal', 'at_risk', 'churned'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export type CustomerListItem = {
  id: string;
  firstName: string;
  lastName: string;
  emails: string[];
  phones: string[];
  tags: string[];
  language: string;
  timeZone: string;
  lifecycleStage: string | null;
  isVip: boolean;
  optedIn: string[];
  stats: {
    ordersWon: number;
    revenueWon: number;
    lastOrderAt: string | null;
    openTickets: number;
    slaBreaches: number;
    messages: number;
    lastActivityAt: string | null;
  };
};

export type CustomerListQuery = {
  q?: string;
  tag?: string[];
  language?: string;
  lifecycleStage?: string;
  isVip?: boolean;
  optedIn?: ConsentChannel;
  page?: number;
  pageSize?: number;
};

export type Customer = {
  id: string;
  firstName: string;
  lastName: string;
  emails: string[];
  phones: string[];
  timeZone: string;
  language: string;
  tags: string[];
  ownerId: string | null;
  lifecycleStage: LifecycleStage;
  isVip: boolean;
  createdAt: string;
  updatedAt: string;
};

export type CustomerInput = {
  firstName: string;
  lastName: string;
  emails: string[];
  phones: string[];
  timeZone: string;
  language: string;
  tags: string[];
  lifecycleStage: LifecycleStage;
  isVip: boolean;
};

export type QuietHours = { start: string; end: string; timeZone: string };
export type Preferences = {
  channels: Record<ConsentChannel, { optedIn: boolean }>;
  quietHours: QuietHours | null;
  language: string;
};

export type PreferencesChange = {
  channels?: Partial<Record<ConsentChannel, { optedIn: boolean }>>;
  quietHours?: QuietHours | null;
  language?: string;
  reason?: string;
  source?: string;
};

export type ConsentEvent = {
  id: string;
  action: 'consent.granted' | 'consent.revoked';
  channel: ConsentChannel;
  granted: boolean;
  previouslyGranted: boolean | null;
  reason: string | null;
  source: string | null;
  actorType: string;
  actorId: string | null;
  at: string;
};

export type InsightCard = {
  kind: string;
  severity: 'positive' | 'info' | 'warning' | 'critical';
  title: string;
  numbers: Record<string, number>;
};

export type SlaRisk = {
  ticketId: string;
  subject: string;
  status: string;
  priority: string;
  badge: 'breached' | 'at_risk' | 'ok';
  deadline: 'first_response' | 'resolution' | null;
  dueAt: string | null;
  minutesLeft: number | null;
};

export type HealthFactor = {
  name: string;
  raw: number | null;
  value: number;
  weight: number;
  contribution: number;
};
export type Health = {
  score: number;
  band: 'healthy' | 'neutral' | 'at_risk';
  previousScore: number | null;
  change: number | null;
  factors: HealthFactor[];
};

export type Profile360 = {
  customer: Customer;
  orders: {
    count: number;
    total: number;
    averageOrderValue: number | null;
    currency: string | null;
    firstOrderAt: string | null;
    lastOrderAt: string | null;
    openDeals: number;
    recent: { id: string; title: string; amount: number; currency: string; closedAt: string }[];
  };
  scores: { source: 'stored' | 'computed'; computedAt: string };
  rfm: {
    r: number;
    f: number;
    m: number;
    segment: string;
    recencyDays: number;
    frequency: number;
    monetary: number;
  } | null;
  clv: {
    historical: number;
    predicted: number;
    total: number;
    change: { previousTotal: number; change: number; changePercent: number | null };
    trend: { key: string; total: number }[];
  };
  health: Health;
  vip: { isVip: boolean; flagged: boolean; matched: unknown[] };
  churn: {
    probability: number;
    band: 'low' | 'medium' | 'high';
    drivers: { feature: string; value: number; contribution: number }[];
  };
  surveys: { csat: number | null; csatAnswers: number; nps: number | null; npsAnswers: number };
  insights: InsightCard[];
  slaRisks: SlaRisk[];
  latestCall: {
    id: string;
    direction: 'inbound' | 'outbound';
    durationSeconds: number;
    summary: string | null;
    actionItems: string[];
    startedAt: string;
  } | null;
  preferences: Preferences;
};

export type RescoreResult = {
  customerId: string;
  changed: boolean;
  computedAt: string;
  health: Health;
  previous: { score: number; band: string; computedAt: string } | null;
};

export type JourneyStage = 'awareness' | 'consideration' | 'purchase' | 'service' | 'loyalty';
export type JourneyEvent = {
  id: string;
  at: string;
  stage: JourneyStage;
  kind: string;
  data: Record<string, unknown>;
};
export type JourneyStages = {
  customerId: string;
  stages: {
    stage: JourneyStage;
    count: number;
    firstAt: string | null;
    lastAt: string | null;
    events: JourneyEvent[];
  }[];
};

/** A node of the segment filter language (validated by the API). */
export type SegmentFilter =
  | { and: SegmentFilter[] }
  | { or: SegmentFilter[] }
  | { not: SegmentFilter }
  | { field: string; op: string; value?: unknown }
  | ({ behaviour: string } & Record<string, unknown>);

export type Segment = {
  id: string;
  name: string;
  description: string | null;
  filter: SegmentFilter;
  count: number;
  countedAt: string | null;
  recomputing: boolean;
  updatedAt: string;
};

export type SegmentPreview = {
  count: number;
  sample: { customerId: string; firstName: string; lastName: string; emails: string[] }[];
  evaluatedAt: string;
};

export type ExportSchedule = {
  id: string;
  name: string;
  cron: string;
  timeZone: string;
  format: string;
  recipients: string[];
  paused: boolean;
  nextRunAt: string | null;
  lastRunAt: string | null;
};

export type CampaignChannel = 'whatsapp' | 'email';

/** What a campaign sends (the API's `campaignContentSchema`). */
export type CampaignContent =
  | { type: 'text'; text: string }
  | { type: 'template'; name: string; language: string }
  | { type: 'email'; subject: string; text: string };

export type CampaignLaunch = {
  kind: 'campaign';
  name: string;
  channel: CampaignChannel;
  purpose: 'marketing' | 'service';
  content: CampaignContent;
};

export type CampaignStatus = 'running' | 'paused' | 'cancelled' | 'done';

export type Campaign = {
  id: string;
  segmentId: string | null;
  name: string;
  channel: string;
  purpose: string;
  status: CampaignStatus;
  workflowId: string;
  createdAt: string;
  finishedAt: string | null;
  progress: {
    phase: string;
    members: number;
    round: number;
    pages: number;
    sent: number;
    skipped: number;
    failed: number;
    deferred: number;
    holdingUntil: string | null;
  } | null;
  report: {
    members: number;
    sent: number;
    failed: number;
    skipped: Record<string, number>;
    deferred: number;
    pending: number;
  } | null;
  /** In the segment's list: who launched it (null once that user is deleted). */
  launchedBy?: { id: string; name: string } | null;
};

export type DsrKind = 'export' | 'erase';

/** One of a customer's data-subject requests, as the list answers it (it outlives an erasure). */
export type DsrRequest = {
  requestId: string;
  kind: DsrKind;
  workflowId: string;
  status: DsrStatus['status'] | 'UNKNOWN';
  requestedBy: { id: string; name: string } | null;
  createdAt: string;
  finishedAt: string | null;
  downloadUrl: string | null;
};

export type DsrStarted = { requestId: string; workflowId: string; statusUrl: string };

/** A data-subject request as its workflow reports it. */
export type DsrStatus = {
  requestId: string;
  kind: DsrKind;
  workflowId: string;
  status: 'RUNNING' | 'COMPLETED' | 'FAILED' | 'CANCELED' | 'TERMINATED' | 'TIMED_OUT' | string;
  step: string | null;
  result: unknown;
  failure: string | null;
  downloadUrl: string | null;
};

export type ReentryRule = { kind: 'never' } | { kind: 'afterDays'; days: number };

export type EntryMessageChannel = 'email' | 'whatsapp' | 'instagram';

/** What a segment sends each customer who enters it (the domain's `segmentAttachmentSchema` message). */
export type EntryMessage = {
  channel: EntryMessageChannel;
  content: { type: 'text'; text: string } | { type: 'email'; subject: string; text?: string; html?: string };
  purpose: 'marketing' | 'service';
};

/** A segment's attachment in the `segmentEntered` playbook: a playbook to start, or an entry message. */
export type SegmentAttachment =
  | { segmentId: string; playbook: string; reentry: ReentryRule }
  | { segmentId: string; message: EntryMessage; reentry: ReentryRule };

/** The `segmentEntered` playbook setting (other playbooks are left to the shell's settings page). */
export type SegmentEnteredSetting = {
  enabled: boolean;
  params: { attachments: SegmentAttachment[] };
};
