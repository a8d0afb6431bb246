/**
 * @jest-environment node
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError, createApiClient } from '../apiClient';

// A real HTTP server standing in for the API's wire format: it echoes what it got.
let server: Server;
let baseUrl: string;

const body = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => resolve(text));
  });

beforeAll(async () => {
  server = createServer((req, res) => {
    void body(req).then((text) => {
      if (req.url?.startsWith('/api/v1/bad')) {
        res.writeHead(400, { 'Content-Type': 'application/json' });
        res.end(
          JSON.stringify({
            error: {
              code: 'validation',
              message: 'invalid request: body.email',
              fields: [{ path: 'body.email', message: 'must be an e-mail' }],
            },
            requestId: 'r1',
          }),
        );
        return;
      }
      if (req.url?.startsWith('/api/v1/file')) {
        res.writeHead(200, {
          'Content-Type': 'text/csv',
          'Content-Disposition': 'attachment; filename="vip.csv"',
        });
        res.end('id\n1\n');
        return;
      }
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({
          method: req.method,
          url: req.url,
          auth: req.headers.authorization ?? null,
          body: text,
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe('createApiClient', () => {
  it('sends the bearer token of the moment and the query without empty values', async () => {
    let token: string | null = 'first';
    const client = createApiClient({ baseUrl, getToken: () => token });
    const one = await client.get<{ auth: string; url: string }>('/echo', {
      a: 1,
      b: '',
      c: undefined,
      d: ['x', 'y'],
    });
    expect(one).toMatchObject({ auth: 'Bearer first', url: '/api/v1/echo?a=1&d=x&d=y' });
    token = null;
    const two = await client.get<{ auth: string | null }>('/echo');
    expect(two.auth).toBeNull();
  });

  it('posts JSON bodies', async () => {
    const client = createApiClient({ baseUrl, getToken: () => 't' });
    const echoed = await client.post<{ method: string; body: string }>('/echo', { tenant: 'acme' });
    expect(echoed).toMatchObject({ method: 'POST', body: '{"tenant":"acme"}' });
  });

  it('turns an error answer into an ApiError with the code, message and fields', async () => {
    const client = createApiClient({ baseUrl, getToken: () => null });
    const failure = await client.post('/bad', {}).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({
      status: 400,
      code: 'validation',
      message: 'invalid request: body.email',
      fields: [{ path: 'body.email', message: 'must be an e-mail' }],
    });
  });

  it('downloads files with the name the server suggests', async () => {
    const client = createApiClient({ baseUrl, getToken: () => 't' });
    const file = await client.download('/file');
    expect(file.status).toBe(200);
    expect(file.fileName).toBe('vip.csv');
    expect(await file.blob.text()).toBe('id\n1\n');
  });
});
