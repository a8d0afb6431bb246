import fc from 'fast-check';
import { slaRisk, type SlaTicketFacts } from '../slaRisk';

const HOUR = 3_600_000;
const opened = new Date('2026-03-01T08:00:00Z');
const ticket = (over: Partial<SlaTicketFacts> = {}): SlaTicketFacts => ({
  createdAt: opened,
  firstResponseDueAt: new Date(opened.getTime() + 4 * HOUR),
  resolutionDueAt: new Date(opened.getTime() + 48 * HOUR),
  firstRespondedAt: null,
  firstResponseBreached: false,
  resolutionBreached: false,
  ...over,
});
const at = (hours: number) => new Date(opened.getTime() + hours * HOUR);
/** The SLA settings' default risk threshold: where the clock sends its `sla` notification. */
const RISK = 0.8;

describe('SLA risk badge', () => {
  it('is ok early in the first-response window and names that deadline', () => {
    expect(slaRisk(ticket(), at(1), RISK)).toEqual({
      badge: 'ok',
      deadline: 'first_response',
      dueAt: at(4),
      minutesLeft: 180,
    });
  });

  it("is at risk once the tenant's risk threshold of the window is used (4 h window at 80 %: from 3 h 12)", () => {
    expect(slaRisk(ticket(), at(3.1), RISK).badge).toBe('ok');
    expect(slaRisk(ticket(), at(3.2), RISK).badge).toBe('at_risk');
    expect(slaRisk(ticket(), at(3.5), RISK)).toMatchObject({ badge: 'at_risk', minutesLeft: 30 });
  });

  it('follows the tenant threshold: at 50 % the same ticket is at risk from 2 h', () => {
    expect(slaRisk(ticket(), at(1.9), 0.5).badge).toBe('ok');
    expect(slaRisk(ticket(), at(2), 0.5).badge).toBe('at_risk');
  });

  it('is breached when an unmet deadline has passed, with negative minutes left', () => {
    expect(slaRisk(ticket(), at(5), RISK)).toMatchObject({
      badge: 'breached',
      deadline: 'first_response',
      minutesLeft: -60,
    });
  });

  it('stops watching the first response once answered, and watches the resolution', () => {
    const answered = ticket({ firstRespondedAt: at(1) });
    expect(slaRisk(answered, at(5), RISK)).toMatchObject({
      badge: 'ok',
      deadline: 'resolution',
      minutesLeft: 43 * 60,
    });
    expect(slaRisk(answered, at(40), RISK)).toMatchObject({ badge: 'at_risk', deadline: 'resolution' });
  });

  it('stays breached once a breach flag is set, even with time left on the other deadline', () => {
    const late = ticket({ firstRespondedAt: at(6), firstResponseBreached: true });
    expect(slaRisk(late, at(7), RISK)).toMatchObject({ badge: 'breached', deadline: 'first_response' });
  });

  it('never says ok after a pending deadline has passed', () => {
    fc.assert(
      fc.property(fc.double({ min: 0, max: 100, noNaN: true }), (hours) => {
        const badge = slaRisk(ticket(), at(hours), RISK).badge;
        if (hours >= 4) expect(badge).toBe('breached');
        else if (hours * HOUR >= 4 * HOUR * RISK) expect(badge).toBe('at_risk');
        else expect(badge).toBe('ok');
      }),
    );
  });
});
