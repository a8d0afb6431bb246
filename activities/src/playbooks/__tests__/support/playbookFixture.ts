import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { MarketingPreferences } from '@c360/domain';
import {
  ChannelAccount,
  Conversation,
  Customer,
  Deal,
  forTenant,
  Message,
  Segment,
  Tenant,
  Ticket,
  User,
} from '@c360/store';

export type PlaybookFixture = {
  tenantId: string;
  managerId: string;
  otherManagerId: string;
  agentId: string;
  customerId: string;
  segmentId: string;
  /** A ticket of the customer, open at normal priority. */
  openTicketId: string;
  /** A resolved ticket of the customer (the one a survey rated). */
  ratedTicketId: string;
  conversationId: string;
  /** The customer's e-mail address (opted in to e-mail marketing): where the sandbox receives sends. */
  email: string;
};

/** Opted in to e-mail marketing, no quiet hours: a playbook's message goes out at once. */
const emailOptedIn: MarketingPreferences = {
  channels: { whatsapp: { optedIn: false }, email: { optedIn: true }, sms: { optedIn: false } },
  quietHours: null,
  language: 'en',
};

/**
 * One tenant with two managers, an agent, a customer with tickets and a conversation, and a
 * segment; the tenant sends e-mail from an account on the sandbox's SMTP server.
 */
export const createPlaybookFixture = async (orm: MikroORM, slug = `pb-${randomUUID().slice(0, 8)}`) => {
  const root = orm.em.fork();
  const tenant = root.create(Tenant, { name: 'Playbooks', slug, timeZone: 'UTC' });
  await root.flush();
  const em = forTenant(orm.em, tenant.id);
  const user = (email: string, roles: User['roles']) =>
    em.create(User, { tenant: tenant.id, email, name: email, passwordHash: 'x', roles });
  const manager = user('a-lead@example.test', ['manager']);
  const otherManager = user('b-manager@example.test', ['manager', 'agent']);
  const agent = user('agent@example.test', ['agent']);
  em.create(ChannelAccount, { tenant: tenant.id, channel: 'email', externalAccountId: `care@${slug}.test` });
  const segment = em.create(Segment, { tenant: tenant.id, name: 'Big spenders', definition: {} });
  await em.flush();
  const base = {
    tenantId: tenant.id,
    managerId: manager.id,
    otherManagerId: otherManager.id,
    agentId: agent.id,
    segmentId: segment.id,
  };
  return { ...base, ...(await addCustomer(orm, base)) } satisfies PlaybookFixture;
};

/**
 * Another customer of the fixture's tenant (owned by its agent), with an open and a resolved
 * ticket and an e-mail conversation: a test that counts what the sandbox received uses its own.
 */
export const addCustomer = async (
  orm: MikroORM,
  f: Pick<PlaybookFixture, 'tenantId' | 'agentId'>,
): Promise<
  Pick<PlaybookFixture, 'customerId' | 'openTicketId' | 'ratedTicketId' | 'conversationId' | 'email'>
> => {
  const em = forTenant(orm.em.fork(), f.tenantId);
  const email = `vera.${randomUUID().slice(0, 8)}@example.test`;
  const customer = em.create(Customer, {
    tenant: f.tenantId,
    firstName: 'Vera',
    lastName: 'Playbook',
    emails: [email],
    timeZone: 'UTC',
    language: 'en',
    owner: f.agentId,
    customFields: { marketingPreferences: emailOptedIn },
  });
  const ticket = (subject: string, status: Ticket['status']) =>
    em.create(Ticket, {
      tenant: f.tenantId,
      customer,
      subject,
      status,
      slaPolicy: 'standard',
      team: 'support',
    });
  const open = ticket('Where is my order?', 'open');
  const rated = ticket('Broken item', 'resolved');
  const conversation = em.create(Conversation, { tenant: f.tenantId, customer, channel: 'email' });
  await em.flush();
  return {
    customerId: customer.id,
    openTicketId: open.id,
    ratedTicketId: rated.id,
    conversationId: conversation.id,
    email,
  };
};

/** A message of the fixture's conversation, at `sentAt`. */
export const addMessage = async (
  orm: MikroORM,
  f: PlaybookFixture,
  direction: 'inbound' | 'outbound',
  sentAt: Date,
): Promise<void> => {
  const em = forTenant(orm.em, f.tenantId);
  em.create(Message, {
    tenant: f.tenantId,
    conversation: f.conversationId,
    channel: 'email',
    direction,
    body: direction === 'inbound' ? 'Hello again' : 'We miss you',
    deliveryStatus: direction === 'inbound' ? 'received' : 'sent',
    sentAt,
  });
  await em.flush();
};

/** A deal (an order) of the fixture's customer, created now. */
export const addDeal = async (orm: MikroORM, f: PlaybookFixture): Promise<void> => {
  const em = forTenant(orm.em, f.tenantId);
  em.create(Deal, {
    tenant: f.tenantId,
    customer: f.customerId,
    title: 'Comeback order',
    amount: 80,
    currency: 'EUR',
    status: 'open',
    stage: 'new',
  });
  await em.flush();
};
