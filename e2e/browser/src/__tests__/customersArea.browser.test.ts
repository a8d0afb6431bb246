import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  allRoutes,
  createDispatcher,
  createSegmentEvaluatorTracker,
  type OutboxRelay,
} from '@c360/activities';
import type { Role } from '@c360/domain';
import { DEMO_LOGINS, DEMO_PASSWORD, forTenant, Ticket, useTestDatabase } from '@c360/store';
import { launchChromium } from '@c360/mfe-kit/test';
import type { RunningSandbox } from '@c360/sandbox';
import {
  eventually,
  indexTenantCustomers,
  lateChannels,
  quietHoursNow,
  sandboxControl,
  signInStandalone,
  startRelay,
} from '../support/areaServices';
import { screenshot } from '../support/browserSession';
import { openDashboardStack, ROOT, type DashboardStack } from '../support/dashboardStack';

/**
 * The customers area in Debian's chromium, from its production build served alone against the
 * real API (as its dev server runs it), with the real search index and outbox relay: list and search, create a customer, the 360 with
 * a rescore, WhatsApp opt-out landing in the consent log, and a segment built, counted, saved and
 * exported as a CSV download.
 */
jest.setTimeout(120_000);

const db = useTestDatabase();
const channels = lateChannels();
let sandbox: RunningSandbox;
let stack: DashboardStack;
let browser: Browser;
let relay: OutboxRelay;
let tenant: { id: string; slug: string };

const version = (
  JSON.parse(readFileSync(join(ROOT, 'mfe-customers', 'package.json'), 'utf8')) as { version: string }
).version;

const emailOf = (role: Role) => {
  const login = DEMO_LOGINS.find((l) => l.tenant === tenant.slug && l.role === role);
  if (!login) throw new Error(`no demo login for ${role} in ${tenant.slug}`);
  return login.email;
};

/** The API as the given role (for checks beside what the page shows). */
const apiAs = async (role: Role) => {
  const login = await fetch(`${stack.apiOrigin}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenant: tenant.slug, email: emailOf(role), password: DEMO_PASSWORD }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  return async <T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> => {
    const response = await fetch(`${stack.apiOrigin}/api/v1${path}`, {
      method: init.method ?? 'GET',
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  };
};

let remoteUrl = '';

const tokenOf = async (role: Role): Promise<string> => {
  const login = await fetch(`${stack.apiOrigin}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenant: tenant.slug, email: emailOf(role), password: DEMO_PASSWORD }),
  });
  return ((await login.json()) as { accessToken: string }).accessToken;
};

type Api = Awaited<ReturnType<typeof apiAs>>;

/** A saved segment holding one customer (by e-mail), once the worker's recompute has counted it. */
const segmentOf = async (api: Api, name: string, email: string) => {
  const segment = await api<{ id: string; name: string }>('/segments', {
    method: 'POST',
    body: { name, description: null, filter: { field: 'email', op: 'eq', value: email } },
  });
  await eventually(async () => {
    const current = await api<{ count: number; recomputing: boolean }>(`/segments/${segment.id}`);
    return current.count === 1 && !current.recomputing;
  });
  return segment;
};

/** Signs in on the customers remote's own page and opens `path` of the area. */
const open = async (role: Role, path: string, locale: 'en' | 'fr' | 'ar' = 'en'): Promise<Page> => {
  const page = await signInStandalone(browser, remoteUrl, path, {
    tenant: tenant.slug,
    email: emailOf(role),
    password: DEMO_PASSWORD,
    locale,
  });
  await page.getByTestId('customers-area').waitFor();
  return page;
};

beforeAll(async () => {
  [stack, browser] = await Promise.all([
    openDashboardStack(db.orm, db.url, { appDeps: channels.appDeps, worker: true }),
    launchChromium(),
  ]);
  tenant = stack.seeded.tenants[0]!;
  // Segment recomputes, campaigns and data-subject requests run on a real worker, sending through the sandbox.
  sandbox = await channels.start(db.orm, stack.apiOrigin);
  await stack.startWorker(channels.deps());
  await indexTenantCustomers(db.orm, stack.search, stack.indexPrefix, tenant.id);
  relay = await startRelay(db.orm, db.url, stack.search, stack.indexPrefix);
  remoteUrl = `http://127.0.0.1:${await stack.serveRemote('customers', join(ROOT, 'mfe-customers', 'dist'), version)}`;
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await relay?.stop();
  await stack?.close();
  await sandbox?.close();
});

