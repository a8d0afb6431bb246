import { deleteExportSchedule } from '@c360/workflows';
import express, { type Express, type RequestHandler } from 'express';
import type { AppDeps } from './AppDeps';
import { adminRoutes } from './admin/adminRoutes';
import { rescoreRoutes } from './admin/rescoreRoutes';
import { analyticsRoutes } from './analytics/analyticsRoutes';
import { scoreSettingsRoutes } from './admin/scoreSettingsRoutes';
import { slaSettingsRoutes } from './admin/slaSettingsRoutes';
// Issue 6, default playbooks.
import { playbookSettingsRoutes } from './playbooks/playbookSettingsRoutes';
import { authRoutes } from './auth/authRoutes';
import { createLoginThrottle } from './auth/loginThrottle';
import { customerRoutes } from './customers/customerRoutes';
import { journeyRoutes } from './customer360/journeyRoutes';
import { profile360Routes } from './customer360/profile360Routes';
import { preferencesRoutes } from './customers/preferencesRoutes';
import { healthRoutes } from './health/healthRoutes';
import { inboxRoutes } from './inbox/inboxRoutes';
import { scheduledReplyRoutes } from './inbox/scheduledReplyRoutes';
import { exportScheduleRoutes } from './segments/exportScheduleRoutes';
import { segmentExportRoutes } from './segments/segmentExportRoutes';
import { reportRoutes } from './reports/reportRoutes';
import { reportScheduleRoutes } from './reports/reportScheduleRoutes';
import { segmentLaunchRoutes } from './segments/segmentLaunchRoutes';
import { segmentCampaignsRoute } from './segments/segmentCampaignsRoute';
import { mountRoutes } from './http/defineRoute';
import { customerScoreRoutes } from './scores/customerScoreRoutes';
import { errorHandler, notFoundHandler } from './http/errorHandler';
import { createHttpLogger } from './http/httpLogger';
import { buildApiDocument, createApiRegistry, type ApiDocument } from './openapi/apiDocument';
import { docsRoutes, mountDocsAssets } from './openapi/docsRoutes';
import { segmentRoutes } from './segments/segmentRoutes';
import { webhookRoutes } from './webhooks/webhookRoutes';
import { publicSurveyRoutes } from './surveys/publicSurveyRoutes';
import { ticketSurveyRoutes } from './surveys/ticketSurveyRoutes';
import { callRoutes } from './calls/callRoutes';
import { ticketRoutes } from './tickets/ticketRoutes';
import { assetRoutes } from './replies/assetRoutes';
import { DEFAULT_ASSET_LIMITS } from './replies/assetLinks';
import { publicAssetRoutes } from './replies/publicAssetRoutes';
import { composeRoutes } from './replies/composeRoutes';
import { macroRoutes } from './replies/macroRoutes';
import { snippetRoutes } from './replies/snippetRoutes';
import { templateRoutes } from './replies/templateRoutes';
import { notificationRoutes } from './notifications/notificationRoutes';
import { consentExportRoutes } from './privacy/consentExportRoutes';
import { dsrRoutes } from './privacy/dsrRoutes';
import { retentionPolicyRoutes } from './privacy/retentionPolicyRoutes';

// API answers carry personal data: no shared cache may keep them, and browsers must not sniff types.
const apiHeaders: RequestHandler = (_req, res, next) => {
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
  next();
};

/**
 * The HTTP application: request ids and access logs, JSON bodies, every route (each declared
 * once for validation, access and the OpenAPI document), then 404 and the error mapping.
 */
