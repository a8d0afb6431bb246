/**
 * Front-end budgets of the dashboard, from the production builds (`./c360 test` builds them, or
 * `npx lerna run build --scope '@c360/mfe-*'`), against the real API on a seeded database:
 * - the shell's initial JavaScript: every script the login page loads, gzipped;
 * - each remote's entry (`remoteEntry.js`) gzipped, and all of its JavaScript gzipped;
 * - React, react-dom and react-intl loaded exactly once on a page that shows three areas' code
 *   (the inbox thread with the customers area's 360 summary beside it);
 * - in headless Chromium on localhost, over N loads each (a fresh page in a signed-in context):
 *   time to the login form, to the first customer row of the customers page (list searched
 *   through the API on OpenSearch), and to an interactive inbox thread (its messages shown and the
 *   composer's message box enabled); against the baseline of fetching the shell's index.html alone,
 *   in the same run.
 *
 *   npx tsc -b && node node_modules/tsx/dist/cli.mjs bench/mfeBundles.ts [loads=15]
 *
 * Needs the services (./c360 up or the test ones). Database `c360_bench_mfe` (emptied at each run),
 * an index prefix of its own (deleted at the end), Temporal namespace `c360-test`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { createOrm, DEMO_LOGINS, migrateUp, resetDatabase } from '@c360/store';
import { launchChromium } from '@c360/mfe-kit/test';
import { openDashboardStack, ROOT, type RemoteName } from '../e2e/browser/src/support/dashboardStack';
import { indexTenantCustomers } from '../e2e/browser/src/support/areaServices';
import { signIn } from '../e2e/browser/src/support/browserSession';
import { loadedShares } from '../e2e/browser/src/support/loadedShares';

const loads = Number(process.argv[2] ?? 15);
const PG = process.env['C360_PG_URL'] ?? 'postgres://c360:c360@127.0.0.1:55432';
const databaseUrl = `${PG}/c360_bench_mfe`;
process.env['C360_INDEX_PREFIX'] ??= 'c360-bench-mfe-';

const gz = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
const summary = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p90: percentile(s, 90), max: s[s.length - 1] ?? NaN };
};
const versionOf = (area: string) =>
  (JSON.parse(readFileSync(join(ROOT, `mfe-${area}`, 'package.json'), 'utf8')) as { version: string })
    .version;

/** Times `n` fresh pages of `context`'s kind: open `url`, wait for `ready`. */
const timeLoads = async (
  newPage: () => Promise<Page>,
  url: string,
  ready: (page: Page) => Promise<unknown>,
) => {
  const xs: number[] = [];
  for (let i = 0; i < loads + 1; i += 1) {
    const page = await newPage();
    const t0 = performance.now();
    await page.goto(url);
    await ready(page);
    if (i > 0) xs.push(performance.now() - t0); // the first load warms the servers' file caches
    await page.close();
  }
  return summary(xs);
};

