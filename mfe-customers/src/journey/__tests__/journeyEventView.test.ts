import type { JourneyEvent } from '../../api/types';
import { markerOf, sentimentOf, summaryOf } from '../journeyEventView';

const event = (kind: string, data: Record<string, unknown>): JourneyEvent => ({
  id: 'e1',
  at: '2026-03-01T10:00:00.000Z',
  stage: 'service',
  kind,
  data,
});

describe('journey event view', () => {
  it('marks tickets whose SLA was breached and purchases', () => {
    expect(markerOf(event('ticket_opened', { slaBreached: true }))).toBe('slaBreach');
    expect(markerOf(event('ticket_resolved', { slaBreached: false }))).toBeNull();
    expect(markerOf(event('conversion', { type: 'purchase', value: 10 }))).toBe('purchase');
    expect(markerOf(event('conversion', { type: 'signup' }))).toBeNull();
    expect(markerOf(event('timeline_event', { eventKind: 'sla_breach', title: 'SLA breached' }))).toBe(
      'slaBreach',
    );
    expect(markerOf(event('timeline_event', { eventKind: 'vip_detected', title: 'VIP' }))).toBeNull();
  });

  it('bands a message sentiment and has none before analysis', () => {
    expect(sentimentOf(event('message', { sentiment: -0.6 }))).toEqual({ score: -0.6, band: 'negative' });
    expect(sentimentOf(event('message', { sentiment: 0.1 }))).toEqual({ score: 0.1, band: 'neutral' });
    expect(sentimentOf(event('message', { sentiment: 0.8 }))).toEqual({ score: 0.8, band: 'positive' });
    expect(sentimentOf(event('message', { sentiment: null }))).toBeNull();
    expect(sentimentOf(event('call', { sentiment: 0.9 }))).toBeNull();
  });

  it('summarises each kind from its own fields', () => {
    expect(summaryOf(event('message', { channel: 'whatsapp', preview: 'Hello' }))).toBe('whatsapp · Hello');
    expect(summaryOf(event('conversion', { type: 'purchase', value: 42, currency: 'EUR' }))).toBe(
      'purchase 42 EUR',
    );
    expect(summaryOf(event('timeline_event', { eventKind: 'health_drop', title: 'Health fell to 40' }))).toBe(
      'Health fell to 40',
    );
    expect(summaryOf(event('survey_answered', { surveyKind: 'csat', score: 4, channel: 'email' }))).toBe(
      'csat · 4 · email',
    );
  });
});
