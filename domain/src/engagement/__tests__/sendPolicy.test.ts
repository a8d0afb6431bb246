import { nextDaySlot, planSend, type SendPolicyInput } from '../sendPolicy';
import { readSendEngagementSettings } from '../engagementSettings';
import { sendWorkflowId } from '../sendRequest';

const at = (iso: string): Date => new Date(iso);
const base: SendPolicyInput = {
  now: at('2026-01-15T12:00:00Z'),
  notBefore: null,
  channel: 'email',
  contentType: 'email',
  purpose: 'marketing',
  optedIn: true,
  quietHours: { start: '22:00', end: '07:00', timeZone: 'Europe/Paris' },
  timeZone: 'Europe/Paris',
  lastInboundAt: null,
};

describe('planSend', () => {
  it('sends now when nothing holds it', () => {
    expect(planSend(base)).toEqual({ kind: 'send', at: base.now, localDay: '2026-01-15', heldBy: null });
  });

  it('refuses marketing without opt-in; service does not need it', () => {
    expect(planSend({ ...base, optedIn: false })).toEqual({ kind: 'skip', reason: 'not_opted_in' });
    expect(planSend({ ...base, optedIn: false, purpose: 'service' })).toMatchObject({ kind: 'send' });
  });

  it('holds until the end of quiet hours for both purposes, and counts the send on that day', () => {
    const now = at('2026-01-15T22:30:00Z'); // 23:30 Paris
    for (const purpose of ['marketing', 'service'] as const)
      expect(planSend({ ...base, now, purpose })).toEqual({
        kind: 'send',
        at: at('2026-01-16T06:00:00Z'),
        localDay: '2026-01-16',
        heldBy: 'quiet_hours',
      });
  });

  it('waits for notBefore, then for quiet hours when notBefore falls in them', () => {
    expect(planSend({ ...base, notBefore: at('2026-01-15T15:00:00Z') })).toMatchObject({
      at: at('2026-01-15T15:00:00Z'),
      heldBy: 'not_before',
    });
    expect(planSend({ ...base, notBefore: at('2026-01-15T23:00:00Z') })).toMatchObject({
      at: at('2026-01-16T06:00:00Z'),
      heldBy: 'quiet_hours',
    });
    // A past notBefore is now.
    expect(planSend({ ...base, notBefore: at('2026-01-01T00:00:00Z') })).toMatchObject({ at: base.now });
  });

  it('lets free-form WhatsApp go only inside the window at the moment it would go; templates always', () => {
    const wa = { ...base, channel: 'whatsapp' as const, contentType: 'text' as const };
    expect(planSend({ ...wa, lastInboundAt: null })).toEqual({ kind: 'skip', reason: 'window_closed' });
    expect(planSend({ ...wa, lastInboundAt: at('2026-01-14T11:00:00Z') })).toEqual({
      kind: 'skip',
      reason: 'window_closed',
    });
    expect(planSend({ ...wa, lastInboundAt: at('2026-01-15T11:00:00Z') })).toMatchObject({ kind: 'send' });
    expect(planSend({ ...wa, contentType: 'flow', lastInboundAt: null })).toMatchObject({
      reason: 'window_closed',
    });
    expect(planSend({ ...wa, contentType: 'template', lastInboundAt: null })).toMatchObject({ kind: 'send' });
    // Open now, but quiet hours push the send past the window's close: refused, not sent late.
    expect(
      planSend({ ...wa, now: at('2026-01-15T22:30:00Z'), lastInboundAt: at('2026-01-15T00:00:00Z') }),
    ).toEqual({ kind: 'skip', reason: 'window_closed' });
  });

  it('without quiet hours, sends at once and counts the day in the given zone', () => {
    expect(
      planSend({ ...base, quietHours: null, now: at('2026-01-15T23:30:00Z'), timeZone: 'Asia/Tokyo' }),
    ).toMatchObject({ at: at('2026-01-15T23:30:00Z'), localDay: '2026-01-16' });
  });
});

describe('nextDaySlot', () => {
  it("is the first allowed moment of the customer's next day", () => {
    const q = base.quietHours;
    expect(nextDaySlot(at('2026-01-15T12:00:00Z'), q, 'Europe/Paris')).toEqual({
      at: at('2026-01-16T06:00:00Z'),
      localDay: '2026-01-16',
    });
    expect(nextDaySlot(at('2026-01-15T12:00:00Z'), null, 'Europe/Paris')).toEqual({
      at: at('2026-01-15T23:00:00Z'),
      localDay: '2026-01-16',
    });
  });
});

describe('engagement settings and ids', () => {
  it('fills defaults and falls back on a malformed value', () => {
    expect(readSendEngagementSettings({})).toEqual({
      frequencyCapPerDay: 3,
      maxDeferralDays: 14,
    });
    expect(readSendEngagementSettings({ engagement: { frequencyCapPerDay: 1 } }).frequencyCapPerDay).toBe(1);
    expect(readSendEngagementSettings({ engagement: { frequencyCapPerDay: -4 } }).frequencyCapPerDay).toBe(3);
  });

  it('builds the send id from the business event', () => {
    expect(
      sendWorkflowId({
        tenantId: 't',
        customerId: 'c',
        source: { kind: 'survey', id: 's1' },
        step: 'invite',
      }),
    ).toBe('send:t:survey:s1:c:invite');
  });
});
