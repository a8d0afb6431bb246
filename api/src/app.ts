import express, { type Express, type RequestHandler } from 'express';
import type { AppDeps } from './AppDeps';
import { adminRoutes } from './admin/adminRoutes';
import { authRoutes } from './auth/authRoutes';
import { createLoginThrottle } from './auth/loginThrottle';
import { customerRoutes } from './customers/customerRoutes';
import { preferencesRoutes } from './customers/preferencesRoutes';
import { healthRoutes } from './health/healthRoutes';
import { mountRoutes } from './http/defineRoute';
import { errorHandler, notFoundHandler } from './http/errorHandler';
import { createHttpLogger } from './http/httpLogger';
import { buildApiDocument, createApiRegistry, type ApiDocument } from './openapi/apiDocument';
import { docsRoutes, mountDocsAssets } from './openapi/docsRoutes';

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
  ]);
  mountDocsAssets(app);
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
};
