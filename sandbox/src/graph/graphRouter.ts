import { Router, type RequestHandler } from 'express';
import type { SandboxContext } from '../sandboxContext';
import { GraphError, graphErrors } from './graphError';
import { graphRoute } from './graphRoute';
import { instagramProfile, replyToComment, sendInstagramMessage } from './instagramRoutes';
import { listMessageTemplates, sendWhatsAppMessage } from './whatsappRoutes';

const unknownObject =
  (method: string): RequestHandler =>
  (req, res) => {
    const error: GraphError = graphErrors.unknownObject(String(req.params['objectId']), method);
    res.status(error.status).json(error.body);
  };

/**
 * The Graph API stand-in under a version prefix (`/v21.0/...`): each path is resolved by the
 * object id in it, as Meta does, then served by the WhatsApp or Instagram handler for that object.
 */
export const graphRouter = (ctx: SandboxContext): Router => {
  const { state } = ctx;
  const router = Router({ mergeParams: true });
  router.use((req, _res, next) =>
    /^v\d+\.\d+$/.test(String(req.params['version'])) ? next() : next('router'),
  );

  router.post('/:objectId/messages', (req, res, next) => {
    const id = String(req.params['objectId']);
    const phone = state.whatsappAccounts.find((a) => a.phoneNumberId === id);
    if (phone) return graphRoute(state, 'whatsapp.messages', sendWhatsAppMessage(ctx, phone))(req, res, next);
    const instagram = state.instagramAccounts.find((a) => a.igUserId === id);
    if (instagram)
      return graphRoute(state, 'instagram.messages', sendInstagramMessage(ctx, instagram))(req, res, next);
    return unknownObject('post')(req, res, next);
  });

  router.get('/:objectId/message_templates', (req, res, next) => {
    const id = String(req.params['objectId']);
    if (state.whatsappAccounts.some((a) => a.wabaId === id))
      return graphRoute(state, 'whatsapp.templates', listMessageTemplates(ctx))(req, res, next);
    return unknownObject('get')(req, res, next);
  });

  router.post('/:objectId/replies', (req, res, next) => {
    const id = String(req.params['objectId']);
    if (state.comments.has(id))
      return graphRoute(state, 'instagram.replies', replyToComment(ctx, id))(req, res, next);
    return unknownObject('post')(req, res, next);
  });

  router.get('/:objectId', (req, res, next) => {
    const id = String(req.params['objectId']);
    if (state.instagramUsers.has(id))
      return graphRoute(state, 'instagram.profile', instagramProfile(ctx, id))(req, res, next);
    return unknownObject('get')(req, res, next);
  });

  return router;
};
