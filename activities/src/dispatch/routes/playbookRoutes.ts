import {
  customerChangedPayloadSchema,
  churnRiskHighPayloadSchema,
  healthDrop,
  healthScoreUpdatedPayloadSchema,
  instantKey,
  lowRatingReceivedPayloadSchema,
  mayBeEngagement,
  PLAYBOOK_TRIGGERS,
  PLAYBOOK_WORKFLOWS,
  playbookKind,
  playbookWorkflowId,
  segmentEnteredPayloadSchema,
  ticketResolvedPayloadSchema,
  vipDetectedPayloadSchema,
  type PlaybookName,
} from '@c360/domain';
import { loadPlaybookSettings, PlaybookTicket, TICKET_RESOLVED, CUSTOMER_CHANGED } from '@c360/store';
import {
  customerActivitySignal,
  followUpResolvedSignal,
  tenantSearchAttributes,
  type ChurnWinbackPlaybookInput,
  type HealthDropPlaybookInput,
  type LowCsatPlaybookInput,
  type SegmentEnteredPlaybookInput,
  type VipPlaybookInput,
} from '@c360/workflows';
import type { DispatchedEvent, EventRoute, WorkflowCommand } from '../dispatchTypes';

/**
 * The default playbooks' routes (issue 6). A start is decided here, on the relay's transaction:
 * the tenant's flag and parameters are read from `Tenant.settings.playbooks` and the parameters
 * travel in the workflow's input, so a running playbook keeps the settings it started with.
 * Workflow ids come from the event (see `playbookWorkflowId`), so a replayed event starts nothing.
 */
const start = (
  name: PlaybookName,
  event: DispatchedEvent,
  customerId: string,
  trigger: string,
  input: unknown,
  extra: { segmentId?: string } = {},
): WorkflowCommand => ({
  kind: 'start',
  workflowType: PLAYBOOK_WORKFLOWS[name],
  workflowId: playbookWorkflowId(name, event.tenantId, customerId, trigger),
  args: [input],
  searchAttributes: tenantSearchAttributes(event.tenantId, playbookKind(name), { customerId, ...extra }),
});

const healthDropRoute: EventRoute = {
  name: 'playbook.healthDrop',
  eventType: PLAYBOOK_TRIGGERS.healthDrop,
  async commands(event, { em }) {
    const payload = healthScoreUpdatedPayloadSchema.safeParse(event.payload);
    if (!payload.success) return [];
    const { healthDrop: settings } = await loadPlaybookSettings(em, event.tenantId);
    if (!settings.enabled) return [];
    const drop = healthDrop(payload.data, settings.params);
    if (!drop) return [];
    const { customerId, computedAt } = payload.data;
    const input: HealthDropPlaybookInput = {
      tenantId: event.tenantId,
      customerId,
      occurredAt: computedAt,
      drop,
    };
    return [start('healthDrop', event, customerId, instantKey(computedAt), input)];
  },
};

const vipRoute: EventRoute = {
  name: 'playbook.vip',
  eventType: PLAYBOOK_TRIGGERS.vip,
  async commands(event, { em }) {
    const payload = vipDetectedPayloadSchema.safeParse(event.payload);
    if (!payload.success) return [];
    const { vip } = await loadPlaybookSettings(em, event.tenantId);
    if (!vip.enabled) return [];
    const { customerId, computedAt, matched } = payload.data;
    const input: VipPlaybookInput = {
      tenantId: event.tenantId,
      customerId,
      occurredAt: computedAt,
      reason: { kind: 'event', detail: { matched } },
      params: vip.params,
    };
    return [start('vip', event, customerId, instantKey(computedAt), input)];
  },
};

const lowCsatRoute: EventRoute = {
  name: 'playbook.lowCsat',
  eventType: PLAYBOOK_TRIGGERS.lowCsat,
  async commands(event, { em }) {
    const payload = lowRatingReceivedPayloadSchema.safeParse(event.payload);
    if (!payload.success) return [];
    const { lowCsat } = await loadPlaybookSettings(em, event.tenantId);
    if (!lowCsat.enabled) return [];
    const input: LowCsatPlaybookInput = {
      ...payload.data,
      tenantId: event.tenantId,
      occurredAt: event.createdAt.toISOString(),
      params: lowCsat.params,
    };
    return [start('lowCsat', event, payload.data.customerId, payload.data.surveyResponseId, input)];
  },
};

