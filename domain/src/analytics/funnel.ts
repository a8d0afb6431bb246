import { round } from './stats';

/**
 * A conversion funnel over ordered steps: a customer reaches step i when, after an occurrence of
 * step 0, the events of steps 1..i happen in that order within `windowMs` of that first step.
 * Counts can only fall along the funnel, since reaching step i means having reached step i − 1.
 */
export type FunnelEvent = { customerId: string; type: string; at: Date };
export type FunnelStep = {
  step: string;
  count: number;
  fromPrevious: number | null;
  fromFirst: number | null;
};

/** The deepest step (count of steps, 0..steps.length) one customer reaches. */
export const funnelDepth = (events: FunnelEvent[], steps: string[], windowMs: number): number => {
  const sorted = [...events].sort((a, b) => a.at.getTime() - b.at.getTime());
  let best = 0;
  sorted.forEach((start, i) => {
    if (start.type !== steps[0]) return;
    const deadline = start.at.getTime() + windowMs;
    let depth = 1;
    // Taking the earliest next step is never worse: it leaves the most events for the steps after.
    for (let j = i + 1; j < sorted.length && depth < steps.length; j++) {
      const e = sorted[j]!;
      if (e.at.getTime() > deadline) break;
      if (e.type === steps[depth]) depth++;
    }
    best = Math.max(best, depth);
  });
  return best;
};

export const funnel = (events: FunnelEvent[], steps: string[], windowMs: number): FunnelStep[] => {
  const byCustomer = new Map<string, FunnelEvent[]>();
  for (const e of events) byCustomer.set(e.customerId, [...(byCustomer.get(e.customerId) ?? []), e]);
  const depths = [...byCustomer.values()].map((list) => funnelDepth(list, steps, windowMs));
  const counts = steps.map((_, i) => depths.filter((d) => d > i).length);
  const first = counts[0] ?? 0;
  return steps.map((step, i) => {
    const count = counts[i]!;
    const previous = i === 0 ? null : counts[i - 1]!;
    return {
      step,
      count,
      fromPrevious: previous === null || previous === 0 ? null : round((count / previous) * 100, 1),
      fromFirst: first === 0 ? null : round((count / first) * 100, 1),
    };
  });
};
