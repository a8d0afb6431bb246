/**
 * Generated segment filters and customer documents for the membership benches, from a small
 * deterministic generator so that two runs compare the same work.
 */
import { randomUUID } from 'node:crypto';
import type { SegmentFilter } from '@c360/domain';
import type { CustomerDocument } from '@c360/store';

const DAY = 86_400_000;

let state = 42;
const rand = (): number => {
  state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
  return state / 2_147_483_648;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)]!;
const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));

const TAGS = ['gold', 'silver', 'wine', 'tea', 'newsletter', 'b2b', 'promo', 'vip-lounge', 'churned', 'beta'];
const LANGS = ['en', 'fr', 'de', 'ar', 'es'];
const STAGES = ['lead', 'customer', 'loyal', 'at_risk'];
const BANDS = ['low', 'medium', 'high'];

const leaf = (): SegmentFilter =>
  pick<() => SegmentFilter>([
    () => ({ field: 'tags', op: 'has', value: pick(TAGS) }),
    () => ({ field: 'tags', op: 'hasAny', value: [pick(TAGS), pick(TAGS)] }),
    () => ({ field: 'language', op: 'in', value: [pick(LANGS), pick(LANGS)] }),
    () => ({ field: 'lifecycleStage', op: 'eq', value: pick(STAGES) }),
    () => ({ field: 'vip', op: 'isTrue' }),
    () => ({ field: 'clv', op: 'gte', value: int(100, 5000) }),
    () => ({ field: 'churn.band', op: 'eq', value: pick(BANDS) }),
    () => ({ field: 'rfm.r', op: 'gte', value: int(1, 5) }),
    () => ({ field: 'ordersWon', op: 'between', value: [int(0, 3), int(4, 20)] }),
    () => ({ field: 'optedIn', op: 'has', value: pick(['whatsapp', 'email', 'sms']) }),
    () => ({ behaviour: 'orders', op: 'atLeast', count: int(1, 5), withinDays: pick([30, 90, 365]) }),
    () => ({ behaviour: 'noPurchase', withinDays: pick([30, 90, 180]) }),
    () => ({ behaviour: 'survey', kind: 'nps', op: 'lte', score: int(2, 6), withinDays: 365 }),
    () => ({ field: 'firstName', op: 'prefix', value: pick(['a', 'ma', 'jo', 'el']) }),
  ])();

export const filter = (): SegmentFilter => {
  const n = int(1, 4);
  if (n === 1) return leaf();
  const children = Array.from({ length: n }, () => (rand() < 0.2 ? { not: leaf() } : leaf()));
  return rand() < 0.7 ? { and: children } : { or: children };
};

export const document = (tenantId: string, now: number): CustomerDocument => {
  const orders = int(0, 12);
  const orderDates = Array.from({ length: orders }, () => new Date(now - int(1, 500) * DAY).toISOString())
    .sort()
    .reverse();
  const name = pick(['Ada', 'Marie', 'John', 'Elena', 'Omar', 'Yuki', 'Maya', 'Joel']);
  return {
    tenantId,
    customerId: randomUUID(),
    firstName: name,
    lastName: 'Bench',
    fullName: `${name} Bench`,
    emails: [`${name.toLowerCase()}@example.com`],
    phones: [],
    phoneDigits: [],
    tags: TAGS.filter(() => rand() < 0.25),
    language: pick(LANGS),
    timeZone: 'Europe/Paris',
    lifecycleStage: pick(STAGES),
    isVip: rand() < 0.1,
    ownerId: null,
    createdAt: new Date(now - int(1, 900) * DAY).toISOString(),
    updatedAt: new Date(now).toISOString(),
    preferences: {
      optedIn: ['whatsapp', 'email', 'sms'].filter(() => rand() < 0.4),
      language: null,
      hasQuietHours: rand() < 0.3,
      quietHoursTimeZone: null,
    },
    scores: {
      computedAt: new Date(now).toISOString(),
      rfm: {
        r: int(1, 5),
        f: int(1, 5),
        m: int(1, 5),
        label: 'champions',
        recencyDays: 30,
        frequency: orders,
        monetary: orders * 80,
      },
      clv: ((value: number) => ({ value, historical: value, predicted: 0 }))(int(0, 6000)),
      health: { score: int(0, 100), band: pick(BANDS) },
      churn: { probability: rand(), band: pick(BANDS) },
      engagement: 50,
      vip: false,
    },
    customFields: {},
    stats: {
      ordersWon: orders,
      revenueWon: orders * 80,
      lastOrderAt: orderDates[0] ?? null,
      openTickets: int(0, 2),
      slaBreaches: 0,
      messages: int(0, 30),
      lastMessageAt: new Date(now - int(1, 90) * DAY).toISOString(),
      lastActivityAt: null,
      nthLastOrderAt: Object.fromEntries(orderDates.map((d, i) => [`n${i + 1}`, d])),
    },
    surveys:
      rand() < 0.4
        ? [{ kind: 'nps', score: int(0, 10), answeredAt: new Date(now - int(1, 400) * DAY).toISOString() }]
        : [],
    indexedAt: new Date(now).toISOString(),
  };
};