describe('the customers area in a real browser', () => {
  it('lists and searches customers, and narrows them with a quick filter', async () => {
    const page = await open('agent', '/customers');
    await page.getByTestId('customer-row').first().waitFor();
    expect(await page.getByTestId('customer-row').count()).toBe(25);
    await screenshot(page, 'customers-list');

    const api = await apiAs('agent');
    const vip = await api<{ total: number }>('/customers?isVip=true&pageSize=1');
    await page.getByRole('button', { name: 'VIP', exact: true }).click();
    const countText =
      vip.total === 0 ? 'No customer matches' : vip.total === 1 ? '1 customer' : `${vip.total} customers`;
    await page.getByText(countText, { exact: true }).waitFor();

    const first = (await api<{ items: { firstName: string; lastName: string }[] }>('/customers?pageSize=1'))
      .items[0]!;
    await page.getByRole('button', { name: 'VIP', exact: true }).click();
    await page.getByRole('searchbox').fill(`${first.firstName} ${first.lastName}`);
    await page
      .getByTestId('customer-row')
      .filter({ hasText: `${first.firstName} ${first.lastName}` })
      .first()
      .waitFor();
    await page.context().close();
  });

  it('creates a customer and opens its 360 profile; the relay makes it searchable', async () => {
    const page = await open('agent', '/customers');
    await page.getByRole('button', { name: 'New customer' }).click();
    await page.waitForURL('**/customers/new');
    await page.getByLabel('First name').fill('Zoé');
    await page.getByLabel('Last name').fill('Browsertest');
    await page.getByLabel('E-mails (comma-separated)').fill('zoe.browsertest@example.test');
    await page.getByLabel('Phones, E.164 (comma-separated)').fill('not a phone');
    await page.getByRole('button', { name: 'Save' }).click();
    // The API's 400 names the bad field, and nothing is created.
    await page.getByRole('alert').filter({ hasText: 'body.phones.0' }).waitFor();
    await page.getByLabel('Phones, E.164 (comma-separated)').fill('+33612345678');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('heading', { name: 'Zoé Browsertest' }).waitFor();
    expect(page.url()).toMatch(/\/customers\/[0-9a-f-]{36}$/);
    await page.getByTestId('health-card').waitFor();

    await page.getByRole('button', { name: 'Back to customers' }).click();
    await page.getByRole('searchbox').fill('Browsertest');
    await page
      .getByTestId('customer-row')
      .filter({ hasText: 'Zoé Browsertest' })
      .waitFor({ timeout: 20_000 });
    await page.context().close();
  });

  it('shows the 360 and redraws health and its factors from a rescore', async () => {
    const api = await apiAs('agent');
    const { items } = await api<{ items: { id: string }[] }>('/customers?sort=-revenueWon&pageSize=1');
    const customerId = items[0]!.id;
    const page = await open('agent', `/customers/${customerId}`);
    for (const card of ['orders-card', 'rfm-card', 'clv-card', 'csat-card', 'health-card', 'churn-card'])
      await page.getByTestId(card).waitFor();
    const before = await page.getByTestId('factor-points').allTextContents();
    await screenshot(page, 'customer-360');

    // Meanwhile three urgent tickets open for the customer and miss their first response.
    const em = forTenant(db.orm.em.fork(), tenant.id);
    for (const n of [1, 2, 3])
      em.create(Ticket, {
        tenant: tenant.id,
        customer: customerId,
        subject: `Browser test ticket ${n}`,
        status: 'open',
        priority: 'urgent',
        slaPolicy: 'standard',
        firstResponseDueAt: new Date(Date.now() - 3_600_000),
        firstResponseBreached: true,
      });
    await em.flush();

    const rescored = page.waitForResponse((r) =>
      r.url().endsWith(`/customers/${customerId}/health-score/rescore`),
    );
    await page.getByRole('button', { name: 'Rescore' }).click();
    const result = (await (await rescored).json()) as {
      changed: boolean;
      health: { score: number; factors: { name: string; contribution: number }[] };
    };
    await page
      .getByTestId('health-score')
      .filter({ hasText: String(result.health.score) })
      .waitFor();
    const after = await page.getByTestId('factor-points').allTextContents();
    expect(after).toEqual(result.health.factors.map((f) => `${f.contribution.toFixed(1)} pts`));
    expect(result.changed).toBe(true);
    expect(after).not.toEqual(before);
    const openTickets = result.health.factors.findIndex((f) => f.name === 'openTickets');
    expect(after[openTickets]).not.toBe(before[openTickets]);
    const stored = await api<{ health: { score: number } }>(`/customers/${customerId}/health-score`);
    expect(stored.health.score).toBe(result.health.score);
    await page.context().close();
  });

  it('records a WhatsApp opt-out in the consent log', async () => {
    const api = await apiAs('agent');
    const { items } = await api<{ items: { id: string }[] }>('/customers?optedIn=whatsapp&pageSize=1');
    const customerId = items[0]!.id;
    const page = await open('agent', `/customers/${customerId}/preferences`);
    const toggle = page.getByTestId('optin-whatsapp');
    await toggle.waitFor();
    expect(await toggle.isChecked()).toBe(true);
    await toggle.click();
    await page
      .locator('[data-testid="consent-entry"][data-channel="whatsapp"][data-granted="false"]')
      .first()
      .waitFor();
    expect(await toggle.isChecked()).toBe(false);
    const prefs = await api<{ preferences: { channels: { whatsapp: { optedIn: boolean } } } }>(
      `/customers/${customerId}/preferences`,
    );
    expect(prefs.preferences.channels.whatsapp.optedIn).toBe(false);
    const log = await api<{ items: { channel: string; granted: boolean; source: string }[] }>(
      `/customers/${customerId}/consent/logs`,
    );
    expect(log.items[0]).toMatchObject({ channel: 'whatsapp', granted: false, source: 'dashboard' });
    await screenshot(page, 'customer-preferences');
    await page.context().close();
  });

  it('builds a segment with a live count, saves it and downloads its CSV', async () => {
    const api = await apiAs('marketer');
    const page = await open('marketer', '/customers/segments');
    await page.getByRole('heading', { name: 'Segment builder' }).waitFor();

    await page.getByRole('button', { name: 'VIP', exact: true }).click();
    await page.getByRole('button', { name: 'Add condition' }).click();
    await page.getByRole('combobox', { name: 'Field' }).selectOption('ordersWon');
    await page.getByRole('combobox', { name: 'Operator' }).selectOption('gte');
    await page.getByRole('textbox', { name: 'Value' }).fill('1');
    const filter = {
      and: [
        { field: 'vip', op: 'isTrue' },
        { field: 'ordersWon', op: 'gte', value: 1 },
      ],
    };
    const expected = await api<{ count: number }>('/segments/preview', { method: 'POST', body: { filter } });
    await page
      .getByTestId('live-count')
      .filter({ hasText: new RegExp(`^${expected.count} customers? match`) })
      .waitFor();

    await page.getByRole('textbox', { name: 'Segment name' }).fill('VIP buyers (browser)');
    await page.getByRole('button', { name: 'Save segment' }).click();
    const card = page.getByTestId('segment-card').filter({ hasText: 'VIP buyers (browser)' });
    await card.waitFor();
    await screenshot(page, 'segment-builder');

    const download = page.waitForEvent('download');
    await card.getByRole('button', { name: 'Export CSV' }).click();
    const file = await download;
    const csv = readFileSync((await file.path())!, 'utf8');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toContain('email');
    expect(lines).toHaveLength(expected.count + 1);
    await page.context().close();
  });

  it('launches a campaign from a saved segment card, and a member who opted out of WhatsApp is skipped', async () => {
    const agent = await apiAs('agent');
    const marketer = await apiAs('marketer');
    const { items } = await agent<{ items: { id: string; emails: string[] }[] }>(
      '/customers?optedIn=whatsapp&pageSize=10',
    );
    const member = items.find((c) => c.emails.length > 0)!;
    await agent(`/customers/${member.id}/preferences`, {
      method: 'POST',
      body: { source: 'dashboard', channels: { whatsapp: { optedIn: false } } },
    });
    const segment = await segmentOf(marketer, 'Opted out of WhatsApp (browser)', member.emails[0]!);

    const page = await open('marketer', '/customers/segments');
    const card = page.getByTestId('segment-card').filter({ hasText: segment.name });
    await card.getByRole('button', { name: 'Launch campaign' }).click();
    const dialog = card.getByRole('dialog');
    await dialog.getByLabel('Template name').fill('order_update');
    await dialog.getByRole('button', { name: 'Review' }).click();
    await dialog.getByText('Send to 1 member on WhatsApp?').waitFor();
    await dialog.getByRole('button', { name: 'Launch now' }).click();

    const panel = card.getByTestId('campaign-panel');
    await panel.and(page.locator('[data-status="done"]')).waitFor({ timeout: 30_000 });
    expect(await panel.getByTestId('campaign-members').textContent()).toBe('1');
    expect(await panel.getByTestId('campaign-sent').textContent()).toBe('0');
    expect(await panel.getByTestId('campaign-skipped').textContent()).toBe('1');
    await screenshot(page, 'campaign-done');
    const campaign = await marketer<{ report: { skipped: Record<string, number> } }>(
      `/campaigns/${await panel.getAttribute('data-campaign-id')}`,
    );
    expect(campaign.report.skipped).toEqual({ not_opted_in: 1 });
    await page.context().close();
  });

  it('pauses, resumes and cancels a campaign held by the member’s quiet hours, on a page loaded again', async () => {
    const agent = await apiAs('agent');
    const marketer = await apiAs('marketer');
    const { items } = await agent<{ items: { id: string; emails: string[] }[] }>(
      '/customers?optedIn=email&sort=-createdAt&pageSize=5',
    );
    const member = items.find((c) => c.emails.length > 0)!;
    await agent(`/customers/${member.id}/preferences`, {
      method: 'POST',
      body: { source: 'dashboard', quietHours: quietHoursNow(1) },
    });
    const segment = await segmentOf(marketer, 'Quiet right now (browser)', member.emails[0]!);

    let page = await open('marketer', '/customers/segments');
    let card = page.getByTestId('segment-card').filter({ hasText: segment.name });
    await card.getByRole('button', { name: 'Launch campaign' }).click();
    const dialog = card.getByRole('dialog');
    await dialog.getByLabel('Channel').selectOption('email');
    await dialog.getByLabel('Subject', { exact: true }).fill('Spring offer');
    await dialog.getByLabel('Message', { exact: true }).fill('Ten percent off this week.');
    await dialog.getByRole('button', { name: 'Review' }).click();
    await dialog.getByRole('button', { name: 'Launch now' }).click();

    await card
      .getByTestId('campaign-panel')
      .getByTestId('campaign-phase')
      .filter({ hasText: 'waiting (quiet hours or daily cap)' })
      .waitFor({
        timeout: 30_000,
      });
    const campaignId = await card.getByTestId('campaign-panel').getAttribute('data-campaign-id');
    await page.context().close();

    // Loaded again: the card lists the segment's campaigns from the API, still controllable.
    page = await open('marketer', '/customers/segments');
    card = page.getByTestId('segment-card').filter({ hasText: segment.name });
    const panel = card.locator(`[data-testid="campaign-panel"][data-campaign-id="${campaignId}"]`);
    await panel
      .getByTestId('campaign-phase')
      .filter({ hasText: 'waiting (quiet hours or daily cap)' })
      .waitFor({ timeout: 30_000 });
    // Seeded users are named "<first> <last> (<role>)".
    expect(await panel.getByTestId('campaign-launched').textContent()).toMatch(
      /email · marketing · launched by .+ \(marketer\)/,
    );
    await panel.getByRole('button', { name: 'Pause' }).click();
    await panel.getByTestId('campaign-phase').filter({ hasText: 'paused' }).waitFor();
    expect((await marketer<{ status: string }>(`/campaigns/${campaignId}`)).status).toBe('paused');
    await panel.getByRole('button', { name: 'Resume' }).click();
    await panel.getByRole('button', { name: 'Pause' }).waitFor();
    expect((await marketer<{ status: string }>(`/campaigns/${campaignId}`)).status).toBe('running');
    await panel.getByRole('button', { name: 'Cancel campaign' }).click();
    await panel.and(page.locator('[data-status="cancelled"]')).waitFor({ timeout: 30_000 });
    expect(await panel.getByTestId('campaign-sent').textContent()).toBe('0');
    expect(await panel.getByTestId('campaign-skipped').textContent()).toBe('1');
    await page.context().close();
  });

  it('lets an admin export a customer’s data, download the archive from a page loaded again, then erase the customer', async () => {
    const admin = await apiAs('admin');
    const { items } = await admin<{ items: { id: string; firstName: string; emails: string[] }[] }>(
      '/customers?sort=createdAt&pageSize=1',
    );
    const customer = items[0]!;
    const asAgent = await open('agent', `/customers/${customer.id}`);
    await asAgent.getByTestId('health-card').waitFor();
    expect(await asAgent.getByTestId('dsr-panel').count()).toBe(0);
    await asAgent.context().close();

    let page = await open('admin', `/customers/${customer.id}`);
    let panel = page.getByTestId('dsr-panel');
    await panel.getByRole('button', { name: 'Export all data' }).click();
    await panel
      .locator('[data-testid="dsr-request"][data-kind="export"][data-status="COMPLETED"]')
      .waitFor({ timeout: 30_000 });
    await page.context().close();

    // Loaded again: the panel lists the customer's requests from the API, the archive still there.
    page = await open('admin', `/customers/${customer.id}`);
    panel = page.getByTestId('dsr-panel');
    const exported = panel.locator(
      '[data-testid="dsr-request"][data-kind="export"][data-status="COMPLETED"]',
    );
    await exported.waitFor();
    expect(await exported.textContent()).toMatch(/asked by .+ \(admin\)/);
    const download = page.waitForEvent('download');
    await exported.getByRole('button', { name: 'Download archive' }).click();
    const archive = readFileSync((await (await download).path())!, 'utf8');
    expect(archive).toContain(customer.id);
    expect(archive).toContain(customer.emails[0]!);

    await panel.getByRole('button', { name: 'Erase customer…' }).click();
    const erase = panel.getByRole('button', { name: 'Erase for good' });
    expect(await erase.isDisabled()).toBe(true);
    await panel.getByLabel('Type ERASE to confirm').fill('ERASE');
    await erase.click();
    await panel
      .locator('[data-testid="dsr-request"][data-kind="erase"][data-status="COMPLETED"]')
      .waitFor({ timeout: 30_000 });
    await panel.getByText('The customer is erased.', { exact: false }).waitFor();
    await screenshot(page, 'customer-erased');
    const gone = await fetch(`${stack.apiOrigin}/api/v1/customers/${customer.id}`, {
      headers: { authorization: `Bearer ${await tokenOf('admin')}` },
    });
    expect(gone.status).toBe(404);
    await page.context().close();
  });

  it('attaches an entry message on a segment card: a customer who then enters gets it in the sandbox; then it is removed', async () => {
    const admin = await apiAs('admin');
    const agent = await apiAs('agent');
    // From here the relay also tracks segment membership and starts the workflows of events, as the worker's does.
    await relay.stop();
    relay = await startRelay(db.orm, db.url, stack.search, stack.indexPrefix, {
      segments: createSegmentEvaluatorTracker(),
      dispatcher: createDispatcher({
        client: stack.temporal,
        routes: allRoutes,
        logger: { warn: () => undefined, error: () => undefined },
        taskQueue: stack.taskQueue,
      }),
    });
    const tag = `entry-${randomUUID().slice(0, 8)}`;
    const email = `${tag}@example.test`;
    const customer = await agent<{ id: string }>('/customers', {
      method: 'POST',
      body: { firstName: 'Entry', lastName: 'Browsertest', emails: [email] },
    });
    await agent(`/customers/${customer.id}/preferences`, {
      method: 'POST',
      body: { source: 'dashboard', channels: { email: { optedIn: true } } },
    });
    const segment = await admin<{ id: string; name: string }>('/segments', {
      method: 'POST',
      body: { name: `Tagged ${tag}`, description: null, filter: { field: 'tags', op: 'has', value: tag } },
    });
    await eventually(
      async () => !(await admin<{ recomputing: boolean }>(`/segments/${segment.id}`)).recomputing,
    );
    type Attachments = { segmentEntered: { params: { attachments: { segmentId: string }[] } } };
    const attachments = async () =>
      (await admin<Attachments>('/admin/playbooks')).segmentEntered.params.attachments;
    const attachmentOf = async (id = segment.id) => (await attachments()).find((a) => a.segmentId === id);
    // Another segment starts a playbook on entry: its card shows it, and the entry message keeps it.
    const withPlaybook = await admin<{ id: string; name: string }>('/segments', {
      method: 'POST',
      body: {
        name: `Playbook ${tag}`,
        description: null,
        filter: { field: 'tags', op: 'has', value: `${tag}-vip` },
      },
    });
    const playbook = { segmentId: withPlaybook.id, playbook: 'vip', reentry: { kind: 'never' } };
    await admin('/admin/playbooks/segmentEntered', {
      method: 'PUT',
      body: { enabled: true, params: { attachments: [...(await attachments()), playbook] } },
    });

    const page = await open('admin', '/customers/segments');
    const playbookCard = page.getByTestId('segment-card').filter({ hasText: withPlaybook.name });
    await playbookCard
      .getByTestId('entry-playbook')
      .filter({ hasText: 'starts the playbook “vip”' })
      .waitFor();
    expect(await playbookCard.getByRole('button', { name: 'Entry message', exact: true }).count()).toBe(0);
    const card = page.getByTestId('segment-card').filter({ hasText: segment.name });
    await card.getByRole('button', { name: 'Entry message', exact: true }).click();
    const form = card.getByTestId('entry-form');
    await form.getByLabel('Channel').selectOption('email');
    await form.getByLabel('Subject').fill(`Welcome ${tag}`);
    await form.getByLabel('Message').fill('Glad to have you with us.');
    await form.getByLabel('Purpose').selectOption('service');
    await form.getByRole('button', { name: 'Save entry message' }).click();
    await card
      .getByTestId('entry-summary')
      .filter({ hasText: `Welcome ${tag}` })
      .waitFor();
    expect(await card.getByTestId('entry-summary').textContent()).toContain('E-mail (Service)');
    expect(await attachmentOf()).toEqual({
      segmentId: segment.id,
      message: {
        channel: 'email',
        purpose: 'service',
        content: { type: 'email', subject: `Welcome ${tag}`, text: 'Glad to have you with us.' },
      },
      reentry: { kind: 'never' },
    });
    expect(await attachmentOf(withPlaybook.id)).toEqual(playbook);
    await screenshot(page, 'segment-entry-message');

    // The customer enters the segment through an API write; the relay raises segment.entered.
    await agent(`/customers/${customer.id}`, { method: 'PATCH', body: { tags: [tag] } });
    const delivered = await eventually(async () => {
      const { data } = await sandboxControl<{ data: { subject?: string }[] }>(
        sandbox,
        'GET',
        `/mail?to=${encodeURIComponent(email)}`,
      );
      return data.find((m) => m.subject === `Welcome ${tag}`);
    }, 60_000);
    expect(delivered).toBeTruthy();

    await card.getByRole('button', { name: 'Remove entry message' }).click();
    await card.getByRole('button', { name: 'Entry message', exact: true }).waitFor();
    expect(await card.getByTestId('entry-summary').count()).toBe(0);
    expect(await attachmentOf()).toBeUndefined();
    expect(await attachmentOf(withPlaybook.id)).toEqual(playbook);
    await admin('/admin/playbooks/segmentEntered', {
      method: 'PUT',
      body: {
        enabled: true,
        params: { attachments: (await attachments()).filter((a) => a.segmentId !== withPlaybook.id) },
      },
    });
    await page.context().close();
  });

  it('reads right to left in Arabic, in the area’s own words', async () => {
    const page = await open('agent', '/customers', 'ar');
    await page.getByRole('heading', { name: 'العملاء' }).waitFor();
    expect(await page.locator('.c360-area').first().getAttribute('dir')).toBe('rtl');
    await screenshot(page, 'customers-list-ar');
    await page.context().close();
  });
});
