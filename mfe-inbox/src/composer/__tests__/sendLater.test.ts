import { fromLocalInput, scheduleBody, scheduledSummary, toLocalInput } from '../sendLater';

describe('send later', () => {
  it('schedules the planned reply at a time or at the end of quiet hours, without a comment visibility', () => {
    const body = { text: 'Hello', commentVisibility: 'private' as const };
    expect(scheduleBody(body, { atQuietHoursEnd: true })).toEqual({ text: 'Hello', atQuietHoursEnd: true });
    expect(
      scheduleBody({ text: 'Hi', subject: 'Re: x' }, { sendAt: new Date('2026-03-02T08:00:00Z') }),
    ).toEqual({
      text: 'Hi',
      subject: 'Re: x',
      sendAt: '2026-03-02T08:00:00.000Z',
    });
  });

  it('reads a datetime-local value in the agent’s zone and writes one back', () => {
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('tomorrow')).toBeNull();
    const date = fromLocalInput('2026-03-02T09:30');
    expect(date).not.toBeNull();
    expect(toLocalInput(date!)).toBe('2026-03-02T09:30');
  });

  it('summarises a scheduled reply by its subject, text or template', () => {
    expect(scheduledSummary({ type: 'email', subject: 'About your order', text: 'Hello' })).toBe(
      'About your order',
    );
    expect(scheduledSummary({ type: 'template', name: 'order_update' })).toBe('order_update');
    expect(scheduledSummary({ type: 'text', text: 'x'.repeat(100) })).toHaveLength(80);
    expect(scheduledSummary({ type: 'text', text: '', assetId: 'a1' })).toBe('📎');
    expect(scheduledSummary({ type: 'text', text: 'Your coupon', assetId: 'a1' })).toBe('📎 Your coupon');
  });
});
