/**
 * @jest-environment node
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import HtmlWebpackPlugin from 'html-webpack-plugin';
import { createMfeConfig } from '../mfeConfig';
import { startMfeServer } from '../mfeServer';

// A reload on a deep URL (`/customers/<id>`) gets index.html from the server's history fallback;
// the page's script must then be found from the root, not under `/customers/`.
const READY_SCRIPT = join(__dirname, '..', '..', '..', '..', 'deploy', 'local', 'lib', 'httpReady.sh');
let dir: string;
let server: Server;
let origin: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'c360-deep-links-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><script src="/main.js"></script>');
  writeFileSync(join(dir, 'main.js'), 'window.started = true;');
  server = await startMfeServer({ dir, port: 0, apiOrigin: 'http://127.0.0.1:9' });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

const NAVIGATION = { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };

describe('deep links', () => {
  it('has index.html load its script from the root of the server', () => {
    const config = createMfeConfig({
      dir: join(__dirname, '..', '..', '..'),
      name: 'kit',
      exposes: {},
      entry: './src/runtime/index.ts',
      title: 'kit',
    })();
    const page = config.plugins?.find((p) => p instanceof HtmlWebpackPlugin);
    expect(page?.userOptions.publicPath).toBe('/');
    // The chunks still find their own folder, wherever the remote entry is served from.
    expect(config.output?.publicPath).toBe('auto');
  });

  it('answers a reload of a deep URL with index.html', async () => {
    const response = await fetch(`${origin}/customers/0b6f7c1e-8f00-4c59-9d3a-51b1f0f5a0d2/journey`, {
      headers: NAVIGATION,
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('src="/main.js"');
  });

  it('serves the script at the root, and a 404, not the page, for a script that does not exist', async () => {
    const script = await fetch(`${origin}/main.js`, { headers: { accept: '*/*' } });
    expect(script.status).toBe(200);
    expect(await script.text()).toContain('window.started');
    const missing = await fetch(`${origin}/customers/main.js`, { headers: { accept: '*/*' } });
    expect(missing.status).toBe(404);
  });

  it("passes the launcher's readiness probe at the root (./c360 up waits on it)", async () => {
    const probe = (url: string) =>
      new Promise<number>((resolve) =>
        execFile('bash', ['-c', `source "${READY_SCRIPT}" && http_ready "$0"`, url], (error) =>
          resolve(error ? Number(error.code ?? 1) : 0),
        ),
      );
    expect(await probe(`${origin}/`)).toBe(0);
    // And it can fail: nothing listens on the discard port.
    expect(await probe('http://127.0.0.1:9/')).not.toBe(0);
  });
});
