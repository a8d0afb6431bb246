import { groupByMoment } from '../campaignPlan';

const at = (iso: string) => new Date(iso);

describe('groupByMoment', () => {
  it('sends members due now at once, not at the next minute, and never before anyone in the group is due', () => {
    const groups = groupByMoment([
      { customerId: 'a', at: at('2026-11-29T10:00:05.000Z') },
      { customerId: 'b', at: at('2026-11-29T10:00:20.000Z') },
      { customerId: 'c', at: at('2026-11-29T17:00:00.000Z') },
    ]);
    expect(groups).toEqual([
      { at: '2026-11-29T10:00:20.000Z', customerIds: ['a', 'b'] },
      { at: '2026-11-29T17:00:00.000Z', customerIds: ['c'] },
    ]);
  });

  it('orders groups earliest first and cuts them to the largest batch', () => {
    const members = Array.from({ length: 5 }, (_, i) => ({
      customerId: `m${i}`,
      at: at('2026-11-30T07:00:00Z'),
    }));
    const groups = groupByMoment([{ customerId: 'early', at: at('2026-11-29T07:00:00Z') }, ...members], {
      maxGroupSize: 2,
    });
    expect(groups.map((g) => g.customerIds)).toEqual([['early'], ['m0', 'm1'], ['m2', 'm3'], ['m4']]);
    expect(groups.map((g) => g.at)).toEqual([
      '2026-11-29T07:00:00.000Z',
      '2026-11-30T07:00:00.000Z',
      '2026-11-30T07:00:00.000Z',
      '2026-11-30T07:00:00.000Z',
    ]);
  });
});
