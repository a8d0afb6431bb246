import { listQuery, toggleChip } from '../listQuickFilters';

describe('customer list quick filters', () => {
  it('turns the search text and ticked chips into list query parameters', () => {
    expect(listQuery('  anna ', ['vip', 'optedInWhatsapp'], 2)).toEqual({
      q: 'anna',
      isVip: true,
      optedIn: 'whatsapp',
      page: 2,
      pageSize: 25,
    });
  });

  it('sends no q for blank text', () => {
    expect(listQuery('   ', [], 1)).toEqual({ page: 1, pageSize: 25 });
  });

  it('keeps only the last of two chips that set the same parameter', () => {
    expect(toggleChip(['vip', 'atRisk'], 'leads')).toEqual(['vip', 'leads']);
    expect(toggleChip(['optedInEmail'], 'optedInWhatsapp')).toEqual(['optedInWhatsapp']);
  });

  it('unticks a ticked chip', () => {
    expect(toggleChip(['vip', 'leads'], 'vip')).toEqual(['leads']);
  });
});