/** A follow-up ticket a playbook opened was resolved: its workflow stops waiting. */
const followUpResolvedRoute: EventRoute = {
  name: 'playbook.followUpResolved',
  eventType: TICKET_RESOLVED,
  async commands(event, { em }) {
    const payload = ticketResolvedPayloadSchema.safeParse(event.payload);
    if (!payload.success) return [];
    const rows = await em.find(PlaybookTicket, { ticket: payload.data.ticketId });
    return rows.map((row) => ({
      kind: 'signal' as const,
      workflowId: row.workflowId,
      signal: followUpResolvedSignal.name,
      args: [{ ticketId: payload.data.ticketId, resolvedAt: payload.data.resolvedAt }],
    }));
  },
};

const churnRoute: EventRoute = {
  name: 'playbook.churnWinback',
  eventType: PLAYBOOK_TRIGGERS.churnWinback,
  async commands(event, { em }) {
    const payload = churnRiskHighPayloadSchema.safeParse(event.payload);
    if (!payload.success) return [];
    const { churnWinback } = await loadPlaybookSettings(em, event.tenantId);
    if (!churnWinback.enabled) return [];
    const { customerId, computedAt, probability, drivers } = payload.data;
    const input: ChurnWinbackPlaybookInput = {
      tenantId: event.tenantId,
      customerId,
      occurredAt: computedAt,
      reason: { kind: 'event', detail: { probability } },
      drivers,
      probability,
      params: churnWinback.params,
    };
    return [start('churnWinback', event, customerId, instantKey(computedAt), input)];
  },
};

/**
 * A message or a deal of the customer changed: the running churn playbooks of that customer get
 * a hint and check the database for what counts (domain/src/playbooks/engagement.ts). Sent even
 * when the tenant has switched the playbook off meanwhile: a running one finishes properly.
 */
const churnEngagementRoute: EventRoute = {
  name: 'playbook.churnEngagement',
  eventType: CUSTOMER_CHANGED,
  async commands(event) {
    const payload = customerChangedPayloadSchema.safeParse(event.payload);
    if (!payload.success || !mayBeEngagement(payload.data.reasons)) return [];
    const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;
    return [
      {
        kind: 'signalMatching',
        // The dispatcher scopes it to the event's tenant and to running workflows.
        query: `WorkflowType = ${quote(PLAYBOOK_WORKFLOWS.churnWinback)} AND CustomerId = ${quote(payload.data.customerId)}`,
        signal: customerActivitySignal.name,
        args: [{ at: event.createdAt.toISOString(), reasons: payload.data.reasons }],
      },
    ];
  },
};

const segmentEnteredRoute: EventRoute = {
  name: 'playbook.segmentEntered',
  eventType: PLAYBOOK_TRIGGERS.segmentEntered,
  async commands(event, { em }) {
    const payload = segmentEnteredPayloadSchema.safeParse(event.payload);
    if (!payload.success) return [];
    const settings = await loadPlaybookSettings(em, event.tenantId);
    if (!settings.segmentEntered.enabled) return [];
    const { segmentId, customerId, at } = payload.data;
    const attachment = settings.segmentEntered.params.attachments.find((a) => a.segmentId === segmentId);
    if (!attachment) return [];
    // The attached playbook's own flag counts too: a tenant that switched it off wants none of it.
    if ('playbook' in attachment && !settings[attachment.playbook].enabled) return [];
    const input: SegmentEnteredPlaybookInput = {
      tenantId: event.tenantId,
      segmentId,
      customerId,
      enteredAt: at,
      reentry: attachment.reentry,
      start:
        'message' in attachment
          ? { message: attachment.message }
          : attachment.playbook === 'vip'
            ? { playbook: 'vip', params: settings.vip.params }
            : { playbook: 'churnWinback', params: settings.churnWinback.params },
    };
    return [
      start('segmentEntered', event, customerId, `${segmentId}:${instantKey(at)}`, input, { segmentId }),
    ];
  },
};

export const playbookRoutes: EventRoute[] = [
  healthDropRoute,
  vipRoute,
  lowCsatRoute,
  followUpResolvedRoute,
  churnRoute,
  churnEngagementRoute,
  segmentEnteredRoute,
];
