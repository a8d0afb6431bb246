import express, { type Express, type RequestHandler } from 'express';
import type { AppDeps } from './AppDeps';
import { adminRoutes } from './admin/adminRoutes';
import { rescoreRoutes } from './admin/rescoreRoutes';
import { analyticsRoutes } from './analytics/analyticsRoutes';
import { scoreSettingsRoutes } from './admin/scoreSettingsRoutes';
import { authRoutes } from './auth/authRoutes';
import { createLoginThrottle } from './auth/loginThrottle';
import { customerRoutes } from './customers/customerRoutes';
import { journeyRoutes } from './customer360/journeyRoutes';
import { profile360Routes } from './customer360/profile360Routes';
import { preferencesRoutes } from './customers/preferencesRoutes';
import { healthRoutes } from './health/healthRoutes';
import { inboxRoutes } from './inbox/inboxRoutes';
import { exportScheduleRoutes } from './segments/exportScheduleRoutes';
import { segmentExportRoutes } from './segments/segmentExportRoutes';
import { segmentLaunchRoutes } from './segments/segmentLaunchRoutes';
import { mountRoutes } from './http/defineRoute';
import { customerScoreRoutes } from './scores/customerScoreRoutes';
import { errorHandler, notFoundHandler } from './http/errorHandler';
import { createHttpLogger } from './http/httpLogger';
import { buildApiDocument, createApiRegistry, type ApiDocument } from './openapi/apiDocument';
import { docsRoutes, mountDocsAssets } from './openapi/docsRoutes';
import { segmentRoutes } from './segments/segmentRoutes';
import { webhookRoutes } from './webhooks/webhookRoutes';
import { callRoutes } from './calls/callRoutes';
import { ticketRoutes } from './tickets/ticketRoutes';
import { assetRoutes } from './replies/assetRoutes';
import { composeRoutes } from './replies/composeRoutes';
import { macroRoutes } from './replies/macroRoutes';
import { snippetRoutes } from './replies/snippetRoutes';
import { templateRoutes } from './replies/templateRoutes';

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
    ...segmentRoutes({ em: deps.em, logger: deps.logger, now, ...deps.segments }),
    // segment exports, export schedules, launch (issue 4)
    ...segmentExportRoutes({ em: deps.em, now, exports: deps.segmentExports }),
    ...exportScheduleRoutes({ em: deps.em, exports: deps.segmentExports }),
    ...segmentLaunchRoutes({ em: deps.em }),
    ...webhookRoutes({ em: deps.em, logger: deps.logger, settings: deps.webhooks, now }),
    ...scoreSettingsRoutes(deps.em),
    // inbox (issue 5)
    ...inboxRoutes({ em: deps.em, now, sender: deps.inboxSender }),
    // Reply templates, snippets, assets, macros; call records (issue 5).
    ...templateRoutes({ em: deps.em }),
    ...snippetRoutes({ em: deps.em }),
    ...composeRoutes({ em: deps.em }),
    ...assetRoutes({ em: deps.em, assets: deps.assets }),
    ...macroRoutes({ em: deps.em, now }),
    ...callRoutes({ em: deps.em }),
    // Tickets and their lifecycle events (issue 6).
    ...ticketRoutes({ em: deps.em, now }),
  ]);
  mountDocsAssets(app);
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
};
