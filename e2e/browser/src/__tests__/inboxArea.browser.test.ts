import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { Role } from '@c360/domain';
import type { RunningSandbox } from '@c360/sandbox';
import { DEMO_LOGINS, DEMO_PASSWORD, useTestDatabase } from '@c360/store';
import { launchChromium } from '@c360/mfe-kit/test';
import {
  eventually,
  lateChannels,
  quietHoursNow,
  sandboxControl,
  signInStandalone,
} from '../support/areaServices';
import { screenshot, signIn } from '../support/browserSession';
import { openDashboardStack, ROOT, type DashboardStack } from '../support/dashboardStack';

/**
 * The inbox area in Debian's chromium, from its production build served alone against the real
 * API, with the channel sandbox standing in for WhatsApp, Instagram and e-mail: customers write
 * in, an agent opens each thread, inserts a template, previews it with the customer's variables
 * filled, sends it, and the sandbox receives exactly that.
 */
jest.setTimeout(120_000);

const db = useTestDatabase();
const channels = lateChannels();
let stack: DashboardStack;
let browser: Browser;
let sandbox: RunningSandbox;
let tenant: { id: string; slug: string };
let remoteUrl = '';

const versionOf = (pkg: string) =>
  (JSON.parse(readFileSync(join(ROOT, pkg, 'package.json'), 'utf8')) as { version: string }).version;

const emailOf = (role: Role) => {
  const login = DEMO_LOGINS.find((l) => l.tenant === tenant.slug && l.role === role);
  if (!login) throw new Error(`no demo login for ${role} in ${tenant.slug}`);
  return login.email;
};

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

type Conversation = { id: string; channel: string; customer: { firstName: string } };

/** Waits until the customer's message has become a conversation of the inbox. */
const conversationOf = async (channel: string, firstName: string): Promise<Conversation> => {
  const api = await apiAs('agent');
  return eventually(async () => {
    const { items } = await api<{ items: Conversation[] }>(
      `/inbox/conversations?channel=${channel}&pageSize=100`,
    );
    return items.find((c) => c.customer.firstName === firstName);
  });
};

/** The id of the customer a conversation is with. */
const customerOf = async (conversationId: string): Promise<string> => {
  const agent = await apiAs('agent');
  const thread = await agent<{ conversation: { customer: { id: string } } }>(
    `/inbox/conversations/${conversationId}`,
  );
  return thread.conversation.customer.id;
};

/** Makes it the customer's quiet hours now, for `hoursLeft` more hours. */
const quietNow = async (customerId: string, hoursLeft: number) => {
  const agent = await apiAs('agent');
  await agent(`/customers/${customerId}/preferences`, {
    method: 'POST',
    body: { quietHours: quietHoursNow(hoursLeft) },
  });
};

const openInbox = (): Promise<Page> =>
  signInStandalone(browser, remoteUrl, '/inbox', {
    tenant: tenant.slug,
    email: emailOf('agent'),
    password: DEMO_PASSWORD,
  });

/** Opens a conversation from the list, inserts a template, previews it and sends it. */
const replyWithTemplate = async (page: Page, conversation: Conversation, template: string) => {
  await page.getByRole('button', { name: 'Include closed' }).waitFor();
  await page.locator(`a[href="/inbox/${conversation.id}"]`).click();
  await page.getByTestId('thread').waitFor();
  const composer = page.getByTestId('composer');
  await composer
    .getByTestId('template-select')
    .locator('option', { hasText: template })
    .waitFor({ state: 'attached' });
  await composer.getByTestId('template-select').selectOption({ label: template });
  await composer.getByRole('button', { name: 'Preview' }).click();
  const preview = composer.getByTestId('reply-preview');
  await preview.waitFor();
  const text = (await preview.textContent()) ?? '';
  await composer.getByRole('button', { name: 'Send', exact: true }).click();
  await composer.getByRole('status').filter({ hasText: 'Sent.' }).waitFor();
  return text;
};

