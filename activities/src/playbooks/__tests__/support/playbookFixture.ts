import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Conversation, Customer, Deal, forTenant, Message, Segment, Tenant, Ticket, User } from '@c360/store';

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
};

/** One tenant with two managers, an agent, a customer with tickets and a conversation, and a segment. */
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
  const customer = em.create(Customer, {
    tenant: tenant.id,
    firstName: 'Vera',
    lastName: 'Playbook',
    timeZone: 'UTC',
    language: 'en',
    owner: agent,
  });
  const ticket = (subject: string, status: Ticket['status']) =>
    em.create(Ticket, {
      tenant: tenant.id,
      customer,
      subject,
      status,
      slaPolicy: 'standard',
      team: 'support',
    });
  const open = ticket('Where is my order?', 'open');
  const rated = ticket('Broken item', 'resolved');
  const conversation = em.create(Conversation, { tenant: tenant.id, customer, channel: 'email' });
  const segment = em.create(Segment, { tenant: tenant.id, name: 'Big spenders', definition: {} });
  await em.flush();
  return {
    tenantId: tenant.id,
    managerId: manager.id,
    otherManagerId: otherManager.id,
    agentId: agent.id,
    customerId: customer.id,
    segmentId: segment.id,
    openTicketId: open.id,
    ratedTicketId: rated.id,
    conversationId: conversation.id,
  } satisfies PlaybookFixture;
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
