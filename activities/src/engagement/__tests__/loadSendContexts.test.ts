import { randomUUID } from 'node:crypto';
import type { SendRequest } from '@c360/domain';
import { ChannelIdentity, Conversation, Customer, forTenant, useTestDatabase } from '@c360/store';
import { loadSendContext, loadSendContexts } from '../loadSendContext';
import { openSendSetup, type SendSetup } from './support/sendSetup';

/**
 * The set-based loader a campaign uses gives, for every customer, exactly what the single send
 * loads for it: same consent, zone, window, conversation and reachability.
 */
const db = useTestDatabase();
let s: SendSetup;
beforeAll(async () => {
  s = await openSendSetup(db.orm);
}, 60_000);
afterAll(async () => {
  await s?.close();
});

const em = () => forTenant(db.orm.em.fork(), s.tenantId);

it('gives each customer of a page the context the single loader gives', async () => {
  const optedIn = await s.customer({});
  const optedOut = await s.customer({ optedIn: false });
  const quiet = await s.customer({
    quietHours: { start: '22:00', end: '07:00', timeZone: 'Asia/Tokyo' },
    timeZone: 'Europe/Paris',
  });
  const window = await s.whatsappConversation(new Date(Date.now() - 3600_000));
  const windowCustomer = (await em().findOneOrFail(Conversation, { id: window.id })).customer.id;

  // No address on record, but a channel identity on each channel.
  const bare = em();
  const identified = bare.create(Customer, {
    tenant: s.tenantId,
    firstName: 'Ada',
    lastName: 'L',
    emails: [],
    phones: [],
    timeZone: 'Europe/Paris',
    language: 'fr',
  });
  bare.create(ChannelIdentity, {
    tenant: s.tenantId,
    customer: identified,
    channel: 'email',
    externalId: `ada-${randomUUID().slice(0, 6)}@example.test`,
  });
  // Nothing to reach them by.
  const unreachable = bare.create(Customer, {
    tenant: s.tenantId,
    firstName: 'No',
    lastName: 'Where',
    emails: [],
    phones: [],
    timeZone: 'UTC',
    language: 'en',
  });
  // Two email conversations: the latest message wins, as for a single send.
  const older = bare.create(Conversation, {
    tenant: s.tenantId,
    customer: optedIn.id,
    channel: 'email',
    lastMessageAt: new Date(Date.now() - 86_400_000),
    lastInboundAt: new Date(Date.now() - 86_400_000),
  });
  const latest = bare.create(Conversation, {
    tenant: s.tenantId,
    customer: optedIn.id,
    channel: 'email',
    lastMessageAt: new Date(Date.now() - 60_000),
    lastInboundAt: null,
  });
  await bare.flush();

  const missing = randomUUID();
  const ids = [optedIn.id, optedOut.id, quiet.id, windowCustomer, identified.id, unreachable.id, missing];
  for (const channel of ['email', 'whatsapp', 'instagram'] as const) {
    const many = await loadSendContexts(em(), s.tenantId, channel, ids);
    expect([...many.keys()].sort()).toEqual([...ids].sort());
    for (const customerId of ids) {
      const req: SendRequest = s.request(customerId, { channel });
      expect({ customerId, channel, ...many.get(customerId) }).toEqual({
        customerId,
        channel,
        ...(await loadSendContext(em(), req)),
      });
    }
  }

  // The facts themselves, so that two loaders agreeing on a wrong answer still fail.
  const email = await loadSendContexts(em(), s.tenantId, 'email', ids);
  expect(email.get(optedIn.id)).toMatchObject({ optedIn: true, reachable: true, conversationId: latest.id });
  expect(email.get(optedIn.id)?.conversationId).not.toBe(older.id);
  expect(email.get(optedOut.id)).toMatchObject({ optedIn: false, reachable: true });
  expect(email.get(quiet.id)).toMatchObject({ timeZone: 'Asia/Tokyo' });
  expect(email.get(identified.id)).toMatchObject({ reachable: true, conversationId: null });
  expect(email.get(unreachable.id)).toMatchObject({ reachable: false });
  expect(email.get(missing)).toMatchObject({ reachable: false, optedIn: false });
  const whatsapp = await loadSendContexts(em(), s.tenantId, 'whatsapp', ids);
  expect(whatsapp.get(windowCustomer)).toMatchObject({ conversationId: window.id, reachable: true });
  expect(whatsapp.get(windowCustomer)?.lastInboundAt).not.toBeNull();
});

it('reads only its own tenant', async () => {
  const mine = await s.customer({});
  const other = randomUUID();
  const contexts = await loadSendContexts(forTenant(db.orm.em.fork(), other), other, 'email', [mine.id]);
  expect(contexts.get(mine.id)).toMatchObject({ reachable: false, optedIn: false });
});
