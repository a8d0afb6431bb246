import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import {
  Asset,
  AuditLog,
  Call,
  Conversation,
  ConversionEvent,
  Customer,
  Deal,
  forTenant,
  KnowledgeArticle,
  KnowledgeView,
  Message,
  Segment,
  SegmentMembership,
  SurveyRequest,
  SurveyResponse,
  Tenant,
  Ticket,
  TimelineEvent,
} from '@c360/store';

const DAY = 86_400_000;
export const FIXTURE_AS_OF = new Date('2026-06-15T00:00:00Z');
export const daysAgo = (days: number): Date => new Date(FIXTURE_AS_OF.getTime() - days * DAY);

export type PrivacyCustomer = { id: string; email: string; phone: string; name: string };

export const createTenant = async (orm: MikroORM, label: string): Promise<string> => {
  const em = orm.em.fork();
  const slug = `${label}-${randomUUID().slice(0, 8)}`;
  const tenant = em.create(Tenant, { name: `Tenant ${slug}`, slug, timeZone: 'Europe/Paris' });
  await em.flush();
  return tenant.id;
};

/**
 * A customer with one record of every kind, aged so that retention rules of 30 days cut each
 * kind in two: per kind one record 10 days old and one 100 days old.
 */
export const createCustomerWithEverything = async (
  orm: MikroORM,
  tenantId: string,
  first: string,
  options: { attachmentKey?: string } = {},
): Promise<PrivacyCustomer> => {
  const em = forTenant(orm.em.fork(), tenantId);
  const tenant = tenantId;
  const tag = randomUUID().slice(0, 8);
  const email = `${first.toLowerCase()}.${tag}@example.com`;
  const phone = `+3361${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  const customer = em.create(Customer, {
    tenant,
    firstName: first,
    lastName: `Zed${tag}`,
    emails: [email],
    phones: [phone],
    timeZone: 'Europe/Paris',
    language: 'en',
    tags: ['vip'],
    lifecycleStage: 'customer',
    isVip: false,
    createdAt: daysAgo(400),
  });
  const ticket = (status: 'open' | 'resolved' | 'closed', age: number) =>
    em.create(Ticket, {
      tenant,
      customer,
      subject: `${status} ticket ${age}d, from ${email}`,
      status,
      priority: 'normal',
      slaPolicy: 'standard',
      createdAt: daysAgo(age + 1),
      resolvedAt: status === 'open' ? null : daysAgo(age),
      resolutionBreached: status !== 'open',
    });
  const oldClosed = ticket('closed', 100);
  ticket('resolved', 100);
  ticket('resolved', 10);
  ticket('open', 100);

  const conversation = em.create(Conversation, {
    tenant,
    customer,
    channel: 'email',
    ticket: oldClosed,
    lastMessageAt: daysAgo(10),
    createdAt: daysAgo(100),
  });
  let assetId: string | undefined;
  if (options.attachmentKey) {
    const asset = em.create(Asset, {
      tenant,
      fileName: 'passport.txt',
      contentType: 'text/plain',
      sizeBytes: 20,
      storageKey: options.attachmentKey,
    });
    assetId = asset.id;
  }
  for (const [age, direction] of [
    [100, 'inbound'],
    [99, 'outbound'],
    [10, 'inbound'],
  ] as const)
    em.create(Message, {
      tenant,
      conversation,
      channel: 'email',
      direction,
      body: `${direction} ${age}d: call me on ${phone} or write to ${email}`,
      html: `<p>${email}</p>`,
      attachments:
        assetId && age === 100
          ? [{ assetId, fileName: 'passport.txt', contentType: 'text/plain', size: 20 }]
          : [],
      deliveryStatus: direction === 'inbound' ? 'received' : 'delivered',
      sentAt: daysAgo(age),
      createdAt: daysAgo(age),
    });
  for (const age of [100, 10])
    em.create(Call, {
      tenant,
      customer,
      direction: 'inbound',
      durationSeconds: 120,
      transcript: `Caller ${first}: my number is ${phone}`,
      summary: `Call ${age}d`,
      actionItems: ['call back'],
      startedAt: daysAgo(age),
    });
  em.create(Deal, {
    tenant,
    customer,
    title: 'Order',
    amount: 100,
    currency: 'EUR',
    status: 'won',
    stage: 'closed_won',
    closedAt: daysAgo(50),
  });
  em.create(ConversionEvent, {
    tenant,
    customer,
    type: 'purchase',
    value: 100,
    currency: 'EUR',
    occurredAt: daysAgo(50),
    properties: { email },
  });
  const request = em.create(SurveyRequest, {
    tenant,
    customer,
    ticket: null,
    kind: 'nps',
    channel: 'email',
    token: randomUUID(),
    status: 'answered',
    sentAt: daysAgo(20),
    expiresAt: daysAgo(13),
  });
  em.create(SurveyResponse, {
    tenant,
    request,
    customer,
    kind: 'nps',
    score: 9,
    comment: `reach me at ${email}`,
    channel: 'email',
    answeredAt: daysAgo(19),
  });
  const article = em.create(KnowledgeArticle, {
    tenant,
    title: 'Returns',
    slug: `returns-${tag}`,
    body: 'How to return.',
    language: 'en',
  });
  em.create(KnowledgeView, { tenant, article, customer, viewedAt: daysAgo(5), durationSeconds: 30 });
  const segment = em.create(Segment, { tenant, name: `Fans ${tag}`, definition: { all: [] } });
  em.create(SegmentMembership, { tenant, segment, customer, enteredAt: daysAgo(30) });
  em.create(TimelineEvent, {
    tenant,
    customer,
    kind: 'vip_detected',
    title: `VIP: ${first}`,
    data: { email },
    occurredAt: daysAgo(3),
    dedupeKey: `vip-${customer.id}`,
  });
  for (const action of ['consent.granted', 'consent.revoked'])
    em.create(AuditLog, {
      tenant,
      actorType: 'customer',
      actorId: customer.id,
      action,
      entityType: 'customer',
      entityId: customer.id,
      before: null,
      after: { channel: 'email', address: email },
      reason: `asked by ${email}`,
      source: 'api',
    });
  await em.flush();
  return { id: customer.id, email, phone, name: `${first} Zed${tag}` };
};
