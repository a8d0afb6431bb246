import { filterDays, reportParams, templateReady } from '../reportParams';

const filter = { from: '2026-03-01', to: '2026-03-07', segment: '', channel: '' as const };

describe('report parameters from the filters', () => {
  it('runs the analytics templates on the dates shown, with the segment and channel chosen', () => {
    expect(reportParams('analytics_overview', filter, 'run')).toEqual({
      from: '2026-03-01T00:00:00.000Z',
      to: '2026-03-08T00:00:00.000Z',
    });
    expect(reportParams('csat', { ...filter, segment: 'seg-1', channel: 'whatsapp' }, 'run')).toEqual({
      from: '2026-03-01T00:00:00.000Z',
      to: '2026-03-08T00:00:00.000Z',
      segmentId: 'seg-1',
      channel: 'whatsapp',
    });
  });

  it('schedules them on the same number of days before each run', () => {
    expect(filterDays(filter)).toBe(7);
    expect(reportParams('analytics_overview', filter, 'schedule')).toEqual({ rangeDays: 7 });
  });

  it('needs a segment for the segment members, and nothing for the customer list', () => {
    expect(templateReady('segment_members', filter)).toBe(false);
    expect(templateReady('segment_members', { ...filter, segment: 'seg-1' })).toBe(true);
    expect(reportParams('segment_members', { ...filter, segment: 'seg-1' }, 'run')).toEqual({
      segmentId: 'seg-1',
    });
    expect(reportParams('customer_list', { ...filter, segment: 'seg-1' }, 'schedule')).toEqual({});
    expect(templateReady('customer_list', filter)).toBe(true);
  });
});
