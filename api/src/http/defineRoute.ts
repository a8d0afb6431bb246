import type { Express, Request, RequestHandler, Response } from 'express';
import type { z } from 'zod';
import type { OpenAPIRegistry, ResponseConfig, RouteConfig } from '@asteasolutions/zod-to-openapi';
import type { Role } from '@c360/domain';
import { authenticate } from '../auth/authenticate';
import type { AccessTokens } from '../auth/accessTokens';
import { principalOf, type Principal } from '../auth/principal';
import { requireRole } from '../auth/requireRole';
import { BEARER_SCHEME } from '../openapi/apiDocument';
import { requestIdOf } from './requestId';
import { validateRequest } from './validateRequest';

export type HttpMethod = 'get' | 'post' | 'patch' | 'put' | 'delete';

/** `public`, or the roles of which the caller must hold at least one. */
export type Access = 'public' | readonly [Role, ...Role[]];

export type ResponseSpec = {
  description: string;
  schema?: z.ZodType;
  /** Defaults to application/json. */
  mediaType?: 'application/json' | 'text/html' | 'text/csv' | 'text/plain' | 'text/event-stream';
  headers?: Record<string, string>;
};

/** Error statuses a route can document beyond the ones every route gets from its shape. */
export type ErrorStatus = 404 | 409 | 429 | 501 | 503;

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export type RouteContext<PS, QS, BS, A extends Access> = {
  params: Out<PS>;
  query: Out<QS>;
  body: Out<BS>;
  /** The verified caller; absent only on public routes. */
  principal: A extends 'public' ? undefined : Principal;
  requestId: string;
  req: Request;
  res: Response;
};

export type Reply<S extends number> = {
  status: S;
  body?: unknown;
  headers?: Record<string, string>;
  /** Sends `body` (a string) as this type instead of JSON. */
  contentType?: 'text/html' | 'text/plain';
  /** The handler has written the whole answer itself (a streamed download): send nothing more. */
  streamed?: true;
};

export type RouteSpec<
  PS extends z.ZodObject | undefined,
  QS extends z.ZodObject | z.ZodPipe | undefined,
  BS extends z.ZodType | undefined,
  A extends Access,
  R extends Record<number, ResponseSpec>,
> = {
  method: HttpMethod;
  /** Express syntax (`/api/v1/customers/:id`); the document gets `{id}`. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  access: A;
  params?: PS;
  query?: QS;
  body?: BS;
  /**
   * A body read as bytes instead of JSON (`ctx.req.body` is a Buffer), for routes that must see
   * exactly what was sent, such as signed webhooks; documented with this media type.
   */
  rawBody?: { mediaType: string; description: string };
  /** Success answers (and any answer with a body of its own shape), by status. */
  responses: R;
  errors?: ErrorStatus[];
  handler: (ctx: RouteContext<PS, QS, BS, A>) => Promise<Reply<Extract<keyof R, number>>>;
};

/** A route ready to mount: its Express handler and its OpenAPI operation, built from one spec. */
export type ApiRoute = {
  method: HttpMethod;
  path: string;
  access: Access;
  openapi: RouteConfig;
  handle: RequestHandler;
};

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid request; `error.fields` names each bad field',
  401: 'Missing, malformed or expired access token',
  403: 'The caller lacks a required role',
  404: 'Not found (a record of another tenant answers the same)',
  409: 'Conflicts with existing data',
  429: 'Too many attempts; retry after the Retry-After header',
  500: 'Unexpected error (details are in the server log under the request id)',
  501: 'Not implemented in this deployment',
  503: 'A dependency is unavailable; retry later',
};

export const toOpenApiPath = (expressPath: string): string =>
  expressPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

const errorResponse = (status: number): ResponseConfig => ({
  description: ERROR_DESCRIPTIONS[status] ?? 'Error',
  content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorResponse' } } },
});

