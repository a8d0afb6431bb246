import type { TicketFact } from '../inputs';
import { serviceTimes } from '../serviceTimes';

describe('service times', () => {
  const at = (hhmm: string): Date => new Date(`2026-03-02T${hhmm}:00Z`);
  const ticket = (responded: string | null, resolved: string | null): TicketFact => ({
    status: resolved ? 'resolved' : 'open',
    createdAt: at('10:00'),
    firstRespondedAt: responded ? at(responded) : null,
    resolvedAt: resolved ? at(resolved) : null,
    firstResponseBreached: false,
    resolutionBreached: false,
  });

  it('gives the median and 90th percentile in minutes, over the tickets that have the timestamp', () => {
    const times = serviceTimes([
      ticket('10:30', '12:00'),
      ticket('11:00', null),
      ticket('12:00', '20:00'),
      ticket(null, null),
    ]);
    // first responses 30, 60, 120 → median 60, p90 at rank 1.8 → 60 + 0.8 × 60 = 108
    expect(times.firstResponse).toEqual({ count: 3, median: 60, p90: 108 });
    // resolutions 120, 600 → median 360, p90 = 120 + 0.9 × 480 = 552
    expect(times.resolution).toEqual({ count: 2, median: 360, p90: 552 });
    expect(serviceTimes([]).firstResponse).toEqual({ count: 0, median: null, p90: null });
  });
});
