import fc from 'fast-check';
import { channelAnalytics, type ChannelConversation } from '../channels';

const t = (hhmm: string): Date => new Date(`2026-04-01T${hhmm}:00Z`);
const conv = (channel: string, responded: string | null, resolved: string | null): ChannelConversation => ({
  channel,
  startedAt: t('09:00'),
  firstResponseAt: responded ? t(responded) : null,
  resolvedAt: resolved ? t(resolved) : null,
});

describe('channel analytics', () => {
  it('gives volume, median first response and resolution, and CSAT per channel', () => {
    const stats = channelAnalytics(
      [
        conv('whatsapp', '09:10', '10:00'),
        conv('whatsapp', '09:20', null),
        conv('whatsapp', null, null),
        conv('email', '11:00', '13:00'),
      ],
      [
        { channel: 'whatsapp', kind: 'csat', score: 5 },
        { channel: 'whatsapp', kind: 'csat', score: 3 },
        { channel: 'whatsapp', kind: 'nps', score: 0 }, // NPS is not CSAT
        { channel: 'web', kind: 'csat', score: 4 },
      ],
    );
    expect(stats).toEqual([
      {
        channel: 'email',
        volume: 1,
        medianFirstResponseMinutes: 120,
        medianResolutionMinutes: 240,
        csat: null,
        csatAnswers: 0,
      },
      {
        channel: 'web',
        volume: 0,
        medianFirstResponseMinutes: null,
        medianResolutionMinutes: null,
        csat: 100,
        csatAnswers: 1,
      },
      {
        channel: 'whatsapp',
        volume: 3,
        medianFirstResponseMinutes: 15,
        medianResolutionMinutes: 60,
        csat: 50,
        csatAnswers: 2,
      },
    ]);
  });

  it('property: volumes add up to the conversations', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('whatsapp', 'email', 'instagram'), { maxLength: 50 }),
        (channels) => {
          const stats = channelAnalytics(
            channels.map((c) => conv(c, null, null)),
            [],
          );
          expect(stats.reduce((s, x) => s + x.volume, 0)).toBe(channels.length);
        },
      ),
    );
  });
});
