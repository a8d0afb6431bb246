import { LockMode } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import {
  isLowSurveyScore,
  readSurveySettings,
  surveyChannelCandidates,
  type SendContent,
} from '@c360/domain';
import {
  appendOutboxEvent,
  CSAT_LOW_RATING_RECEIVED,
  Customer,
  forTenant,
  newSurveyToken,
  OPEN_SURVEY_STATUSES,
  OutboxEvent,
  SurveyRequest,
  SurveyResponse,
  surveyLinkUrl,
  Tenant,
  Ticket,
  type CsatLowRatingReceivedPayload,
} from '@c360/store';
import type { PreparedInvite, SurveyActivities, SurveySend } from '@c360/workflows';
import { findSurveyTemplate, loadCustomerReach, preferencesOf } from './surveyReach';
import { surveyEmail, surveyMessageLanguage, surveyWhatsAppFlowText } from './surveyMessages';

export type SurveyLinkSettings = {
  /** HMAC key of the public survey links (shared with the API, which verifies them). */
  secret: string;
  /** Where the API serves `/s/:token`, as customers reach it. */
  publicBaseUrl: string;
};

export type SurveyActivityDeps = { orm: MikroORM; links: SurveyLinkSettings; clock?: () => Date };

const HOUR = 3_600_000;

