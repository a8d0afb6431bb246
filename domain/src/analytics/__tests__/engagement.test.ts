import fc from 'fast-check';
import { engagementScore } from '../engagement';

describe('engagement', () => {
  const settings = { saturation: 10, channels: ['whatsapp', 'instagram', 'email'] };

  it('weighs volume 70% and channel breadth 30%', () => {
    const e = engagementScore(
      [
        { channel: 'whatsapp', inbound: 4, outbound: 9, lastInboundAt: null },
        { channel: 'email', inbound: 2, outbound: 1, lastInboundAt: null },
        { channel: 'instagram', inbound: 0, outbound: 3, lastInboundAt: null },
      ],
      1,
      settings,
    );
    // 7 interactions / 10 → 0.7; 2 of 3 channels → 0.667; 100 × (0.49 + 0.2) = 69
    expect(e).toEqual({
      score: 69,
      interactions: 7,
      activeChannels: ['whatsapp', 'email'],
      volumePart: 0.7,
      breadthPart: 0.6667,
    });
    expect(engagementScore([], 0, settings).score).toBe(0);
  });

  it('property: stays within 0..100 and never falls when a customer writes more', () => {
    const stats = fc.array(
      fc.record({
        channel: fc.constantFrom('whatsapp', 'instagram', 'email', 'fax'),
        inbound: fc.nat(30),
        outbound: fc.nat(30),
        lastInboundAt: fc.constant(null),
      }),
      { maxLength: 5 },
    );
    fc.assert(
      fc.property(stats, fc.nat(5), fc.nat(10), (messages, surveys, extra) => {
        const base = engagementScore(messages, surveys, settings).score;
        const more = engagementScore(
          [...messages, { channel: 'whatsapp', inbound: extra, outbound: 0, lastInboundAt: null }],
          surveys,
          settings,
        ).score;
        expect(base >= 0 && base <= 100).toBe(true);
        expect(more).toBeGreaterThanOrEqual(base);
      }),
    );
  });
});
