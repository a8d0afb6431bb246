import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { DEMO_LOGINS, useTestDatabase } from '@c360/store';
import { launchChromium } from '@c360/mfe-kit/test';
import { openDashboardStack, ROOT, type DashboardStack } from '../support/dashboardStack';
import { screenshot, signIn } from '../support/browserSession';

/**
 * Independence: a new version of one remote is built into a new folder and published by changing
 * its manifest entry only. The running shell shows the new version on the next load; the shell's
 * files and the other remotes' builds are untouched and nothing is rebuilt but that remote.
 */
jest.setTimeout(240_000);

const db = useTestDatabase();
let stack: DashboardStack;
let browser: Browser;

const listing = (dir: string) =>
  readdirSync(dir)
    .sort()
    .map((name) => `${name}:${readFileSync(join(dir, name)).length}`);

beforeAll(async () => {
  [stack, browser] = await Promise.all([
    openDashboardStack(db.orm, db.url, { customers: 10 }),
    launchChromium(),
  ]);
  await stack.serveRemote('analytics', join(ROOT, 'mfe-analytics', 'dist'), '0.1.0');
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

it('shows a new build of one remote after its manifest entry changes, with the shell untouched', async () => {
  const shellDist = join(ROOT, 'mfe-shell', 'dist');
  const shellBefore = listing(shellDist);
  const tenant = stack.seeded.tenants[0]!.slug;
  const email = DEMO_LOGINS.find((l) => l.tenant === tenant && l.role === 'manager')!.email;

  const page = await signIn(browser, stack.shellUrl, tenant, email);
  const shellRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().startsWith(stack.shellUrl) && request.url().endsWith('.js'))
      shellRequests.push(request.url());
  });
  await page.getByTestId('nav-analytics').click();
  await page.getByTestId('analytics-app').waitFor();
  shellRequests.length = 0;
  await page.reload();
  await page.getByTestId('analytics-app').waitFor();
  expect(await page.getByTestId('analytics-version').textContent()).toBe('analytics v0.1.0');
  const shellVersion = await page.evaluate(() => document.documentElement.dataset['shellVersion']);
  const shellScriptsV1 = [...shellRequests];

  // The analytics team builds 9.9.9 into a folder of its own and publishes it: a new server, and
  // one changed manifest entry. Nothing else is built or restarted.
  const newBuild = join(stack.work, 'analytics-9.9.9');
  execFileSync(
    process.execPath,
    [
      join(ROOT, 'mfe-kit', 'bin', 'c360-mfe.cjs'),
      'build',
      '--package',
      join(ROOT, 'mfe-analytics'),
      '--out',
      newBuild,
      '--version',
      '9.9.9',
    ],
    { stdio: 'pipe' },
  );
  const before = stack.manifest();
  await stack.serveRemote('analytics', newBuild, '9.9.9');
  const after = stack.manifest();
  expect(after.areas.analytics!.entry).not.toBe(before.areas.analytics!.entry);
  expect({ ...after.areas, analytics: null }).toEqual({ ...before.areas, analytics: null });

  shellRequests.length = 0;
  await page.reload();
  await page.getByTestId('analytics-app').waitFor();
  expect(await page.getByTestId('analytics-version').textContent()).toBe('analytics v9.9.9');
  expect(await page.evaluate(() => document.documentElement.dataset['shellVersion'])).toBe(shellVersion);
  // The shell's page loaded the very same shell files as before, and its build folder is unchanged.
  expect(shellRequests.sort()).toEqual(shellScriptsV1.sort());
  expect(listing(shellDist)).toEqual(shellBefore);
  await screenshot(page, 'analytics-new-version');
  await page.context().close();
});
