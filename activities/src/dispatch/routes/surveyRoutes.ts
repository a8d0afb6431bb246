import { workflowIds } from '@c360/domain';
import {
  SURVEY_ANSWERED,
  SURVEY_REQUESTED_EVENT,
  SurveyRequest,
  TICKET_REOPENED,
  TICKET_RESOLVED,
  type SurveyAnsweredPayload,
  type SurveyRequestedPayload,
  type TicketReopenedPayload,
  type TicketResolvedPayload,
} from '@c360/store';
import { tenantSearchAttributes, type SurveyWorkflowInput } from '@c360/workflows';
import type { EventRoute, WorkflowCommand } from '../dispatchTypes';

const WORKFLOW = 'surveyWorkflow';

const start = (workflowId: string, input: SurveyWorkflowInput): WorkflowCommand => ({
  kind: 'start',
  workflowType: WORKFLOW,
  workflowId,
  args: [input],
  searchAttributes: tenantSearchAttributes(input.tenantId, 'survey', { customerId: input.customerId }),
});

/**
 * The survey's events: a resolution starts one survey (its id from the ticket and the
 * resolution time, so a replayed event starts nothing new), a reopen signals the ticket's open
 * surveys to give up, a survey asked for by hand (button, macro) starts one, and a stored answer
 * signals the survey that waits for it.
 */
export const surveyRoutes: EventRoute[] = [
  {
    name: 'survey.onTicketResolved',
    eventType: TICKET_RESOLVED,
    async commands(event) {
      const p = event.payload as TicketResolvedPayload;
      return [
        start(workflowIds.surveyForResolution(event.tenantId, p.ticketId, p.resolvedAt), {
          tenantId: event.tenantId,
          customerId: p.customerId,
          ticketId: p.ticketId,
          trigger: 'resolved',
          resolvedAt: p.resolvedAt,
          autoResolved: p.autoResolved,
        }),
      ];
    },
  },
  {
    name: 'survey.onTicketReopened',
    eventType: TICKET_REOPENED,
    async commands(event, { em }) {
      const p = event.payload as TicketReopenedPayload;
      // The surveys of this ticket still open; one whose row is not written yet re-checks the ticket itself.
      const open = await em.find(
        SurveyRequest,
        { ticket: p.ticketId, status: { $in: ['pending', 'sent', 'reminded'] }, workflowId: { $ne: null } },
        { fields: ['workflowId'] },
      );
      return open.map((r) => ({
        kind: 'signal' as const,
        workflowId: r.workflowId!,
        signal: 'surveyTicketReopened',
        args: [{ reopenedAt: p.reopenedAt }],
      }));
    },
  },
  {
    name: 'survey.onSurveyRequested',
    eventType: SURVEY_REQUESTED_EVENT,
    async commands(event) {
      const p = event.payload as SurveyRequestedPayload;
      const id = p.surveyRequestId ?? event.id;
      return [
        start(workflowIds.manualSurvey(event.tenantId, id), {
          tenantId: event.tenantId,
          customerId: p.customerId,
          ticketId: p.ticketId,
          trigger: 'manual',
          kind: p.kind,
          surveyRequestId: p.surveyRequestId ?? null,
        }),
      ];
    },
  },
  {
    name: 'survey.onSurveyAnswered',
    eventType: SURVEY_ANSWERED,
    async commands(event) {
      const p = event.payload as SurveyAnsweredPayload;
      if (!p.workflowId) return [];
      return [
        {
          kind: 'signal',
          workflowId: p.workflowId,
          signal: 'surveyAnswered',
          args: [{ surveyResponseId: p.surveyResponseId }],
        },
      ];
    },
  },
];
