import {
  combineFilters,
  emptyGroup,
  fromFilter,
  newCondition,
  toFilter,
  updateNode,
  type GroupNode,
} from '../filterTree';

const group = (join: 'and' | 'or', children: GroupNode['children'], negate = false): GroupNode => ({
  kind: 'group',
  id: `g-${join}-${children.length}`,
  join,
  negate,
  children,
});
const cond = (field: string, op: string, value = '') => ({
  kind: 'cond' as const,
  id: `${field}-${op}`,
  field,
  op,
  value,
});

describe('segment builder tree', () => {
  it('has no filter while it holds no condition', () => {
    expect(toFilter(emptyGroup())).toBeNull();
    expect(toFilter(group('and', [group('or', [])]))).toBeNull();
  });

  it('writes nested groups in the filter language, with typed values', () => {
    const tree = group('and', [
      cond('vip', 'isTrue'),
      group('or', [cond('health.score', 'lt', '40'), cond('tags', 'hasAny', 'gold, silver')]),
      cond('lastOrderAt', 'withinLastDays', '30'),
      cond('revenueWon', 'between', '100,500'),
    ]);
    expect(toFilter(tree)).toEqual({
      and: [
        { field: 'vip', op: 'isTrue' },
        {
          or: [
            { field: 'health.score', op: 'lt', value: 40 },
            { field: 'tags', op: 'hasAny', value: ['gold', 'silver'] },
          ],
        },
        { field: 'lastOrderAt', op: 'withinLastDays', value: 30 },
        { field: 'revenueWon', op: 'between', value: [100, 500] },
      ],
    });
  });

  it('wraps a negated group in not, and unwraps a group of one', () => {
    expect(toFilter(group('and', [cond('vip', 'isTrue')]))).toEqual({ field: 'vip', op: 'isTrue' });
    expect(toFilter(group('or', [cond('vip', 'isTrue')], true))).toEqual({
      not: { field: 'vip', op: 'isTrue' },
    });
  });

  it('reads a saved filter back into the same filter, keeping parts it cannot edit', () => {
    const saved = {
      and: [
        { field: 'churn.band', op: 'eq', value: 'high' },
        {
          not: {
            or: [
              { field: 'optedIn', op: 'has', value: 'whatsapp' },
              { field: 'clv', op: 'gte', value: 500 },
            ],
          },
        },
        { behaviour: 'orders', op: 'atLeast', count: 3, withinDays: 90 },
      ],
    };
    expect(toFilter(fromFilter(saved))).toEqual(saved);
  });

  it('changes and removes a node anywhere in the tree without touching the old tree', () => {
    const inner = group('or', [cond('vip', 'isTrue'), cond('clv', 'gte', '10')]);
    const root = group('and', [inner]);
    const changed = updateNode(root, 'clv-gte', (n) => ({ ...n, value: '20' }) as typeof n);
    expect(toFilter(changed)).toEqual({
      or: [
        { field: 'vip', op: 'isTrue' },
        { field: 'clv', op: 'gte', value: 20 },
      ],
    });
    const removed = updateNode(changed, 'vip-isTrue', () => null);
    expect(toFilter(removed)).toEqual({ field: 'clv', op: 'gte', value: 20 });
    expect(toFilter(root)).toEqual({
      or: [
        { field: 'vip', op: 'isTrue' },
        { field: 'clv', op: 'gte', value: 10 },
      ],
    });
  });

  it('requires every part: quick filters and the tree combine with and', () => {
    const a = { field: 'vip', op: 'isTrue' };
    const b = { behaviour: 'noPurchase', withinDays: 90 };
    expect(combineFilters([])).toBeNull();
    expect(combineFilters([a])).toEqual(a);
    expect(combineFilters([a, b])).toEqual({ and: [a, b] });
    expect(newCondition().kind).toBe('cond');
  });
});
