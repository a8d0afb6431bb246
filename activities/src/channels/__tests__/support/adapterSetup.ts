import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { startSandbox, type RunningSandbox } from '@c360/sandbox';
import { ChannelAccount, Conversation, Customer, forTenant, Template, Tenant } from '@c360/store';
import type { ChannelActivities } from '@c360/workflows';
import { createGraphClient } from '../../graphClient';
import { createChannelActivities } from '../../createChannelActivities';
import type { RetrySettings } from '../../withRetries';
import type { ChannelAssets } from '../../channelAssets';

// Sandbox answers are read field by field in expectations.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyJson = any;

export type AdapterSetup = {
  sandbox: RunningSandbox;
  tenantId: string;
  activities: ChannelActivities;
  sleeps: number[];
  control: (method: string, path: string, body?: unknown) => Promise<{ status: number; json: AnyJson }>;
  /** A WhatsApp conversation whose customer last wrote `lastInboundAt` (null: never). */
  whatsappConversation: (lastInboundAt: Date | null) => Promise<{ id: string; waId: string }>;
  instagramConversation: (key: string) => Promise<{ id: string; customerId: string }>;
  close: () => Promise<void>;
};

/** A sandbox without webhooks (nothing listens) and a tenant owning its accounts and the sandbox's templates. */
export const openAdapterSetup = async (
  orm: MikroORM,
  retry: RetrySettings,
  clock: () => Date = () => new Date(),
  options: { smtpPool?: number; assets?: ChannelAssets } = {},
): Promise<AdapterSetup> => {
  const sandbox = await startSandbox({ C360_SANDBOX_AUTO_STATUSES: [], C360_SANDBOX_WEBHOOK_RETRY_MS: [] });
  const root = orm.em.fork();
  const tenant = root.create(Tenant, {
    name: 'Adapters',
    slug: `adapters-${randomUUID().slice(0, 8)}`,
    timeZone: 'UTC',
  });
  await root.flush();
  const em = forTenant(orm.em, tenant.id);
  em.create(ChannelAccount, {
    tenant: tenant.id,
    channel: 'whatsapp',
    externalAccountId: sandbox.accounts.whatsapp.phoneNumberId,
  });
  em.create(ChannelAccount, {
    tenant: tenant.id,
    channel: 'instagram',
    externalAccountId: sandbox.accounts.instagram.igUserId,
  });
  const template = (
    name: string,
    body: string,
    spec: Template['whatsappSpec'],
    approvalStatus: Template['approvalStatus'] = 'approved',
  ) =>
    em.create(Template, {
      tenant: tenant.id,
      name,
      channel: 'whatsapp',
      language: 'en_US',
      body,
      providerTemplateName: name,
      approvalStatus,
      whatsappSpec: spec,
      parameters: spec?.body.map((_, i) => String(i + 1)) ?? [],
    });
  template('order_update', 'Hi {{1}}, your order {{2}} has shipped and arrives on {{3}}.', {
    header: { format: 'text', parameters: 1 },
    body: ['text', 'text', 'text'],
    buttons: [],
  });
  template('invoice_ready', 'Hi {{1}}, your invoice {{2}} is attached.', {
    header: { format: 'document', parameters: 1 },
    body: ['text', 'text'],
    buttons: [{ index: 0, subType: 'url', parameters: 1 }],
  });
  template('promo_pending', 'Promo', { header: null, body: [], buttons: [] }, 'pending');
  await em.flush();

  const sleeps: number[] = [];
  const activities = createChannelActivities({
    orm,
    graph: createGraphClient({ baseUrl: sandbox.graphUrl, accessToken: sandbox.accessToken }),
    smtp: {
      host: sandbox.smtp.host,
      port: sandbox.smtp.port,
      secure: false,
      ...(options.smtpPool ? { pool: options.smtpPool } : {}),
    },
    retry,
    sleep: async (ms) => {
      sleeps.push(ms);
      await new Promise((resolve) => setTimeout(resolve, Math.min(ms, 20)));
    },
    clock,
    instagramProfileTtlMs: 60_000,
    ...(options.assets ? { assets: options.assets } : {}),
  });
  const control: AdapterSetup['control'] = async (method, path, body) => {
    const response = await fetch(`${sandbox.url}/_control${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, json: text ? (JSON.parse(text) as AnyJson) : null };
  };
  const customer = async (): Promise<Customer> => {
    const c = em.create(Customer, {
      tenant: tenant.id,
      firstName: 'Ada',
      lastName: 'L',
      timeZone: 'UTC',
      language: 'en',
    });
    await em.flush();
    return c;
  };
  return {
    sandbox,
    tenantId: tenant.id,
    activities,
    sleeps,
    control,
    whatsappConversation: async (lastInboundAt) => {
      const waId = `1555${Math.floor(1_000_000 + Math.random() * 8_999_999)}`;
      const c = em.create(Conversation, {
        tenant: tenant.id,
        customer: await customer(),
        channel: 'whatsapp',
        externalThreadId: waId,
        externalIds: { waId },
        lastInboundAt,
      });
      await em.flush();
      return { id: c.id, waId };
    },
    instagramConversation: async (key) => {
      const who = await customer();
      const c = em.create(Conversation, {
        tenant: tenant.id,
        customer: who,
        channel: 'instagram',
        externalThreadId: key,
      });
      await em.flush();
      return { id: c.id, customerId: who.id };
    },
    close: () => sandbox.close(),
  };
};
