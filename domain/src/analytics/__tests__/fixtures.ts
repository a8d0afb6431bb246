import type { CustomerFacts } from '../inputs';

/** One customer, hand-described; the numbers each test expects are worked out in that test. */
export const NOW = new Date('2026-06-30T00:00:00Z');
export const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

export const mixedCustomer: CustomerFacts = {
  deals: [
    { amount: 100, status: 'won', closedAt: day('2026-06-15') }, // 15 days ago: recent period
    { amount: 300, status: 'won', closedAt: day('2026-02-20') }, // 130 days ago: previous period
    { amount: 900, status: 'lost', closedAt: day('2026-06-01') },
  ],
  tickets: [
    {
      status: 'open',
      createdAt: day('2026-06-28'),
      firstRespondedAt: null,
      resolvedAt: null,
      firstResponseBreached: false,
      resolutionBreached: false,
    },
    {
      status: 'resolved',
      createdAt: day('2026-05-15'),
      firstRespondedAt: day('2026-05-15'),
      resolvedAt: day('2026-05-20'),
      firstResponseBreached: false,
      resolutionBreached: true,
    },
  ],
  surveys: [
    { kind: 'csat', score: 5, answeredAt: day('2026-06-01') },
    { kind: 'csat', score: 2, answeredAt: day('2026-05-01') },
    { kind: 'nps', score: 10, answeredAt: day('2026-06-10') },
    { kind: 'csat', score: 1, answeredAt: day('2025-01-01') }, // outside every window
  ],
  messages: [
    { channel: 'whatsapp', inbound: 4, outbound: 6, lastInboundAt: day('2026-06-25') },
    { channel: 'email', inbound: 1, outbound: 0, lastInboundAt: day('2026-06-05') },
  ],
  tags: ['wholesale'],
};
