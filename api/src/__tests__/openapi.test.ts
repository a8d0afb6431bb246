import SwaggerParser from '@apidevtools/swagger-parser';
import request from 'supertest';
import { openTestContext, type TestContext } from './support/testContext';

let ctx: TestContext;
let document: {
  openapi: string;
  paths: Record<
    string,
    Record<
      string,
      {
        operationId?: string;
        security?: unknown[];
        responses: Record<string, unknown>;
        parameters?: unknown[];
        requestBody?: unknown;
        'x-required-roles'?: string[];
      }
    >
  >;
};

beforeAll(async () => {
  ctx = await openTestContext('openapi');
  const res = await request(ctx.app).get('/api/openapi.json');
  expect(res.status).toBe(200);
  document = res.body;
});
afterAll(() => ctx?.close());

type Layer = { route?: { path: string; methods: Record<string, boolean> } };

const expressRoutes = (): string[] =>
  (ctx.app.router as unknown as { stack: Layer[] }).stack
    .filter((layer) => layer.route)
    .flatMap((layer) =>
      Object.keys(layer.route!.methods)
        .filter((m) => m !== '_all')
        .map((m) => `${m.toUpperCase()} ${layer.route!.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`),
    )
    .sort();

const documentedRoutes = (): string[] =>
  Object.entries(document.paths)
    .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
    .sort();

describe('GET /api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    expect(document.openapi).toBe('3.1.0');
    // validate() mutates (dereferences) its input: give it a copy.
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
  });

  it('documents every route the app serves, and nothing it does not serve', () => {
    const served = expressRoutes();
    expect(served.length).toBeGreaterThan(15);
    expect(documentedRoutes()).toEqual(served);
  });

  it('gives every operation a unique id, and every protected one its security, roles and 401/403 answers', () => {
    const ids = new Set<string>();
    for (const [path, ops] of Object.entries(document.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const where = `${method.toUpperCase()} ${path}`;
        expect({ where, id: typeof op.operationId }).toEqual({ where, id: 'string' });
        expect(ids.has(op.operationId!)).toBe(false);
        ids.add(op.operationId!);
        expect(op.responses['500']).toBeDefined();
        const isPublic = op.security?.length === 0;
        if (path.startsWith('/api/v1/webhooks/')) {
          // Providers cannot hold our tokens: webhooks are public and authenticated by their
          // signature instead, so a signed POST documents its 401.
          expect({ where, isPublic }).toEqual({ where, isPublic: true });
          if (method === 'post') expect(Object.keys(op.responses)).toContain('401');
        } else if (path.startsWith('/api/v1/public/')) {
          // Signed links a provider fetches (reply assets): public, the link's signature is the authorisation.
          expect({ where, isPublic }).toEqual({ where, isPublic: true });
          expect(Object.keys(op.responses)).toContain('403');
        } else if (path === '/api/v1/notifications/stream') {
          // EventSource cannot send a bearer token: the stream is public and takes a signed ticket.
          expect({ where, isPublic }).toEqual({ where, isPublic: true });
          expect(Object.keys(op.responses)).toContain('401');
        } else if (path.startsWith('/api/v1/') && path !== '/api/v1/auth/login') {
          expect({ where, isPublic }).toEqual({ where, isPublic: false });
          expect(op.security).toEqual([{ bearerAuth: [] }]);
          expect(op['x-required-roles']?.length).toBeGreaterThan(0);
          expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['401', '403']));
        }
        if (op.requestBody || (op.parameters ?? []).length > 0)
          expect(Object.keys(op.responses)).toContain('400');
      }
    }
  });

  it('describes request bodies and answers from the same schemas the routes validate with', () => {
    const create = document.paths['/api/v1/customers']!['post']!;
    expect(create.requestBody).toEqual({
      required: true,
      content: { 'application/json': { schema: { $ref: '#/components/schemas/CustomerCreate' } } },
    });
    const list = document.paths['/api/v1/customers']!['get']!;
    const names = (list.parameters as { name: string; in: string }[]).map((p) => `${p.in}:${p.name}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'query:q',
        'query:tag',
        'query:isVip',
        'query:sort',
        'query:page',
        'query:pageSize',
      ]),
    );
  });
});

describe('GET /api/docs', () => {
  it('serves a page that loads Swagger UI from this server only', async () => {
    const page = await request(ctx.app).get('/api/docs');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.text).toContain("url: '/api/openapi.json'");
    expect(page.text).not.toMatch(/https?:\/\//);
    const assets = [...page.text.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThanOrEqual(4);
    for (const asset of assets) {
      const res = await request(ctx.app).get(asset);
      expect({ asset, status: res.status }).toEqual({ asset, status: 200 });
    }
  });

  it("does not serve the package's other files", async () => {
    expect((await request(ctx.app).get('/api/docs/index.html')).status).toBe(404);
    expect((await request(ctx.app).get('/api/docs/package.json')).status).toBe(404);
  });

  it('documents the reply asset: assetId on replies and scheduled replies, and the signed asset link', async () => {
    const deref = (await SwaggerParser.dereference(structuredClone(document) as never)) as unknown as {
      paths: Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { schema: unknown }> } }>
      >;
    };
    const bodyOf = (path: string) =>
      deref.paths[path]!['post']!.requestBody!.content['application/json']!.schema as {
        properties: Record<string, { format?: string; description?: string }>;
      };
    for (const path of [
      '/api/v1/inbox/conversations/{id}/reply',
      '/api/v1/inbox/conversations/{id}/scheduled-replies',
    ]) {
      expect(bodyOf(path).properties['assetId']).toMatchObject({
        format: 'uuid',
        description: expect.stringContaining('reply assets'),
      });
    }
    expect(document.paths['/api/v1/public/assets/{token}']?.['get']?.operationId).toBe('downloadSignedAsset');
  });
});
