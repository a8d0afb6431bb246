import { quietHoursState } from '../quietHours';

describe('quietHoursState', () => {
  const paris = { start: '21:00', end: '08:00', timeZone: 'Europe/Paris' };

  it('is not quiet without quiet hours or outside the window', () => {
    expect(quietHoursState(null, new Date('2026-03-02T12:00:00Z'))).toEqual({ inQuietHours: false });
    // 13:00 in Paris (UTC+1 in March before the change)
    expect(quietHoursState(paris, new Date('2026-03-02T12:00:00Z'))).toEqual({ inQuietHours: false });
  });

  it('is quiet in a window that crosses midnight, and ends at its end in the customer’s zone', () => {
    // 23:30 in Paris → quiet until 08:00 Paris = 07:00 UTC the next day.
    const state = quietHoursState(paris, new Date('2026-03-02T22:30:00Z'));
    expect(state).toEqual({ inQuietHours: true, endsAt: new Date('2026-03-03T07:00:00Z') });
    // 02:15 in Paris, after midnight.
    expect(quietHoursState(paris, new Date('2026-03-03T01:15:00Z'))).toEqual({
      inQuietHours: true,
      endsAt: new Date('2026-03-03T07:00:00Z'),
    });
  });

  it('handles a same-day window and its edges (start inside, end outside)', () => {
    const lunch = { start: '12:00', end: '14:00', timeZone: 'UTC' };
    expect(quietHoursState(lunch, new Date('2026-03-02T12:00:00Z')).inQuietHours).toBe(true);
    expect(quietHoursState(lunch, new Date('2026-03-02T13:59:00Z')).inQuietHours).toBe(true);
    expect(quietHoursState(lunch, new Date('2026-03-02T14:00:00Z')).inQuietHours).toBe(false);
  });
});