const toOpenApi = (
  spec: RouteSpec<
    z.ZodObject | undefined,
    z.ZodObject | z.ZodPipe | undefined,
    z.ZodType | undefined,
    Access,
    Record<number, ResponseSpec>
  >,
): RouteConfig => {
  const responses: RouteConfig['responses'] = {};
  for (const [status, r] of Object.entries(spec.responses)) {
    responses[status] = {
      description: r.description,
      ...(r.schema ? { content: { [r.mediaType ?? 'application/json']: { schema: r.schema } } } : {}),
      ...(r.headers
        ? {
            headers: Object.fromEntries(
              Object.entries(r.headers).map(([h, d]) => [h, { description: d, schema: { type: 'string' } }]),
            ),
          }
        : {}),
    };
  }
  const errors = new Set<number>(spec.errors ?? []);
  if (spec.params || spec.query || spec.body || spec.rawBody) errors.add(400);
  if (spec.access !== 'public') {
    errors.add(401);
    errors.add(403);
  }
  errors.add(500);
  for (const status of [...errors].sort((a, b) => a - b)) responses[String(status)] ??= errorResponse(status);

  const roles = spec.access === 'public' ? null : [...spec.access];
  const description = [spec.description, roles ? `Roles: ${roles.join(', ')}.` : 'No token needed.']
    .filter(Boolean)
    .join('\n\n');
  return {
    method: spec.method,
    path: toOpenApiPath(spec.path),
    operationId: spec.operationId,
    summary: spec.summary,
    description,
    tags: spec.tags,
    security: roles ? [{ [BEARER_SCHEME]: [] }] : [],
    ...(roles ? { 'x-required-roles': roles } : {}),
    request: {
      ...(spec.params ? { params: spec.params } : {}),
      ...(spec.query ? { query: spec.query } : {}),
      ...(spec.body
        ? { body: { required: true, content: { 'application/json': { schema: spec.body } } } }
        : {}),
      ...(spec.rawBody
        ? {
            body: {
              required: true,
              description: spec.rawBody.description,
              content: { [spec.rawBody.mediaType]: { schema: { type: 'string', format: 'binary' } } },
            },
          }
        : {}),
    },
    responses,
  };
};

/**
 * Declares a route once: the same zod schemas validate the request and describe it in the
 * OpenAPI document, and the access rule becomes both middleware and documented security.
 */
export const defineRoute = <
  PS extends z.ZodObject | undefined = undefined,
  QS extends z.ZodObject | z.ZodPipe | undefined = undefined,
  BS extends z.ZodType | undefined = undefined,
  A extends Access = Access,
  R extends Record<number, ResponseSpec> = Record<number, ResponseSpec>,
>(
  spec: RouteSpec<PS, QS, BS, A, R>,
): ApiRoute => {
  const handle: RequestHandler = async (req, res) => {
    const input = validateRequest<Out<PS>, Out<QS>, Out<BS>>(
      { params: spec.params, query: spec.query, body: spec.body } as {
        params?: z.ZodType<Out<PS>>;
        query?: z.ZodType<Out<QS>>;
        body?: z.ZodType<Out<BS>>;
      },
      { params: req.params, query: req.query, body: req.body },
    );
    const principal = principalOf(res) as RouteContext<PS, QS, BS, A>['principal'];
    const reply = await spec.handler({ ...input, principal, requestId: requestIdOf(req), req, res });
    if (reply.streamed) return;
    for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
    if (reply.body === undefined) res.status(reply.status).end();
    else if (reply.contentType) res.status(reply.status).type(reply.contentType).send(String(reply.body));
    else res.status(reply.status).json(reply.body);
  };
  return {
    method: spec.method,
    path: spec.path,
    access: spec.access,
    openapi: toOpenApi(spec as unknown as Parameters<typeof toOpenApi>[0]),
    handle,
  };
};

/** Mounts routes on the app (authentication and role checks first) and registers them in the document. */
export const mountRoutes = (
  app: Express,
  registry: OpenAPIRegistry,
  tokens: AccessTokens,
  routes: ApiRoute[],
): void => {
  for (const route of routes) {
    const guards = route.access === 'public' ? [] : [authenticate(tokens), requireRole(...route.access)];
    app[route.method](route.path, ...guards, route.handle);
    registry.registerPath(route.openapi);
  }
};
