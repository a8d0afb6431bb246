import { createServer } from 'node:net';
import request from 'supertest';
import { createSearchClient } from '@c360/store';
import { readinessChecks } from '../health/readinessChecks';
import { env, openTestContext, type TestContext } from './support/testContext';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await openTestContext('health');
});
afterAll(() => ctx?.close());

describe('health', () => {
  it('answers /healthz while the process runs', async () => {
    const res = await request(ctx.app).get('/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', uptimeSeconds: expect.any(Number) });
  });

  it('answers /readyz with each dependency up', async () => {
    const res = await request(ctx.app).get('/readyz');
    expect(res.body.down).toEqual([]);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.checks).sort()).toEqual(['opensearch', 'postgres', 'temporal']);
    for (const state of Object.values(res.body.checks)) expect(state).toMatchObject({ status: 'up' });
  });

  it('answers /readyz with 503 naming the dependency that is down', async () => {
    // A real OpenSearch client aimed at a port where nothing listens.
    const port = await new Promise<number>((resolve) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const { port: p } = server.address() as { port: number };
        server.close(() => resolve(p));
      });
    });
    const deadSearch = createSearchClient(`http://127.0.0.1:${port}`);
    const app = ctx.appWith({
      readiness: readinessChecks({
        orm: ctx.orm,
        search: deadSearch,
        temporal: ctx.temporalConnection,
        temporalNamespace: env.temporalNamespace,
      }),
    });
    const res = await request(app).get('/readyz');
    await deadSearch.close();
    expect(res.status).toBe(503);
    // A dependency being down is a warning in the access log, not a server fault with a stack.
    const line = ctx.logs.find((l) => l['requestId'] === res.headers['x-request-id']);
    expect(line).toMatchObject({ level: 40, res: { statusCode: 503 } });
    expect(line).not.toHaveProperty('err');
    expect(res.body).toMatchObject({
      status: 'not_ready',
      down: ['opensearch'],
      checks: {
        postgres: { status: 'up' },
        temporal: { status: 'up' },
        opensearch: { status: 'down', reason: 'ConnectionError' },
      },
    });
  });
});
