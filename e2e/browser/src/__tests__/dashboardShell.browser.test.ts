import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Role } from '@c360/domain';
import { DEMO_LOGINS, useTestDatabase } from '@c360/store';
import { launchChromium } from '@c360/mfe-kit/test';
import { openDashboardStack, ROOT, type DashboardStack } from '../support/dashboardStack';
import { screenshot, signIn } from '../support/browserSession';
import { loadedShares } from '../support/loadedShares';

/**
 * The shell and the analytics area in Debian's chromium, from their production builds, against
 * the real API: sign-in, navigation by role, analytics reports, Arabic right to left, and a
 * remote that is down while the rest of the dashboard keeps working.
 */
jest.setTimeout(120_000);

const db = useTestDatabase();
let stack: DashboardStack;
let browser: Browser;
let tenant: string;

const analyticsVersion = (
  JSON.parse(readFileSync(join(ROOT, 'mfe-analytics', 'package.json'), 'utf8')) as { version: string }
).version;

const emailOf = (role: Role) => {
  const login = DEMO_LOGINS.find((l) => l.tenant === tenant && l.role === role);
  if (!login) throw new Error(`no demo login for ${role} in ${tenant}`);
  return login.email;
};

beforeAll(async () => {
  [stack, browser] = await Promise.all([openDashboardStack(db.orm, db.url), launchChromium()]);
  tenant = stack.seeded.tenants[0]!.slug;
  // A copy of the build, so this file can stop and start "its" analytics without touching dist/.
  const copy = join(stack.work, 'analytics');
  cpSync(join(ROOT, 'mfe-analytics', 'dist'), copy, { recursive: true });
  await stack.serveRemote('analytics', copy, analyticsVersion);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

const openAnalytics = async (page: Page) => {
  await page.getByTestId('nav-analytics').click();
  await page.waitForURL('**/analytics');
  await page.getByTestId('analytics-app').waitFor();
};

describe('the dashboard shell in a real browser', () => {
  it('signs in with the API and shows a manager every area, with the analytics reports', async () => {
    const page = await signIn(browser, stack.shellUrl, tenant, emailOf('manager'));
    expect(await page.getByRole('navigation').getByRole('link').allTextContents()).toEqual([
      'Customers',
      'Analytics',
      'Inbox',
    ]);
    await openAnalytics(page);
    await page.getByTestId('kpi-customers').waitFor();
    expect(await page.getByTestId('kpi-customers').textContent()).toMatch(/^Customers[\d,]+/);
    await page.getByTestId('cohort-heatmap').waitFor();
    await page.getByTestId('channel-table').waitFor();
    await page.getByTestId('funnel').waitFor();
    expect(await page.getByTestId('analytics-version').textContent()).toBe(`analytics v${analyticsVersion}`);
    // One React, one ReactDOM, one react-intl on the page, used by the shell and the area alike.
    for (const pkg of ['react', 'react-dom', 'react-intl']) {
      const copies = await loadedShares(page, pkg);
      expect({ pkg, copies: copies.length }).toEqual({ pkg, copies: 1 });
      expect(copies[0]!.useIn).toEqual(expect.arrayContaining(['shell', 'analytics']));
    }
    await screenshot(page, 'analytics-en');
    await page.context().close();
  });

  it('schedules a segment export from analytics, and pauses and resumes it (a Temporal Schedule)', async () => {
    const page = await signIn(browser, stack.shellUrl, tenant, emailOf('marketer'));
    await openAnalytics(page);
    const segment = page.getByRole('combobox', { name: 'Segment' });
    await segment.locator('option').nth(1).waitFor({ state: 'attached' });
    const segmentId = await segment.locator('option').nth(1).getAttribute('value');
    await segment.selectOption(segmentId!);
    const exports = page.getByTestId('segment-exports');
    await exports.waitFor();

    await exports.getByLabel('Name').fill('Weekly export');
    await exports.getByLabel('Recipients (comma-separated)').fill('reports@example.test');
    await exports.getByRole('button', { name: 'Schedule' }).click();
    const schedule = exports.getByTestId('schedule').filter({ hasText: 'Weekly export' });
    await schedule.and(page.locator('[data-paused="false"]')).waitFor();
    await schedule.getByRole('button', { name: 'Pause' }).click();
    await schedule.and(page.locator('[data-paused="true"]')).waitFor();
    await schedule.getByRole('button', { name: 'Resume' }).click();
    await schedule.and(page.locator('[data-paused="false"]')).waitFor();
    await screenshot(page, 'analytics-exports');

    // The Temporal Schedule would outlive the test: delete it through the API.
    const status = await page.evaluate(async (id) => {
      const token = (JSON.parse(localStorage.getItem('c360.session')!) as { accessToken: string })
        .accessToken;
      const headers = { Authorization: `Bearer ${token}` };
      const list = (await (await fetch(`/api/v1/segments/${id}/schedules`, { headers })).json()) as {
        items: { id: string }[];
      };
      const answers = await Promise.all(
        list.items.map((s) =>
          fetch(`/api/v1/segments/${id}/schedules/${s.id}`, { method: 'DELETE', headers }),
        ),
      );
      return answers.map((a) => a.status);
    }, segmentId);
    expect(status.every((code) => code < 300)).toBe(true);
    await page.context().close();
  });

  it('shows an agent only the areas the role may read', async () => {
    const page = await signIn(browser, stack.shellUrl, tenant, emailOf('agent'));
    expect(await page.getByRole('navigation').getByRole('link').allTextContents()).toEqual([
      'Customers',
      'Inbox',
    ]);
    await page.context().close();
  });

  it('switches to Arabic: right to left, mirrored header, Arabic formats, in the shell and the area', async () => {
    const page = await signIn(browser, stack.shellUrl, tenant, emailOf('marketer'));
    await openAnalytics(page);
    await page.getByTestId('kpi-customers').waitFor();
    const navBefore = await page.getByRole('navigation').boundingBox();
    await page.getByTestId('locale-switcher').selectOption('ar');
    await page.getByRole('heading', { name: 'التحليلات' }).waitFor();
    expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual([
      'rtl',
      'ar',
    ]);
    expect(await page.locator('.c360-area').getAttribute('dir')).toBe('rtl');
    // The navigation moved from the left half of the header to the right half.
    const navAfter = await page.getByRole('navigation').boundingBox();
    expect(navBefore!.x).toBeLessThan(640);
    expect(navAfter!.x + navAfter!.width).toBeGreaterThan(640);
    await page.getByTestId('kpi-customers').waitFor();
    // Arabic labels, and numbers formatted by the Arabic rules (bidi marks around sign and percent).
    const customers = await page.getByTestId('kpi-customers').textContent();
    expect(customers).toContain('العملاء');
    expect(customers).toMatch(/\u200e[+-][\d.]+\u200e%|لا توجد قيمة سابقة/);
    await screenshot(page, 'analytics-ar');
    // The choice is remembered across a reload.
    await page.reload();
    await page.getByRole('heading', { name: 'التحليلات' }).waitFor();
    await page.context().close();
  });

  it('shows a clear message in the area of a remote that is down, and the rest keeps working', async () => {
    await stack.stopRemote('analytics');
    try {
      const page = await signIn(browser, stack.shellUrl, tenant, emailOf('manager'));
      await page.getByTestId('nav-analytics').click();
      const down = page.getByTestId('area-unavailable-analytics');
      await down.waitFor();
      expect(await down.textContent()).toContain('Analytics is unavailable right now.');
      await screenshot(page, 'analytics-down');
      // The shell still works: language switch, notifications bell, navigation.
      await page.getByTestId('locale-switcher').selectOption('fr');
      await page.getByText('Analyses est indisponible pour le moment.').waitFor();
      await page.getByTestId('notifications-bell').click();
      await page.getByRole('dialog', { name: 'Notifications' }).waitFor();
      await page.getByTestId('nav-customers').click();
      await page.waitForURL('**/customers');
      // Once the remote is back, going to the area again loads it.
      await stack.restartRemote('analytics');
      await page.getByTestId('nav-analytics').click();
      await page.getByTestId('analytics-app').waitFor();
      await page.context().close();
    } finally {
      await stack.restartRemote('analytics');
    }
  });
});
