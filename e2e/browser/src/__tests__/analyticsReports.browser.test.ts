import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Role } from '@c360/domain';
import type { RunningSandbox } from '@c360/sandbox';
import { DEMO_LOGINS, useTestDatabase } from '@c360/store';
import { launchChromium } from '@c360/mfe-kit/test';
import { indexTenantCustomers, lateChannels } from '../support/areaServices';
import { screenshot, signIn } from '../support/browserSession';
import { openDashboardStack, ROOT, type DashboardStack } from '../support/dashboardStack';

/**
 * The analytics area's reports in Debian's chromium, through the shell, against the real API and
 * a real worker: a report run as PDF and CSV (written by the report workflow, then downloaded),
 * and a report schedule (a Temporal Schedule) paused, resumed, run at once and deleted.
 */
jest.setTimeout(120_000);

const db = useTestDatabase();
const channels = lateChannels();
let stack: DashboardStack;
let browser: Browser;
let sandbox: RunningSandbox;
let tenant: string;

const emailOf = (role: Role) => {
  const login = DEMO_LOGINS.find((l) => l.tenant === tenant && l.role === role);
  if (!login) throw new Error(`no demo login for ${role} in ${tenant}`);
  return login.email;
};

beforeAll(async () => {
  [stack, browser] = await Promise.all([
    openDashboardStack(db.orm, db.url, { appDeps: channels.appDeps, worker: true }),
    launchChromium(),
  ]);
  tenant = stack.seeded.tenants[0]!.slug;
  // The customer list report reads the search index: this file indexes its tenant itself rather
  // than count on another browser test having done it first.
  expect(
    await indexTenantCustomers(db.orm, stack.search, stack.indexPrefix, stack.seeded.tenants[0]!.id),
  ).toBeGreaterThan(0);
  sandbox = await channels.start(db.orm, stack.apiOrigin);
  await stack.startWorker(channels.deps());
  const version = (
    JSON.parse(readFileSync(join(ROOT, 'mfe-analytics', 'package.json'), 'utf8')) as { version: string }
  ).version;
  await stack.serveRemote('analytics', join(ROOT, 'mfe-analytics', 'dist'), version);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await stack?.close();
  await sandbox?.close();
});

const openReports = async (role: Role): Promise<Page> => {
  const page = await signIn(browser, stack.shellUrl, tenant, emailOf(role));
  await page.getByTestId('nav-analytics').click();
  await page.waitForURL('**/analytics');
  await page.getByTestId('analytics-app').waitFor();
  return page;
};

describe('analytics reports in a real browser', () => {
  it('runs a report as PDF and as CSV, follows each until its file is written, and downloads it', async () => {
    const page = await openReports('manager');
    const reports = page.getByTestId('reports');
    await reports.getByRole('button', { name: 'Export report (PDF)' }).click();
    const pdfRun = reports.locator('[data-testid="report-run"][data-format="pdf"]');
    await pdfRun.and(page.locator('[data-status="done"]')).waitFor({ timeout: 30_000 });
    const pdfDownload = page.waitForEvent('download');
    await pdfRun.getByRole('button', { name: 'Download PDF' }).click();
    const pdf = readFileSync((await (await pdfDownload).path())!);
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    await reports.getByTestId('report-template').selectOption('customer_list');
    await reports.getByRole('button', { name: 'Export report (CSV)' }).click();
    const csvRun = reports.locator('[data-testid="report-run"][data-format="csv"]');
    await csvRun.and(page.locator('[data-status="done"]')).waitFor({ timeout: 30_000 });
    const rows = Number(/\((\d+) rows?\)/.exec((await csvRun.textContent()) ?? '')?.[1]);
    const csvDownload = page.waitForEvent('download');
    await csvRun.getByRole('button', { name: 'Download CSV' }).click();
    const csv = readFileSync((await (await csvDownload).path())!, 'utf8')
      .trim()
      .split(/\r?\n/);
    expect(csv[0]).toContain('email');
    expect(csv).toHaveLength(rows + 1);
    await screenshot(page, 'analytics-reports');
    await page.context().close();
  });

  it('schedules a report, pauses and resumes it, runs it now and deletes it', async () => {
    const page = await openReports('manager');
    const schedules = page.getByTestId('report-schedules');
    await schedules.getByLabel('Schedule name').fill('Weekly overview (browser)');
    await schedules.getByLabel('Time zone', { exact: false }).fill('Europe/Paris');
    await schedules.getByRole('button', { name: 'Schedule report' }).click();
    const schedule = schedules
      .getByTestId('report-schedule')
      .filter({ hasText: 'Weekly overview (browser)' });
    await schedule.and(page.locator('[data-paused="false"]')).waitFor();
    expect(await schedule.textContent()).toContain('0 8 * * MON');
    expect(await schedule.textContent()).toContain('(Europe/Paris)');
    await schedule.getByRole('button', { name: 'Pause' }).click();
    await schedule.and(page.locator('[data-paused="true"]')).waitFor();
    await schedule.getByRole('button', { name: 'Resume' }).click();
    await schedule.and(page.locator('[data-paused="false"]')).waitFor();
    await schedule.getByRole('button', { name: 'Run now' }).click();
    await schedules
      .getByRole('status')
      .filter({ hasText: 'A run of “Weekly overview (browser)” started.' })
      .waitFor();
    await screenshot(page, 'analytics-report-schedules');
    await schedule.getByRole('button', { name: 'Delete' }).click();
    await schedule.waitFor({ state: 'detached' });
    await page.context().close();
  });

  it('shows no report buttons to a marketer (reports are for managers and admins)', async () => {
    const page = await openReports('marketer');
    await page.getByTestId('kpis').waitFor();
    expect(await page.getByTestId('reports').count()).toBe(0);
    await page.context().close();
  });
});
