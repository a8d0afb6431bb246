import { intervalFor, lastDays, toQuery } from '../analyticsFilter';

describe('analytics filter', () => {
  it('covers the last N days including today', () => {
    expect(lastDays(new Date('2026-06-15T09:30:00Z'), 30)).toEqual({
      from: '2026-05-17',
      to: '2026-06-15',
      segment: '',
      channel: '',
    });
  });

  it('asks the API for [first day, day after the last day) and only the chosen filters', () => {
    expect(toQuery({ from: '2026-05-17', to: '2026-06-15', segment: '', channel: '' })).toEqual({
      from: '2026-05-17T00:00:00.000Z',
      to: '2026-06-16T00:00:00.000Z',
    });
    expect(toQuery({ from: '2026-06-01', to: '2026-06-01', segment: 'seg-1', channel: 'whatsapp' })).toEqual({
      from: '2026-06-01T00:00:00.000Z',
      to: '2026-06-02T00:00:00.000Z',
      segment: 'seg-1',
      channel: 'whatsapp',
    });
  });

  it('picks buckets the API accepts: days up to 3 months, weeks up to a year, then months', () => {
    expect(intervalFor({ from: '2026-04-01', to: '2026-06-15', segment: '', channel: '' })).toBe('day');
    expect(intervalFor({ from: '2025-07-01', to: '2026-06-15', segment: '', channel: '' })).toBe('week');
    expect(intervalFor({ from: '2024-07-01', to: '2026-06-15', segment: '', channel: '' })).toBe('month');
  });
});
