import type { Request, RequestHandler, Response } from 'express';
import type { Fault, GraphEndpoint, SandboxState } from '../state/sandboxState';
import { GraphError, graphErrors } from './graphError';

export type GraphReply = { status: number; body: unknown };
export type GraphHandlerContext = { req: Request; state: SandboxState; fault: Fault | null };
export type GraphHandler = (ctx: GraphHandlerContext) => GraphReply | Promise<GraphReply>;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const bearerToken = (req: Request): string | null => {
  const header = req.get('authorization');
  const match = header ? /^Bearer\s+(.+)$/i.exec(header) : null;
  if (match?.[1]) return match[1].trim();
  const fromQuery = req.query['access_token'];
  return typeof fromQuery === 'string' && fromQuery !== '' ? fromQuery : null;
};

const matches = (endpoint: GraphEndpoint) => (rule: { endpoint: GraphEndpoint | '*' }) =>
  rule.endpoint === '*' || rule.endpoint === endpoint;

/** Takes one use of the first matching rule, dropping it when spent. */
const takeOne = <T extends { remaining: number | null }>(
  rules: T[],
  pick: (rule: T) => boolean,
): T | null => {
  const index = rules.findIndex(pick);
  if (index < 0) return null;
  const rule = rules[index]!;
  if (rule.remaining !== null) {
    const left = rule.remaining - 1;
    (rule as { remaining: number | null }).remaining = left;
    if (left <= 0) rules.splice(index, 1);
  }
  return rule;
};

const checkToken = (state: SandboxState, req: Request): void => {
  const token = bearerToken(req);
  if (token === null) throw graphErrors.missingToken();
  if (state.settings.expiredTokens.includes(token)) throw graphErrors.tokenExpired();
  if (!state.settings.accessTokens.includes(token)) throw graphErrors.invalidToken();
};

/** The failure a fault rule stands for; `delivery_failed` is not one (the send succeeds, its status fails). */
const faultError = (fault: Fault, endpoint: GraphEndpoint): GraphError | null => {
  const whatsapp = endpoint.startsWith('whatsapp.');
  switch (fault.kind) {
    case 'rate_limit':
      return graphErrors.rateLimited(fault.code ?? (whatsapp ? 130429 : 4), fault.retryAfterSeconds);
    case 'server_error':
      return graphErrors.serverError(whatsapp);
    case 'token_expired':
      return graphErrors.tokenExpired();
    case 'delivery_failed':
      return null;
  }
};

/**
 * Wraps a Graph API handler with what every Meta endpoint does, in Meta's order: latency, token
 * check, injected faults, then the handler; every request and its answer is recorded.
 */
export const graphRoute =
  (state: SandboxState, endpoint: GraphEndpoint, handler: GraphHandler): RequestHandler =>
  async (req: Request, res: Response) => {
    const latency = takeOne(state.latencies, matches(endpoint));
    if (latency) await sleep(latency.ms);
    let reply: GraphReply;
    let headers: Record<string, string> = {};
    try {
      checkToken(state, req);
      const fault = takeOne(
        state.faults,
        (f) => matches(endpoint)(f) && (f.kind !== 'delivery_failed' || endpoint === 'whatsapp.messages'),
      );
      const error = fault ? faultError(fault, endpoint) : null;
      if (error) throw error;
      reply = await handler({ req, state, fault });
    } catch (error) {
      if (!(error instanceof GraphError)) throw error;
      reply = { status: error.status, body: error.body };
      headers = error.headers;
    }
    state.requests.push({
      seq: state.nextRequestSeq++,
      at: new Date().toISOString(),
      method: req.method,
      path: req.originalUrl.split('?')[0] ?? req.originalUrl,
      endpoint,
      query: Object.fromEntries(Object.entries(req.query).filter(([k]) => k !== 'access_token')),
      body: req.body ?? null,
      status: reply.status,
      response: reply.body,
    });
    res.status(reply.status).set(headers).json(reply.body);
  };
