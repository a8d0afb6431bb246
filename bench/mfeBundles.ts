/**
 * Front-end budgets from the production builds (run `./c360 test` or `c360-mfe build` first):
 * - the shell's initial JavaScript: every script the login page loads before it is interactive,
 *   gzipped, measured in Debian's chromium (the page is served from mfe-shell/dist);
 * - each remote's entry (`remoteEntry.js`) gzipped, and all of its files gzipped;
 * - time to the login form's first render, over N page loads (percentiles), against the baseline
 *   of fetching index.html alone in the same run.
 *
 *   node node_modules/tsx/dist/cli.mjs bench/mfeBundles.ts [loads=15]
 */
import { createServer, type Server } from 'node:http';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

const ROOT = join(__dirname, '..');
const loads = Number(process.argv[2] ?? 15);
const gz = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

// A plain static server with the SPA fallback: no API needed for the login page.
const serve = (dir: string): Promise<Server> =>
  new Promise((resolve) => {
    const server = createServer((req, res) => {
      const path = join(dir, (req.url ?? '/').split('?')[0]!);
      const file = existsSync(path) && extname(path) ? path : join(dir, 'index.html');
      res.setHeader('Content-Type', file.endsWith('.js') ? 'text/javascript' : 'text/html');
      res.end(readFileSync(file));
    });
    server.listen(0, '127.0.0.1', () => resolve(server));
  });

const main = async (): Promise<void> => {
  const shellDist = join(ROOT, 'mfe-shell', 'dist');
  const server = await serve(shellDist);
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/login`;
  const browser = await chromium.launch({
    executablePath: process.env['C360_CHROMIUM'] ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  try {
    const page = await browser.newPage();
    const scripts = new Set<string>();
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.add(new URL(r.url()).pathname.slice(1));
    });
    await page.goto(url);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    const initial = [...scripts].map((name) => ({ name, gz: gz(readFileSync(join(shellDist, name))) }));
    console.log(
      `shell initial JavaScript: ${kb(initial.reduce((a, s) => a + s.gz, 0))} gzipped in ${initial.length} files`,
    );
    for (const s of initial.sort((a, b) => b.gz - a.gz)) console.log(`  ${s.name.padEnd(24)} ${kb(s.gz)}`);

    for (const area of ['shell', 'customers', 'analytics', 'inbox']) {
      const dist = join(ROOT, `mfe-${area}`, 'dist');
      if (!existsSync(join(dist, 'remoteEntry.js'))) {
        console.log(`${area}: no build`);
        continue;
      }
      const all = readdirSync(dist)
        .filter((f) => f.endsWith('.js'))
        .reduce((sum, f) => sum + gz(readFileSync(join(dist, f))), 0);
      console.log(
        `${area}: remoteEntry.js ${kb(gz(readFileSync(join(dist, 'remoteEntry.js'))))} gzipped; all its JS ${kb(all)}`,
      );
    }

    const render: number[] = [];
    const baseline: number[] = [];
    for (let i = 0; i < loads; i += 1) {
      const t0 = performance.now();
      await fetch(url).then((r) => r.text());
      baseline.push(performance.now() - t0);
      const fresh = await browser.newPage();
      const t1 = performance.now();
      await fresh.goto(url);
      await fresh.getByRole('button', { name: 'Sign in' }).waitFor();
      render.push(performance.now() - t1);
      await fresh.close();
    }
    render.sort((a, b) => a - b);
    baseline.sort((a, b) => a - b);
    const p = (xs: number[], q: number) => percentile(xs, q).toFixed(1);
    console.log(
      `login first render (ms, n=${loads}): p50 ${p(render, 50)} p90 ${p(render, 90)} p99 ${p(render, 99)}`,
    );
    console.log(`baseline index.html fetch (ms): p50 ${p(baseline, 50)} p90 ${p(baseline, 90)}`);
    console.log(`ratio p50: ${(percentile(render, 50) / percentile(baseline, 50)).toFixed(1)}x`);
  } finally {
    await browser.close();
    server.close();
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
