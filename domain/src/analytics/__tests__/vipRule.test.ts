import fc from 'fast-check';
import { evaluateVip, topPercentCutoff, vipRuleSchema, vipThresholds, type VipRule } from '../vipRule';

const population = [100, 200, 300, 400, 500, 600, 700, 800, 900, 1000];

describe('VIP rule', () => {
  it('finds the CLV of the ceil(N% × n)-th best customer', () => {
    expect(topPercentCutoff(population, 20)).toBe(900);
    expect(topPercentCutoff(population, 5)).toBe(1000); // ceil(0.5) = 1 customer
    expect(topPercentCutoff(population, 100)).toBe(100);
    expect(topPercentCutoff([], 10)).toBeNull();
  });

  it('evaluates each kind of condition, and a list as any-of with the matches named', () => {
    const rule: VipRule = [
      { kind: 'topPercentClv', percent: 20 },
      { kind: 'tag', tag: 'vip' },
      { kind: 'minLifetimeValue', amount: 5000 },
    ];
    const t = vipThresholds(rule, population);
    expect(t).toEqual({ clvCutoffs: [{ percent: 20, cutoff: 900 }] });
    expect(evaluateVip(rule, { tags: [], lifetimeValue: 10, clv: 900 }, t)).toEqual({
      isVip: true,
      matched: [{ kind: 'topPercentClv', percent: 20 }],
    });
    expect(
      evaluateVip(rule, { tags: ['vip'], lifetimeValue: 6000, clv: 899 }, t).matched.map((m) => m.kind),
    ).toEqual(['tag', 'minLifetimeValue']);
    expect(evaluateVip(rule, { tags: ['gold'], lifetimeValue: 4999, clv: 899 }, t)).toEqual({
      isVip: false,
      matched: [],
    });
  });

  it('never makes a customer with no value a top-CLV VIP', () => {
    const rule: VipRule = { kind: 'topPercentClv', percent: 50 };
    const t = vipThresholds(rule, [0, 0, 0]);
    expect(evaluateVip(rule, { tags: [], lifetimeValue: 0, clv: 0 }, t).isVip).toBe(false);
  });

  it('is data: the schema accepts a condition or a list and names the bad field', () => {
    expect(vipRuleSchema.parse({ kind: 'tag', tag: 'vip' })).toEqual({ kind: 'tag', tag: 'vip' });
    expect(vipRuleSchema.safeParse([{ kind: 'minLifetimeValue', amount: 10 }]).success).toBe(true);
    const bad = vipRuleSchema.safeParse({ kind: 'topPercentClv', percent: 0 });
    expect(bad.success).toBe(false);
    expect(JSON.stringify(bad.error?.issues)).toContain('percent');
    expect(vipRuleSchema.safeParse({ kind: 'favourite' }).success).toBe(false);
    expect(vipRuleSchema.safeParse([]).success).toBe(false);
  });

  it('property: top N% makes at least ceil(N% × n) customers VIP, and only ties at the cut-off beyond that', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 200 }),
        fc.integer({ min: 1, max: 100 }),
        (clvs, percent) => {
          const rule: VipRule = { kind: 'topPercentClv', percent };
          const t = vipThresholds(rule, clvs);
          const vips = clvs.filter((clv) => evaluateVip(rule, { tags: [], lifetimeValue: 0, clv }, t).isVip);
          const wanted = Math.ceil((percent / 100) * clvs.length);
          const cutoff = t.clvCutoffs[0]!.cutoff!;
          expect(vips.length).toBeGreaterThanOrEqual(wanted);
          expect(clvs.filter((c) => c > cutoff).length).toBeLessThan(wanted);
        },
      ),
    );
  });
});