beforeAll(async () => {
  [stack, browser] = await Promise.all([
    openDashboardStack(db.orm, db.url, { appDeps: channels.appDeps, worker: true }),
    launchChromium(),
  ]);
  tenant = stack.seeded.tenants[0]!;
  sandbox = await channels.start(db.orm, stack.apiOrigin);
  // Replies sent later run on the send path's workflow, on a real worker.
  await stack.startWorker(channels.deps());
  remoteUrl = `http://127.0.0.1:${await stack.serveRemote('inbox', join(ROOT, 'mfe-inbox', 'dist'), versionOf('mfe-inbox'))}`;
  await stack.serveRemote('customers', join(ROOT, 'mfe-customers', 'dist'), versionOf('mfe-customers'));

  // Templates with variables from the allowlist, one per channel, as a manager curates them.
  const manager = await apiAs('manager');
  const templates = [
    {
      name: 'Parcel update (browser)',
      channel: 'whatsapp',
      body: 'Hello {{customer.firstName}}, your parcel left our warehouse today.',
    },
    {
      name: 'DM thanks (browser)',
      channel: 'instagram',
      body: 'Thanks for writing, {{customer.firstName}}! We are on it.',
    },
    {
      name: 'Mail follow-up (browser)',
      channel: 'email',
      subject: 'About your order, {{customer.firstName}}',
      body: 'Dear {{customer.firstName}},\n\nYour replacement is on its way.\n\n{{agent.name}}',
    },
  ];
  for (const t of templates) await manager('/replies/templates', { method: 'POST', body: t });
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await sandbox?.close();
  await stack?.close();
});

