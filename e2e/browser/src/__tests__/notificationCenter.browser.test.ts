import type { Browser } from 'playwright-core';
import { createNotificationActivities } from '@c360/activities';
import { DEMO_LOGINS, useTestDatabase } from '@c360/store';
import { launchChromium } from '@c360/mfe-kit/test';
import { openDashboardStack, type DashboardStack } from '../support/dashboardStack';
import { screenshot, signIn } from '../support/browserSession';

/**
 * The notification center in the browser, fed by the real notify activity (what workflows call):
 * the live stream brings the item and its toast, the list keeps read/unread, and the per-category
 * preference decides what toasts.
 */
jest.setTimeout(120_000);

const db = useTestDatabase();
let stack: DashboardStack;
let browser: Browser;

beforeAll(async () => {
  [stack, browser] = await Promise.all([
    openDashboardStack(db.orm, db.url, { customers: 5 }),
    launchChromium(),
  ]);
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await stack?.close();
});

it('shows a live notification as a toast and in the list, and keeps read and preferences', async () => {
  const tenant = stack.seeded.tenants[0]!;
  const email = DEMO_LOGINS.find((l) => l.tenant === tenant.slug && l.role === 'manager')!.email;
  const { notify } = createNotificationActivities({ orm: db.orm });
  const page = await signIn(browser, stack.shellUrl, tenant.slug, email);
  // The demo data may already hold some; count from what the page shows once loaded.
  await page.locator('[data-testid="notifications-bell"][data-loaded="true"]').waitFor();
  const unread = (n: number) =>
    page.getByTestId('notifications-unread').filter({ hasText: new RegExp(`^${n}$`) });
  const before = Number(await page.getByTestId('notifications-unread').textContent());

  // A VIP notification (VIP toasts by default) reaches the open page through the stream.
  await notify({
    tenantId: tenant.id,
    category: 'vip',
    audience: { roles: ['manager'] },
    title: 'Ada Lovelace became a VIP',
    link: '/customers',
    dedupeKey: 'browser-vip-1',
  });
  await page.getByTestId('toasts').getByText('Ada Lovelace became a VIP').waitFor();
  await unread(before + 1).waitFor();
  await screenshot(page, 'notification-toast');

  await page.getByTestId('notifications-bell').click();
  const item = page.getByTestId('notification-item').filter({ hasText: 'Ada Lovelace became a VIP' });
  expect(await item.getAttribute('data-unread')).toBe('true');
  await item.getByRole('button', { name: 'Mark as read' }).click();
  await unread(before).waitFor();
  expect(await item.getAttribute('data-unread')).toBeNull();

  // VIP in the list only: the next one arrives without a toast; the choice survives a reload.
  await page.getByRole('tab', { name: 'Preferences' }).click();
  const saved = page.waitForResponse(
    (r) => r.url().endsWith('/notifications/preferences') && r.request().method() === 'PUT' && r.ok(),
  );
  await page.getByRole('combobox', { name: 'VIP' }).selectOption('in_app');
  await saved;
  await notify({
    tenantId: tenant.id,
    category: 'vip',
    audience: { roles: ['manager'] },
    title: 'Grace Hopper became a VIP',
    dedupeKey: 'browser-vip-2',
  });
  await page.getByRole('tab', { name: 'All' }).click();
  await page.getByTestId('notification-item').filter({ hasText: 'Grace Hopper became a VIP' }).waitFor();
  expect(await page.getByTestId('toasts').getByText('Grace Hopper became a VIP').count()).toBe(0);
  await page.reload();
  await page.getByTestId('notifications-bell').click();
  await page.getByRole('tab', { name: 'Preferences' }).click();
  expect(await page.getByRole('combobox', { name: 'VIP' }).inputValue()).toBe('in_app');
  await page.context().close();
});
