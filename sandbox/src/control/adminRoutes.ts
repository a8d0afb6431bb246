import { randomBytes } from 'node:crypto';
import { Router } from 'express';
import { z } from 'zod';
import type { SandboxContext } from '../sandboxContext';
import { rateLimitCodes } from '../graph/graphError';
import { newIds } from '../state/ids';
import { graphEndpoints, type SandboxSettings } from '../state/sandboxState';
import { createState } from '../state/createState';
import { notFound, parseBody } from './controlError';

const endpoint = z.enum([...graphEndpoints, '*']);
const url = z.url({ protocol: /^https?$/, message: 'must be an http or https URL' });

const faultSchema = z
  .object({
    endpoint: endpoint.default('*'),
    kind: z.enum(['rate_limit', 'server_error', 'token_expired', 'delivery_failed']),
    count: z.number().int().min(1).max(10_000).default(1),
    code: z.number().int().positive().optional(),
    retryAfterSeconds: z.number().int().min(0).max(86_400).default(1),
  })
  .strict()
  .superRefine((f, ctx) => {
    if (f.kind === 'rate_limit' && f.code !== undefined && !rateLimitCodes.includes(f.code))
      ctx.addIssue({
        code: 'custom',
        path: ['code'],
        message: `must be one of ${rateLimitCodes.join(', ')}`,
      });
    if (f.kind === 'delivery_failed' && f.endpoint !== 'whatsapp.messages')
      ctx.addIssue({
        code: 'custom',
        path: ['endpoint'],
        message: 'delivery_failed applies to whatsapp.messages only',
      });
  });

const latencySchema = z
  .object({
    endpoint: endpoint.default('*'),
    ms: z.number().int().min(0).max(120_000),
    count: z.number().int().min(1).optional(),
  })
  .strict();

const settingsSchema = z
  .object({
    webhookUrls: z.object({ whatsapp: url, instagram: url, email: url }).partial().strict().optional(),
    retryDelaysMs: z.array(z.number().int().min(0).max(86_400_000)).max(50).optional(),
    statusDelayMs: z.number().int().min(0).max(600_000).optional(),
    autoStatuses: z.array(z.enum(['sent', 'delivered', 'read'])).optional(),
    enforceServiceWindow: z.boolean().optional(),
    appSecret: z.string().min(1).optional(),
    verifyToken: z.string().min(1).optional(),
    emailSecret: z.string().min(1).optional(),
  })
  .strict();

/** Sandbox housekeeping: health, reset, settings, recorded requests, faults, latency, tokens, webhooks. */
export const adminRoutes = (ctx: SandboxContext, initialSettings: SandboxSettings): Router => {
  const { state } = ctx;
  const router = Router();

  router.get('/health', (_req, res) => {
    res.json({ ok: true });
  });

  router.post('/reset', (_req, res) => {
    ctx.webhooks.cancelPending();
    Object.assign(state, createState(initialSettings));
    res.json({ ok: true });
  });

  router.get('/settings', (_req, res) => {
    res.json(state.settings);
  });
  router.patch('/settings', (req, res) => {
    const patch = parseBody(settingsSchema, req);
    const { webhookUrls, ...rest } = patch;
    Object.assign(
      state.settings,
      Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
    );
    if (webhookUrls) Object.assign(state.settings.webhookUrls, webhookUrls);
    res.json(state.settings);
  });

  router.get('/requests', (req, res) => {
    const { endpoint: e, method, since } = req.query;
    res.json({
      data: state.requests.filter(
        (r) =>
          (typeof e !== 'string' || r.endpoint === e) &&
          (typeof method !== 'string' || r.method === method.toUpperCase()) &&
          (typeof since !== 'string' || r.seq > Number(since)),
      ),
    });
  });
  router.delete('/requests', (_req, res) => {
    state.requests.length = 0;
    res.status(204).end();
  });

  router.get('/faults', (_req, res) => {
    res.json({ faults: state.faults, latencies: state.latencies });
  });
  router.post('/faults', (req, res) => {
    const f = parseBody(faultSchema, req);
    const fault = {
      id: newIds.faultId(),
      endpoint: f.endpoint,
      kind: f.kind,
      remaining: f.count,
      code: f.code ?? null,
      retryAfterSeconds: f.retryAfterSeconds,
    };
    state.faults.push(fault);
    res.status(201).json(fault);
  });
  router.post('/latency', (req, res) => {
    const l = parseBody(latencySchema, req);
    const latency = { endpoint: l.endpoint, ms: l.ms, remaining: l.count ?? null };
    state.latencies.push(latency);
    res.status(201).json(latency);
  });
  router.delete('/faults', (_req, res) => {
    state.faults.length = 0;
    state.latencies.length = 0;
    res.status(204).end();
  });

  const tokenSchema = z.object({ token: z.string().min(1) }).strict();
  router.post('/tokens', (req, res) => {
    const { token } = parseBody(tokenSchema, req);
    state.settings.accessTokens.push(token);
    state.settings.expiredTokens = state.settings.expiredTokens.filter((t) => t !== token);
    res.status(201).json({ token });
  });
  router.post('/tokens/expire', (req, res) => {
    const { token } = parseBody(tokenSchema, req);
    if (!state.settings.accessTokens.includes(token)) throw notFound(`token`);
    state.settings.expiredTokens.push(token);
    res.json({ token, expired: true });
  });

  router.get('/webhooks', (req, res) => {
    const { channel, state: wanted } = req.query;
    res.json({
      data: state.deliveries
        .filter(
          (d) =>
            (typeof channel !== 'string' || d.channel === channel) &&
            (typeof wanted !== 'string' || d.state === wanted),
        )
        .map((d) => ({
          ...d,
          payload: d.contentType === 'application/json' ? (JSON.parse(d.body) as unknown) : undefined,
        })),
    });
  });
  router.get('/webhooks/:id', (req, res) => {
    const delivery = state.deliveries.find((d) => d.id === req.params['id']);
    if (!delivery) throw notFound(`webhook delivery ${req.params['id']}`);
    res.json(delivery);
  });
  // A replay: the same bytes and signature again, as Meta does when it is unsure a delivery landed.
  router.post('/webhooks/:id/redeliver', (req, res) => {
    const delivery = state.deliveries.find((d) => d.id === req.params['id']);
    if (!delivery) throw notFound(`webhook delivery ${req.params['id']}`);
    const replay = ctx.webhooks.send(delivery.channel, delivery.body, {
      contentType: delivery.contentType,
      headers: delivery.headers,
    });
    res.status(202).json({ deliveryId: replay.id, replayOf: delivery.id });
  });

  const verifySchema = z.object({ channel: z.enum(['whatsapp', 'instagram']) }).strict();
  router.post('/webhooks/verify', async (req, res) => {
    const { channel } = parseBody(verifySchema, req);
    const challenge = randomBytes(8).toString('hex');
    const target = new URL(state.settings.webhookUrls[channel]);
    target.searchParams.set('hub.mode', 'subscribe');
    target.searchParams.set('hub.verify_token', state.settings.verifyToken);
    target.searchParams.set('hub.challenge', challenge);
    try {
      const response = await fetch(target, { signal: AbortSignal.timeout(10_000) });
      const body = await response.text();
      res.json({
        verified: response.status === 200 && body === challenge,
        status: response.status,
        challenge,
        body: body.slice(0, 500),
      });
    } catch (error) {
      res.json({
        verified: false,
        status: null,
        challenge,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  });

  return router;
};