describe('the inbox area in a real browser', () => {
  it('shows the customer’s 360 summary beside the thread, from the customers area through the shell', async () => {
    await sandboxControl(sandbox, 'POST', '/whatsapp/inbound', {
      from: '33655509876',
      name: 'Sheila Summary',
      text: 'Hello from the shell test',
    });
    const conversation = await conversationOf('whatsapp', 'Sheila');
    const page = await signIn(browser, stack.shellUrl, tenant.slug, emailOf('agent'));
    await page.getByTestId('nav-inbox').click();
    await page.waitForURL('**/inbox');
    await page.locator(`a[href="/inbox/${conversation.id}"]`).click();
    await page.getByTestId('thread').waitFor();
    const summary = page.getByTestId('customer-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Sheila Summary');
    await screenshot(page, 'inbox-thread-with-summary');
    await summary.getByRole('button', { name: 'Open 360 profile' }).click();
    await page.waitForURL(`**/customers/*`);
    await page.getByTestId('health-card').waitFor();
    await page.context().close();
  });

  it('opens deep links directly and survives a reload on them', async () => {
    const conversation = await conversationOf('whatsapp', 'Sheila');
    const page = await signIn(browser, stack.shellUrl, tenant.slug, emailOf('agent'));
    // Typed into the address bar: the shell's server answers with index.html, the page's script loads from the root.
    await page.goto(`${stack.shellUrl}/inbox/${conversation.id}`);
    await page.getByTestId('thread').waitFor();
    await page.reload();
    await page.getByTestId('thread').waitFor();
    const profile = `${stack.shellUrl}/customers/${await customerOf(conversation.id)}/preferences`;
    await page.goto(profile);
    await page.getByTestId('optin-whatsapp').waitFor();
    await page.reload();
    await page.getByTestId('optin-whatsapp').waitFor();
    expect(page.url()).toBe(profile);
    await page.context().close();
  });

  it('replies on WhatsApp with a template whose variables were previewed, and the sandbox gets it', async () => {
    const phone = '33655501234';
    await sandboxControl(sandbox, 'POST', '/whatsapp/inbound', {
      from: phone,
      name: 'Wanda Browser',
      text: 'Where is my parcel?',
    });
    const conversation = await conversationOf('whatsapp', 'Wanda');
    const page = await openInbox();
    await page.locator(`a[href="/inbox/${conversation.id}"]`).click();
    const preview = await replyWithTemplate(page, conversation, 'Parcel update (browser)');
    expect(preview).toContain('Hello Wanda, your parcel left our warehouse today.');
    await page.getByTestId('message').filter({ hasText: 'your parcel left our warehouse' }).waitFor();
    await screenshot(page, 'inbox-whatsapp-thread');
    const sent = await sandboxControl<{ data: { request: { text?: { body: string } } }[] }>(
      sandbox,
      'GET',
      `/whatsapp/messages?to=${phone}`,
    );
    expect(sent.data.map((m) => m.request.text?.body)).toEqual([
      'Hello Wanda, your parcel left our warehouse today.',
    ]);
    await page.context().close();
  });

  it('schedules a reply for the end of the customer’s quiet hours, holds one sent in them, schedules another for later, and cancels one', async () => {
    const phone = '33655507777';
    await sandboxControl(sandbox, 'POST', '/whatsapp/inbound', {
      from: phone,
      name: 'Quentin Quiet',
      text: 'Can you call me tomorrow?',
    });
    const conversation = await conversationOf('whatsapp', 'Quentin');
    await quietNow(await customerOf(conversation.id), 2);
    const now = Date.now();
    const agent = await apiAs('agent');
    const check = await agent<{ quietHours: { endsAt: string } }>(
      `/inbox/conversations/${conversation.id}/compose-check`,
    );
    const page = await openInbox();
    await page.locator(`a[href="/inbox/${conversation.id}"]`).click();
    const composer = page.getByTestId('composer');
    const warning = composer.getByTestId('quiet-hours-warning');
    await warning.waitFor();
    await composer.getByRole('textbox', { name: 'Message' }).fill('We will call you at nine.');
    await composer.getByRole('button', { name: 'Preview' }).click();
    await composer.getByTestId('reply-preview').waitFor();
    await warning.getByRole('button', { name: 'Send at the end of quiet hours' }).click();
    await composer.getByRole('status').filter({ hasText: 'Scheduled for' }).waitFor();

    // "Send" in quiet hours goes through the send path's gate: held until they end, nothing sent now.
    await composer.getByRole('textbox', { name: 'Message' }).fill('Sent now, held for the morning.');
    await composer.getByRole('button', { name: 'Preview' }).click();
    await composer.getByTestId('reply-preview').waitFor();
    await composer.getByRole('button', { name: 'Send', exact: true }).click();
    await composer.getByRole('status').filter({ hasText: 'Held for the customer’s quiet hours' }).waitFor();

    await composer.getByRole('textbox', { name: 'Message' }).fill('A reminder for later.');
    await composer.getByRole('button', { name: 'Preview' }).click();
    await composer.getByTestId('reply-preview').waitFor();
    await composer.getByRole('button', { name: 'Send later…' }).click();
    const later = new Date(now + 20 * 3_600_000);
    const local = await page.evaluate((iso) => {
      const d = new Date(iso);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
    }, later.toISOString());
    await composer.getByLabel('Send at').fill(local);
    await composer.getByRole('button', { name: 'Schedule', exact: true }).click();

    const list = composer.getByTestId('scheduled-replies');
    await list.locator('[data-status="scheduled"]').nth(2).waitFor();
    await screenshot(page, 'inbox-scheduled-replies');
    const stored = await agent<{
      items: { id: string; sendAt: string; status: string; content: { text?: string } }[];
    }>(`/inbox/conversations/${conversation.id}/scheduled-replies`);
    expect(stored.items.map((r) => [r.content.text, r.status])).toEqual([
      ['We will call you at nine.', 'scheduled'],
      ['Sent now, held for the morning.', 'scheduled'],
      ['A reminder for later.', 'scheduled'],
    ]);
    // The end of quiet hours as the API computes it in the customer's zone; the other at the minute typed.
    const quietEnd = new Date(check.quietHours.endsAt).toISOString();
    expect(stored.items.slice(0, 2).map((r) => r.sendAt)).toEqual([quietEnd, quietEnd]);
    expect(new Date(stored.items[2]!.sendAt).getTime()).toBe(Math.floor(later.getTime() / 60_000) * 60_000);
    const sent = await sandboxControl<{ data: unknown[] }>(sandbox, 'GET', `/whatsapp/messages?to=${phone}`);
    expect(sent.data).toHaveLength(0);

    await list.getByTestId('scheduled-reply').nth(2).getByRole('button', { name: 'Cancel' }).click();
    await list.locator('[data-status="cancelled"]').waitFor();
    const after = await agent<{ items: { status: string }[] }>(
      `/inbox/conversations/${conversation.id}/scheduled-replies`,
    );
    expect(after.items.map((r) => r.status)).toEqual(['scheduled', 'scheduled', 'cancelled']);
    await page.context().close();
  });

  it('sends a survey about the conversation’s ticket, once', async () => {
    await sandboxControl(sandbox, 'POST', '/whatsapp/inbound', {
      from: '33655508888',
      name: 'Sally Survey',
      text: 'My issue is fixed, thanks.',
    });
    const conversation = await conversationOf('whatsapp', 'Sally');
    const agent = await apiAs('agent');
    await agent('/tickets', {
      method: 'POST',
      body: {
        customerId: await customerOf(conversation.id),
        subject: 'Fixed issue (browser)',
        conversationId: conversation.id,
      },
    });
    const page = await openInbox();
    await page.locator(`a[href="/inbox/${conversation.id}"]`).click();
    const header = page.getByTestId('thread');
    await header.getByRole('button', { name: 'Send survey' }).click();
    await page
      .getByTestId('survey-notice')
      .filter({ hasText: 'survey on its way to the customer.' })
      .waitFor();
    // A second click is refused while the first survey is open, and says why.
    await header.getByRole('button', { name: 'Send survey' }).click();
    await page.getByRole('alert').filter({ hasText: 'a survey of this ticket is still open' }).waitFor();
    await page.context().close();
  });

  it('replies to an Instagram DM, and the sandbox gets it', async () => {
    const dm = await sandboxControl<{ senderId: string }>(sandbox, 'POST', '/instagram/inbound', {
      from: { username: 'ingrid.browser', name: 'Ingrid Browser' },
      text: 'Do you ship to Lyon?',
    });
    // A DM carries no name: the new customer is named after the Instagram-scoped sender id.
    const conversation = await conversationOf('instagram', dm.senderId);
    const page = await openInbox();
    await page.getByRole('button', { name: 'Instagram', exact: true }).click();
    const preview = await replyWithTemplate(page, conversation, 'DM thanks (browser)');
    expect(preview).toContain(`Thanks for writing, ${dm.senderId}! We are on it.`);
    await page.getByTestId('instagram-kind').filter({ hasText: 'Direct message' }).first().waitFor();
    const sent = await sandboxControl<{ data: { recipientId: string; message?: { text?: string } }[] }>(
      sandbox,
      'GET',
      '/instagram/messages',
    );
    expect(sent.data.filter((m) => m.recipientId === dm.senderId).map((m) => m.message?.text)).toEqual([
      `Thanks for writing, ${dm.senderId}! We are on it.`,
    ]);
    await page.context().close();
  });

  it('shows an e-mail with its quoted history folded, and replies by e-mail', async () => {
    await sandboxControl(sandbox, 'POST', '/email/inbound', {
      from: 'emma.browser@example.test',
      to: ['support@acme.test'],
      subject: 'Broken vase',
      text: 'The vase arrived broken.\n\nOn Mon, 2 Mar 2026, Acme Retail Support wrote:\n> Your order has shipped.',
    });
    // Named after the address's local part, the only name the mail gave.
    const conversation = await conversationOf('email', 'emma.browser');
    const page = await openInbox();
    await page.locator(`a[href="/inbox/${conversation.id}"]`).click();
    const quoted = page.getByTestId('quoted-history').first();
    await quoted.waitFor();
    expect(await quoted.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await page.getByText('The vase arrived broken.').waitFor();
    await screenshot(page, 'inbox-email-thread');

    const preview = await replyWithTemplate(page, conversation, 'Mail follow-up (browser)');
    expect(preview).toContain('Dear emma.browser,');
    const mail = await eventually(async () => {
      const { data } = await sandboxControl<{ data: { subject: string | null; to: string[] }[] }>(
        sandbox,
        'GET',
        `/mail?to=${encodeURIComponent('emma.browser@example.test')}`,
      );
      return data[0];
    });
    expect(mail.subject).toBe('Re: Broken vase');
    await page.context().close();
  });

  it('quick-sends an asset by WhatsApp, Instagram and e-mail, and each arrives in the sandbox intact', async () => {
    const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    const png = randomBytes(4096);
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(3000)]);
    const phone = '33655503333';
    await sandboxControl(sandbox, 'POST', '/whatsapp/inbound', {
      from: phone,
      name: 'Astrid Asset',
      text: 'Can I see the shoe?',
    });
    const wa = await conversationOf('whatsapp', 'Astrid');
    const dm = await sandboxControl<{ senderId: string }>(sandbox, 'POST', '/instagram/inbound', {
      from: { username: 'arno.asset', name: 'Arno Asset' },
      text: 'Menu please',
    });
    const ig = await conversationOf('instagram', dm.senderId);
    await sandboxControl(sandbox, 'POST', '/email/inbound', {
      from: 'alba.asset@example.test',
      to: ['support@acme.test'],
      subject: 'Menu by mail',
      text: 'Could you mail me the menu?',
    });
    const mail = await conversationOf('email', 'alba.asset');

    const page = await openInbox();
    /** Opens the conversation, picks (or uploads) the asset, adds text, previews and sends. */
    const sendWithAsset = async (
      conversationId: string,
      pick: { upload: { name: string; mimeType: string; buffer: Buffer } } | { choose: string },
      text: string,
    ) => {
      await page.locator(`a[href="/inbox/${conversationId}"]`).click();
      await page.getByTestId('thread').waitFor();
      const composer = page.getByTestId('composer');
      const picker = composer.getByTestId('asset-picker');
      if (!(await picker.evaluate((d) => (d as HTMLDetailsElement).open)))
        await picker.locator('summary').click();
      if ('upload' in pick) await picker.getByTestId('asset-upload').setInputFiles(pick.upload);
      else
        await picker
          .locator(`[data-testid="asset-option"][data-file-name="${pick.choose}"]`)
          .getByRole('button', { name: 'Choose' })
          .click();
      const chosen = composer.getByTestId('chosen-asset');
      await chosen.waitFor();
      const shown = (await chosen.textContent()) ?? '';
      if (text) await composer.getByRole('textbox', { name: 'Message' }).fill(text);
      await composer.getByRole('button', { name: 'Preview' }).click();
      await composer.getByTestId('preview-asset').waitFor();
      await composer.getByRole('button', { name: 'Send', exact: true }).click();
      await composer.getByRole('status').filter({ hasText: 'Sent.' }).waitFor();
      return shown;
    };

    // WhatsApp: a new image uploaded from the composer, with a caption.
    const chosenShoe = await sendWithAsset(
      wa.id,
      { upload: { name: 'blue-shoe.png', mimeType: 'image/png', buffer: png } },
      'The blue one',
    );
    expect(chosenShoe).toContain('blue-shoe.png (image/png, 4 KB)');
    const attachment = page.getByTestId('attachment').filter({ hasText: 'blue-shoe.png' });
    await attachment.waitFor();
    expect(await attachment.textContent()).toContain('image/png, 4 KB');
    const href = await attachment.getByRole('link', { name: 'blue-shoe.png' }).getAttribute('href');
    expect(href).toContain('/api/v1/public/assets/');
    await screenshot(page, 'inbox-asset-sent');
    const waSent = await eventually(async () => {
      const { data } = await sandboxControl<{
        data: { type: string; request: { image?: { caption?: string } }; media?: { sha256: string } }[];
      }>(sandbox, 'GET', `/whatsapp/messages?to=${phone}`);
      return data[0]?.media ? data : undefined;
    });
    expect(waSent.map((m) => [m.type, m.request.image?.caption, m.media?.sha256])).toEqual([
      ['image', 'The blue one', sha256(png)],
    ]);

    // Instagram: a PDF uploaded, sent alone (a file attachment); e-mail: the same PDF chosen from the list.
    await sendWithAsset(
      ig.id,
      { upload: { name: 'menu.pdf', mimeType: 'application/pdf', buffer: pdf } },
      '',
    );
    const igSent = await sandboxControl<{
      data: { recipientId: string; message: { attachment?: { type: string } }; media?: { sha256: string } }[];
    }>(sandbox, 'GET', '/instagram/messages');
    expect(
      igSent.data
        .filter((m) => m.recipientId === dm.senderId)
        .map((m) => [m.message.attachment?.type, m.media?.sha256]),
    ).toEqual([['file', sha256(pdf)]]);

    await sendWithAsset(mail.id, { choose: 'menu.pdf' }, 'Here is our menu.');
    const mailed = await eventually(async () => {
      const { data } = await sandboxControl<{
        data: { attachments: { filename: string | null; sha256: string }[] }[];
      }>(sandbox, 'GET', `/mail?to=${encodeURIComponent('alba.asset@example.test')}`);
      return data[0];
    });
    expect(mailed.attachments.map((a) => [a.filename, a.sha256])).toEqual([['menu.pdf', sha256(pdf)]]);
    await page.context().close();
  });

  it('filters by channel and unread, and keeps the thread usable when the customer summary cannot load', async () => {
    const page = await openInbox();
    await page.getByRole('button', { name: 'E-mail', exact: true }).click();
    await page.getByTestId('conversation-item').first().waitFor();
    const channelsShown = await page
      .getByTestId('conversation-item')
      .evaluateAll((items) => items.map((i) => i.getAttribute('data-channel')));
    expect(new Set(channelsShown)).toEqual(new Set(['email']));
    await page.getByRole('button', { name: 'Unread', exact: true }).click();
    await page.waitForTimeout(500);
    const unread = await page
      .getByTestId('conversation-item')
      .evaluateAll((items) => items.map((i) => i.getAttribute('data-unread')));
    expect(unread.every((u) => u === 'true')).toBe(true);
    // Served alone there is no shell to load the customers area's summary through: only its box says so.
    await page.getByRole('button', { name: 'Unread', exact: true }).click();
    await page.getByTestId('conversation-item').first().locator('a').click();
    await page.getByTestId('summary-unavailable').waitFor();
    await page.getByTestId('composer').waitFor();
    await page.context().close();
  });
});