export const createApp = (deps: AppDeps): Express => {
  const now = deps.now ?? (() => new Date());
  const app = express();
  app.disable('x-powered-by');
  app.use(createHttpLogger(deps.logger));
  app.use('/api/v1', apiHeaders);
  // Webhooks are signed over their exact bytes: they get the raw body (JSON parsing skips it).
  app.use('/api/v1/webhooks', express.raw({ type: () => true, limit: '25mb' }));
  app.use(express.json({ limit: '100kb' }));
  // The public survey page posts a plain HTML form.
  app.use('/s', express.urlencoded({ extended: false, limit: '16kb' }));

  const registry = createApiRegistry();
  let document: ApiDocument | undefined;
  const getDocument = () => (document ??= buildApiDocument(registry, deps.version ?? '0.1.0'));

  mountRoutes(app, registry, deps.tokens, [
    ...healthRoutes(deps.readiness, now().getTime()),
    ...docsRoutes(getDocument),
    ...authRoutes({
      em: deps.em,
      tokens: deps.tokens,
      throttle: createLoginThrottle(deps.loginThrottle),
      now,
    }),
    ...customerRoutes({ em: deps.em, searchCustomers: deps.searchCustomers }),
    ...preferencesRoutes({ em: deps.em, now }),
    ...adminRoutes(deps.reindex),
    ...customerScoreRoutes({ em: deps.em, now }),
    ...rescoreRoutes(deps.rescore),
    // Customer 360 and analytics (read side).
    ...journeyRoutes({ em: deps.em }),
    ...profile360Routes({ em: deps.em, now }),
    ...analyticsRoutes({ em: deps.em, now }),
    ...segmentRoutes({
      em: deps.em,
      logger: deps.logger,
      now,
      ...deps.segments,
      dropSchedule: (tenantId, scheduleId) =>
        deleteExportSchedule(deps.segmentExports.temporal, tenantId, scheduleId),
    }),
    // segment exports, export schedules, launch (issue 4)
    ...segmentExportRoutes({ em: deps.em, now, exports: deps.segmentExports }),
    ...exportScheduleRoutes({ em: deps.em, exports: deps.segmentExports }),
    ...segmentLaunchRoutes({ em: deps.em, campaigns: deps.campaigns }),
    segmentCampaignsRoute({ em: deps.em, campaigns: deps.campaigns }),
    ...webhookRoutes({ em: deps.em, logger: deps.logger, settings: deps.webhooks, now }),
    ...scoreSettingsRoutes(deps.em),
    // Issue 6, default playbooks.
    ...playbookSettingsRoutes(deps.em),
    // inbox (issue 5)
    ...inboxRoutes({
      em: deps.em,
      now,
      sender: deps.inboxSender,
      sends: deps.sends,
      assetLinks: deps.assetLinks,
      assetLimits: deps.assetLimits ?? DEFAULT_ASSET_LIMITS,
    }),
    // Send later and the composer's quiet-hours check, on the send path (issue 6).
    ...scheduledReplyRoutes({
      em: deps.em,
      now,
      sends: deps.sends,
      assetLimits: deps.assetLimits ?? DEFAULT_ASSET_LIMITS,
    }),
    // Reply templates, snippets, assets, macros; call records (issue 5).
    ...templateRoutes({ em: deps.em }),
    ...snippetRoutes({ em: deps.em }),
    ...composeRoutes({ em: deps.em }),
    ...assetRoutes({ em: deps.em, assets: deps.assets }),
    ...publicAssetRoutes({ em: deps.em, now, assets: deps.assets, linkSecret: deps.assetLinks?.secret }),
    ...macroRoutes({ em: deps.em, now }),
    ...callRoutes({ em: deps.em }),
    // Notification center and its live stream (issue 6).
    ...notificationRoutes({ em: deps.em, now, logger: deps.logger, stream: deps.notificationStream }),
    // Post-resolution surveys (issue 6): the public page, and a survey sent by hand from a ticket.
    ...publicSurveyRoutes({ em: deps.em, now, linkSecret: deps.surveyLinkSecret }),
    ...ticketSurveyRoutes({ em: deps.em, now }),
    // Tickets and their lifecycle events (issue 6).
    ...ticketRoutes({ em: deps.em, now }),
    // SLA policies (issue 6, SLA clocks).
    ...slaSettingsRoutes(deps.em),
    // retention policies, data-subject requests, consent export (issue 7)
    ...retentionPolicyRoutes({ em: deps.em }),
    ...dsrRoutes({ em: deps.em, exports: deps.segmentExports }),
    ...consentExportRoutes({ em: deps.em }),
    // report templates, report runs and report schedules (issue 7, scheduled exports)
    ...reportRoutes({ em: deps.em, exports: deps.segmentExports }),
    ...reportScheduleRoutes({ em: deps.em, exports: deps.segmentExports }),
  ]);
  mountDocsAssets(app);
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
};