const main = async (): Promise<void> => {
  for (const area of ['shell', 'customers', 'analytics', 'inbox'])
    if (!existsSync(join(ROOT, `mfe-${area}`, 'dist', area === 'shell' ? 'index.html' : 'remoteEntry.js')))
      throw new Error(`mfe-${area} has no production build: run ./c360 test or build it first`);

  await resetDatabase(databaseUrl);
  const orm = await createOrm({ databaseUrl });
  await migrateUp(orm);
  const stack = await openDashboardStack(orm, databaseUrl, { customers: 500 });
  let browser: Browser | null = null;
  try {
    for (const area of ['customers', 'analytics', 'inbox'] as RemoteName[])
      await stack.serveRemote(area, join(ROOT, `mfe-${area}`, 'dist'), versionOf(area));
    const tenant = stack.seeded.tenants[0]!;
    await indexTenantCustomers(orm, stack.search, stack.indexPrefix, tenant.id);
    const [conversation] = await orm.em.fork().execute<{ id: string }[]>(
      `select c.id from conversation c where c.tenant_id = ? and c.status = 'open'
         and exists (select 1 from message m where m.conversation_id = c.id) order by c.id limit 1`,
      [tenant.id],
    );
    if (!conversation) throw new Error('the seeded tenant has no open conversation with messages');
    const login = (role: string) => DEMO_LOGINS.find((l) => l.tenant === tenant.slug && l.role === role)!;

    browser = await launchChromium();
    // Sizes: what the login page loads, and each build's files.
    const loginPage = await browser.newPage();
    const scripts = new Set<string>();
    loginPage.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.add(new URL(r.url()).pathname.slice(1));
    });
    await loginPage.goto(`${stack.shellUrl}/login`);
    await loginPage.getByRole('button', { name: 'Sign in' }).waitFor();
    await loginPage.close();
    const shellDist = join(ROOT, 'mfe-shell', 'dist');
    const initial = [...scripts].map((name) => ({ name, gz: gz(readFileSync(join(shellDist, name))) }));
    console.log(
      `shell initial JavaScript (login page): ${kb(initial.reduce((a, s) => a + s.gz, 0))} gzipped in ${initial.length} files`,
    );
    for (const s of initial.sort((a, b) => b.gz - a.gz)) console.log(`  ${s.name.padEnd(28)} ${kb(s.gz)}`);
    for (const area of ['shell', 'customers', 'analytics', 'inbox']) {
      const dist = join(ROOT, `mfe-${area}`, 'dist');
      const js = readdirSync(dist).filter((f) => f.endsWith('.js'));
      const all = js.reduce((sum, f) => sum + gz(readFileSync(join(dist, f))), 0);
      const entry = existsSync(join(dist, 'remoteEntry.js'))
        ? kb(gz(readFileSync(join(dist, 'remoteEntry.js'))))
        : '-';
      console.log(
        `mfe-${area}: remoteEntry.js ${entry} gzipped; all its JavaScript ${kb(all)} in ${js.length} files`,
      );
    }

    // React once: the inbox thread with the 360 summary (shell + inbox + customers code).
    const agentPage = await signIn(browser, stack.shellUrl, tenant.slug, login('agent').email);
    // tsx compiles this file with esbuild's keep-names helper, which functions sent to the page
    // call: give the page that helper (a string, so it is not compiled itself).
    await agentPage.context().addInitScript({ content: 'window.__name = (f) => f;' });
    await agentPage.goto(`${stack.shellUrl}/inbox/${conversation.id}`);
    await agentPage.getByTestId('customer-summary').waitFor();
    for (const pkg of ['react', 'react-dom', 'react-intl']) {
      const copies = await loadedShares(agentPage, pkg);
      console.log(
        `${pkg}: loaded ${copies.length} time(s) on the inbox thread with the 360 summary (${copies.map((c) => `${c.version} from ${c.from}`).join(', ')})`,
      );
    }

    // Times.
    const baseline: number[] = [];
    for (let i = 0; i < loads + 1; i += 1) {
      const t0 = performance.now();
      await fetch(`${stack.shellUrl}/login`).then((r) => r.text());
      if (i > 0) baseline.push(performance.now() - t0);
    }
    const base = summary(baseline);
    const anonymous = await browser.newContext({ locale: 'en-GB' });
    const loginTimes = await timeLoads(
      () => anonymous.newPage(),
      `${stack.shellUrl}/login`,
      (page) => page.getByRole('button', { name: 'Sign in' }).waitFor(),
    );
    const marketer = (await signIn(browser, stack.shellUrl, tenant.slug, login('marketer').email)).context();
    const customers = await timeLoads(
      () => marketer.newPage(),
      `${stack.shellUrl}/customers`,
      (page) => page.getByTestId('customer-row').first().waitFor(),
    );
    const agent = agentPage.context();
    const thread = await timeLoads(
      () => agent.newPage(),
      `${stack.shellUrl}/inbox/${conversation.id}`,
      async (page) => {
        await page.getByTestId('message').first().waitFor();
        const box = page.getByTestId('composer').getByRole('textbox', { name: 'Message' });
        await box.waitFor();
        while (!(await box.isEditable())) await new Promise((r) => setTimeout(r, 10));
      },
    );
    const line = (label: string, x: ReturnType<typeof summary>) =>
      console.log(
        `${label.padEnd(46)} p50 ${x.p50.toFixed(0).padStart(6)} ms  p90 ${x.p90.toFixed(0).padStart(6)} ms  max ${x.max.toFixed(0).padStart(6)} ms  ×${(x.p50 / base.p50).toFixed(0)} the baseline p50`,
      );
    console.log(`\nheadless Chromium on localhost, ${loads} loads each (after one warm-up load)`);
    line('baseline: fetch index.html', base);
    line('login form shown', loginTimes);
    line('customers page: first customer row', customers);
    line('inbox thread interactive (messages, composer)', thread);
  } finally {
    await browser?.close();
    await stack.search.indices.delete({ index: `${stack.indexPrefix}*` }).catch(() => undefined);
    await stack.close();
    await orm.close();
  }
};

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
