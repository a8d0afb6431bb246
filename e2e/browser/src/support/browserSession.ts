import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '@c360/store';
import { ROOT } from './dashboardStack';

/** Where screenshots of the main pages are kept (CI keeps `artifacts/` as test artifacts). */
export const ARTIFACTS = join(ROOT, 'artifacts', 'browser');

export const screenshot = async (page: Page, name: string): Promise<void> => {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
};

/** A fresh browser context signed in through the shell's login form. */
export const signIn = async (
  browser: Browser,
  shellUrl: string,
  tenant: string,
  email: string,
): Promise<Page> => {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  // The page's own errors end up in the test's failure message, not lost in the browser.
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('requestfailed', (request) =>
    problems.push(`failed: ${request.url()} ${request.failure()?.errorText}`),
  );
  await page.goto(`${shellUrl}/`);
  await page.waitForURL('**/login');
  await page.getByLabel('Workspace').fill(tenant);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  const signedIn = page.getByTestId('current-user');
  const refused = page.getByRole('alert');
  await signedIn
    .or(refused)
    .first()
    .waitFor()
    .catch(async (error: unknown) => {
      await screenshot(page, 'sign-in-failed');
      throw new Error(`sign-in did not finish: ${String(error)} ${problems.join(' | ')}`);
    });
  if (!(await signedIn.isVisible())) {
    throw new Error(`sign-in failed: ${await refused.textContent()} ${problems.join(' | ')}`);
  }
  return page;
};
