import { z } from 'zod';

/**
 * Who is a VIP, as tenant data: the top N% of customers by CLV, carriers of a tag, or customers
 * whose lifetime value (historical spend) reaches an amount. A list means "any of these".
 */
export const vipConditionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('topPercentClv'), percent: z.number().gt(0).max(100) }),
  z.object({ kind: z.literal('tag'), tag: z.string().min(1) }),
  z.object({ kind: z.literal('minLifetimeValue'), amount: z.number().min(0) }),
]);
export type VipCondition = z.infer<typeof vipConditionSchema>;

export const vipRuleSchema = z.union([vipConditionSchema, z.array(vipConditionSchema).min(1)]);
export type VipRule = z.infer<typeof vipRuleSchema>;

/** Tenant-wide CLV cut-offs, one per `topPercentClv` percent in the rule (see `vipThresholds`). */
export type VipThresholds = { clvCutoffs: { percent: number; cutoff: number | null }[] };

/** What the customer is judged on. `clv` is the total CLV (historical + predicted). */
export type VipSubject = { tags: string[]; lifetimeValue: number; clv: number };

export type VipVerdict = { isVip: boolean; matched: VipCondition[] };

export const vipConditions = (rule: VipRule): VipCondition[] => (Array.isArray(rule) ? rule : [rule]);

/**
 * The CLV a customer needs to be in the top `percent`% of the population: the value of the
 * ceil(percent% × n)-th best customer (ties at the cut-off are in). Null for an empty population.
 */
export const topPercentCutoff = (population: number[], percent: number): number | null => {
  if (population.length === 0) return null;
  const sorted = [...population].sort((a, b) => b - a);
  const rank = Math.max(1, Math.ceil((percent / 100) * sorted.length));
  return sorted[rank - 1] ?? null;
};

/** Computes the population cut-offs the rule needs, from the tenant's customers' total CLVs. */
export const vipThresholds = (rule: VipRule, clvPopulation: number[]): VipThresholds => ({
  clvCutoffs: vipConditions(rule)
    .filter((c) => c.kind === 'topPercentClv')
    .map((c) => ({ percent: c.percent, cutoff: topPercentCutoff(clvPopulation, c.percent) })),
});

const matches = (c: VipCondition, subject: VipSubject, thresholds: VipThresholds): boolean => {
  switch (c.kind) {
    case 'tag':
      return subject.tags.includes(c.tag);
    case 'minLifetimeValue':
      return subject.lifetimeValue >= c.amount;
    case 'topPercentClv': {
      const cutoff = thresholds.clvCutoffs.find((t) => t.percent === c.percent)?.cutoff ?? null;
      // A customer who never bought is nobody's VIP, even in a tenant where nobody bought.
      return cutoff !== null && subject.clv > 0 && subject.clv >= cutoff;
    }
  }
};

/** Evaluates the rule: VIP when any condition matches; `matched` says which. */
export const evaluateVip = (rule: VipRule, subject: VipSubject, thresholds: VipThresholds): VipVerdict => {
  const matched = vipConditions(rule).filter((c) => matches(c, subject, thresholds));
  return { isVip: matched.length > 0, matched };
};
