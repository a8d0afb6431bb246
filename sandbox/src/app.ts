import express, { type ErrorRequestHandler, type Express } from 'express';
import { accountRoutes } from './control/accountRoutes';
import { adminRoutes } from './control/adminRoutes';
import { controlErrorHandler } from './control/controlError';
import { instagramCustomerRoutes } from './control/instagramCustomerRoutes';
import { mailRoutes } from './control/mailRoutes';
import { whatsappCustomerRoutes } from './control/whatsappCustomerRoutes';
import { graphErrors } from './graph/graphError';
import { graphRouter } from './graph/graphRouter';
import type { SandboxContext } from './sandboxContext';
import type { SandboxSettings } from './state/sandboxState';

/** The sandbox's HTTP face: the control API under `/_control`, the Graph API under `/v{major}.{minor}`. */
export const createSandboxApp = (ctx: SandboxContext, initialSettings: SandboxSettings): Express => {
  const app = express();
  app.disable('x-powered-by');
  app.use(express.json({ limit: '30mb' }));
  app.use(express.urlencoded({ extended: false, limit: '5mb' }));

  const control = express.Router();
  control.use(adminRoutes(ctx, initialSettings));
  control.use(accountRoutes(ctx));
  control.use('/whatsapp', whatsappCustomerRoutes(ctx));
  control.use('/instagram', instagramCustomerRoutes(ctx));
  control.use(mailRoutes(ctx));
  control.use((req, res) => {
    res
      .status(404)
      .json({ error: { code: 'not_found', message: `no control route ${req.method} ${req.path}` } });
  });
  control.use(controlErrorHandler);
  app.use('/_control', control);

  app.use('/:version', graphRouter(ctx));
  app.use((req, res) => {
    const error = graphErrors.unknownObject(
      req.path.split('/').filter(Boolean).slice(1).join('/') || req.path,
      req.method,
    );
    res.status(error.status).json(error.body);
  });
  // Body-parser failures arrive here before any router: answer in the shape of the API asked.
  app.use(((err, req, res, next) => {
    if (req.path.startsWith('/_control')) return controlErrorHandler(err, req, res, next);
    const status = (err as { status?: unknown }).status;
    const error =
      typeof status === 'number' && status < 500
        ? graphErrors.invalidParameter(`the request body could not be read: ${(err as Error).message}`, false)
        : graphErrors.serverError(false);
    res.status(error.status).json(error.body);
  }) as ErrorRequestHandler);
  return app;
};