/** The survey workflow's activities: the request row, the invite's channel and content, the close, the low rating. */
export const createSurveyActivities = (deps: SurveyActivityDeps): SurveyActivities => {
  const now = deps.clock ?? (() => new Date());
  const tx = <T>(tenantId: string, work: (em: EntityManager) => Promise<T>): Promise<T> =>
    forTenant(deps.orm.em.fork(), tenantId).transactional(work);

  return {
    async beginSurvey(input) {
      return tx(input.tenantId, async (em) => {
        const tenant = await em.findOneOrFail(Tenant, { id: input.tenantId });
        const { settings } = readSurveySettings(tenant.settings);
        const plan = (requestId: string, kind: SurveyRequest['kind']) => {
          const resolvedAt = input.resolvedAt ? new Date(input.resolvedAt).getTime() : now().getTime();
          const delayMs =
            input.trigger === 'resolved'
              ? Math.max(0, resolvedAt + settings.delayMinutes * 60_000 - now().getTime())
              : 0;
          return {
            state: 'ready' as const,
            requestId,
            kind,
            delayMs,
            reminderAfterMs: settings.reminderAfterHours * HOUR,
            deadlineMs: settings.deadlineHours * HOUR,
            lowScoreThreshold: settings.lowScoreThreshold,
          };
        };

        // A retried activity, or a request the API created for this workflow: carry on with it.
        const mine = await em.findOne(SurveyRequest, { workflowId: input.workflowId });
        if (mine) return plan(mine.id, mine.kind);
        if (input.surveyRequestId) {
          const given = await em.findOne(SurveyRequest, { id: input.surveyRequestId });
          if (!given) return { state: 'skipped', reason: 'request_missing' };
          given.workflowId ??= input.workflowId;
          return plan(given.id, given.kind);
        }

        if (input.trigger === 'resolved') {
          if (!settings.enabled) return { state: 'skipped', reason: 'surveys_disabled' };
          if (input.autoResolved && settings.skipAutoResolved)
            return { state: 'skipped', reason: 'auto_resolved' };
        }
        const ticket = input.ticketId
          ? await em.findOne(Ticket, { id: input.ticketId }, { lockMode: LockMode.PESSIMISTIC_WRITE })
          : null;
        if (input.ticketId && !ticket) return { state: 'skipped', reason: 'ticket_missing' };
        if (input.trigger === 'resolved' && ticket) {
          const sameResolution =
            ticket.resolvedAt != null &&
            input.resolvedAt != null &&
            ticket.resolvedAt.getTime() === new Date(input.resolvedAt).getTime();
          if ((ticket.status !== 'resolved' && ticket.status !== 'closed') || !sameResolution)
            return { state: 'skipped', reason: 'ticket_reopened' };
        }
        // One open survey per ticket: a macro's survey and the resolution's do not both go.
        if (
          ticket &&
          (await em.count(SurveyRequest, { ticket: ticket.id, status: { $in: [...OPEN_SURVEY_STATUSES] } }))
        )
          return { state: 'skipped', reason: 'survey_already_open' };
        const customer = await em.findOne(Customer, { id: input.customerId });
        if (!customer) return { state: 'skipped', reason: 'customer_missing' };

        const kind = input.kind ?? settings.kind;
        const request = em.create(SurveyRequest, {
          tenant: input.tenantId,
          ticket,
          customer,
          kind,
          channel: 'web',
          token: newSurveyToken(),
          status: 'pending',
          // Provisional: the invite sets the real expiry when the link is made.
          expiresAt: new Date(
            now().getTime() + settings.delayMinutes * 60_000 + settings.deadlineHours * HOUR,
          ),
          workflowId: input.workflowId,
        });
        return plan(request.id, kind);
      });
    },

    async prepareSurveyInvite(input): Promise<PreparedInvite> {
      return tx(input.tenantId, async (em) => {
        const request = await em.findOne(
          SurveyRequest,
          { id: input.requestId },
          { populate: ['customer', 'ticket'], lockMode: LockMode.PESSIMISTIC_WRITE },
        );
        if (!request) return { state: 'closed', reason: 'request_missing' };
        if (!OPEN_SURVEY_STATUSES.includes(request.status))
          return { state: 'closed', reason: `request_${request.status}` };
        const ticket = request.ticket?.getEntity() ?? null;
        // A reopen the workflow never heard of (the signal raced its start) still stops the survey.
        if (
          input.requireResolvedTicket &&
          ticket &&
          ticket.status !== 'resolved' &&
          ticket.status !== 'closed'
        )
          return { state: 'closed', reason: 'ticket_reopened' };

        const at = now();
        if (input.step === 'invite') request.expiresAt = new Date(at.getTime() + input.deadlineMs);
        const tenant = await em.findOneOrFail(Tenant, { id: input.tenantId });
        const { settings } = readSurveySettings(tenant.settings);
        const customer = request.customer.getEntity();
        const link = surveyLinkUrl(deps.links.publicBaseUrl, deps.links.secret, request);
        const language = surveyMessageLanguage(preferencesOf(customer).language ?? customer.language);
        const message = {
          language,
          firstName: customer.firstName,
          kind: request.kind,
          link,
          reminder: input.step === 'reminder',
        };
        const reach = await loadCustomerReach(em, customer, at);
        const channels =
          input.step === 'reminder'
            ? [request.channel]
            : surveyChannelCandidates({
                ...reach,
                whatsapp: reach.whatsapp && settings.whatsappFlowId !== null,
              });

        const sends: SurveySend[] = [];
        const base = {
          tenantId: input.tenantId,
          customerId: customer.id,
          source: { kind: 'survey' as const, id: request.id },
          step: input.step,
          purpose: 'service' as const,
        };
        for (const channel of channels) {
          if (channel === 'email') {
            sends.push({
              channel,
              request: { ...base, channel, content: { type: 'email', ...surveyEmail(message) } },
            });
          } else if (channel === 'whatsapp' && settings.whatsappFlowId) {
            let content: SendContent | null = null;
            if (reach.whatsappWindowOpen) {
              const text = surveyWhatsAppFlowText(message);
              content = {
                type: 'flow',
                body: text.body,
                cta: text.cta,
                flowId: settings.whatsappFlowId,
                flowToken: request.token,
                data: { kind: request.kind, language },
              };
            } else {
              // Outside the 24-hour window only an approved template may go: one with a FLOW button.
              const template = await findSurveyTemplate(em, settings.whatsappTemplate, language);
              const spec = template?.whatsappSpec;
              const button = spec?.buttons.find((b) => b.subType === 'flow');
              if (template && spec && button && spec.body.length <= 1 && !spec.header)
                content = {
                  type: 'template',
                  name: template.providerTemplateName ?? template.name,
                  language: template.language,
                  parameters: {
                    body: spec.body.length === 1 ? [{ type: 'text', text: customer.firstName }] : [],
                    buttons: [
                      { index: button.index, parameters: [{ type: 'action', flowToken: request.token }] },
                    ],
                  },
                };
            }
            if (content) sends.push({ channel, request: { ...base, channel, content } });
          }
        }
        return { state: 'ready', link, expiresAt: request.expiresAt.toISOString(), sends };
      });
    },

    async markSurveySent(input) {
      await tx(input.tenantId, async (em) => {
        const request = await em.findOne(
          SurveyRequest,
          { id: input.requestId },
          { lockMode: LockMode.PESSIMISTIC_WRITE },
        );
        // An answer (or a close) that came first is not overwritten.
        if (!request || !OPEN_SURVEY_STATUSES.includes(request.status)) return;
        if (input.step === 'invite') {
          request.status = 'sent';
          request.channel = input.channel;
          request.sentAt = new Date(input.sentAt);
        } else {
          request.status = 'reminded';
          request.remindedAt = new Date(input.sentAt);
        }
      });
    },

    async closeSurvey(input) {
      return tx(input.tenantId, async (em) => {
        const request = await em.findOne(
          SurveyRequest,
          { id: input.requestId },
          { lockMode: LockMode.PESSIMISTIC_WRITE },
        );
        if (!request) return { status: input.status };
        if (request.status === 'answered') {
          const response = await em.findOneOrFail(SurveyResponse, { request: request.id });
          return { status: 'answered', responseId: response.id };
        }
        if (OPEN_SURVEY_STATUSES.includes(request.status)) request.status = input.status;
        return { status: input.status };
      });
    },

    async finishSurveyAnswer(input) {
      return tx(input.tenantId, async (em) => {
        const response = await em.findOneOrFail(
          SurveyResponse,
          { id: input.responseId },
          { populate: ['request'] },
        );
        const request = response.request.getEntity();
        const low = isLowSurveyScore(response.kind, response.score, input.lowScoreThreshold);
        const ticketId = request.ticket?.id ?? null;
        if (low) {
          // Once per response, however often the activity is retried.
          const raised = await em.count(OutboxEvent, {
            tenantId: input.tenantId,
            type: CSAT_LOW_RATING_RECEIVED,
            aggregateType: 'survey_response',
            aggregateId: response.id,
          });
          if (!raised)
            appendOutboxEvent(em, {
              type: CSAT_LOW_RATING_RECEIVED,
              aggregateType: 'survey_response',
              aggregateId: response.id,
              payload: {
                customerId: response.customer.id,
                ticketId,
                surveyResponseId: response.id,
                score: response.score,
                kind: response.kind,
              } satisfies CsatLowRatingReceivedPayload,
            });
        }
        return {
          customerId: response.customer.id,
          ticketId,
          kind: response.kind,
          score: response.score,
          channel: response.channel,
          answeredAt: response.answeredAt.toISOString(),
          lowRating: low,
        };
      });
    },
  };
};
