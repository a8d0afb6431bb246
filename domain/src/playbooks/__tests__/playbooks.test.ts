import {
  defaultPlaybookSettings,
  describeFactorChanges,
  healthDrop,
  mayBeEngagement,
  mayStartOnEntry,
  nextEntryAllowedAt,
  playbookSettingsSchema,
  playbookWorkflowId,
} from '..';
import { healthFactorChanges } from '../../analytics/scoreEvents';
import type { HealthFactor } from '../../analytics/health';

const DAY = 86_400_000;
const SEGMENT = '7d3c6f0e-8a51-4d6b-9a38-2f1e5c0b9d11';

describe('playbook settings', () => {
  it('turns every playbook on by default, with parameters', () => {
    const s = defaultPlaybookSettings();
    expect(Object.values(s).every((p) => p.enabled)).toBe(true);
    expect(s.healthDrop.params).toEqual({ minDrop: 15, factorMinChange: 1 });
    expect(s.lowCsat.params).toEqual({ priority: 'high', teamLeadUserId: null, resolveWithinHours: 24 });
    expect(s.churnWinback.params.engagementWaitDays).toBe(7);
    expect(s.vip.params.welcome.content).toMatchObject({ type: 'email' });
    expect(s.segmentEntered.params.attachments).toEqual([]);
  });

  it('keeps what is given and defaults the rest', () => {
    const s = playbookSettingsSchema.parse({
      vip: { enabled: false },
      churnWinback: { params: { outcomeWaitDays: 3 } },
    });
    expect(s.vip.enabled).toBe(false);
    expect(s.vip.params.tag).toBe('VIP');
    expect(s.churnWinback).toMatchObject({
      enabled: true,
      params: { engagementWaitDays: 7, outcomeWaitDays: 3 },
    });
  });

  it('refuses bad parameters, naming the field', () => {
    const bad = playbookSettingsSchema.safeParse({
      healthDrop: { params: { minDrop: 0 } },
      lowCsat: { params: { teamLeadUserId: 'someone' } },
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.')).sort();
    expect(paths).toEqual(['healthDrop.params.minDrop', 'lowCsat.params.teamLeadUserId']);
  });

  it('attaches playbooks to segments, one per segment, and refuses a campaign (issue 7 is not built)', () => {
    const ok = playbookSettingsSchema.parse({
      segmentEntered: { params: { attachments: [{ segmentId: SEGMENT, playbook: 'vip' }] } },
    });
    expect(ok.segmentEntered.params.attachments).toEqual([
      { segmentId: SEGMENT, playbook: 'vip', reentry: { kind: 'never' } },
    ]);
    const twice = { segmentId: SEGMENT, playbook: 'vip' };
    expect(
      playbookSettingsSchema.safeParse({ segmentEntered: { params: { attachments: [twice, twice] } } })
        .success,
    ).toBe(false);
    expect(
      playbookSettingsSchema.safeParse({
        segmentEntered: { params: { attachments: [{ segmentId: SEGMENT, playbook: 'campaign' }] } },
      }).success,
    ).toBe(false);
  });
});

describe('health drop', () => {
  const params = { minDrop: 15, factorMinChange: 2 };
  const factor = (name: HealthFactor['name'], contribution: number): HealthFactor => ({
    name,
    raw: null,
    value: 0,
    weight: 0,
    contribution,
  });

  it('is a drop only when the score fell by at least the threshold', () => {
    expect(healthDrop({ score: 60, previousScore: 74 }, params)).toBeNull(); // 14
    expect(healthDrop({ score: 80, previousScore: 50 }, params)).toBeNull(); // a rise
    expect(healthDrop({ score: 30, previousScore: null }, params)).toBeNull(); // first score
    expect(healthDrop({ score: 59, previousScore: 74 }, params)).toMatchObject({ drop: 15 });
  });

  it('names the factors that moved past the minimum, largest first', () => {
    const changes = healthFactorChanges(
      [factor('recency', 25), factor('engagement', 20), factor('satisfaction', 10)],
      [factor('recency', 5), factor('engagement', 19), factor('satisfaction', 14)],
    );
    const drop = healthDrop({ score: 38, previousScore: 55, factorChanges: changes }, params)!;
    expect(drop.factors.map((f) => [f.name, f.change])).toEqual([
      ['recency', -20],
      ['satisfaction', 4],
    ]);
    expect(describeFactorChanges(drop.factors)).toBe('recency -20, satisfaction +4');
    expect(describeFactorChanges([])).toMatch(/no single factor/);
  });
});

describe('segment re-entry', () => {
  const at = new Date('2026-05-10T00:00:00Z');
  it('never: the first entry only', () => {
    expect(mayStartOnEntry({ kind: 'never' }, null, at)).toBe(true);
    expect(mayStartOnEntry({ kind: 'never' }, new Date(at.getTime() - 400 * DAY), at)).toBe(false);
    expect(nextEntryAllowedAt({ kind: 'never' }, at)).toBeNull();
  });
  it('afterDays: again once N days have passed since the last start', () => {
    const rule = { kind: 'afterDays' as const, days: 30 };
    expect(mayStartOnEntry(rule, new Date(at.getTime() - 29 * DAY), at)).toBe(false);
    expect(mayStartOnEntry(rule, new Date(at.getTime() - 30 * DAY), at)).toBe(true);
    expect(nextEntryAllowedAt(rule, at)).toEqual(new Date(at.getTime() + 30 * DAY));
  });
});

describe('engagement and ids', () => {
  it('hints engagement only for messages and new deals', () => {
    expect(mayBeEngagement(['message.created'])).toBe(true);
    expect(mayBeEngagement(['ticket.updated', 'deal.created'])).toBe(true);
    expect(mayBeEngagement(['ticket.created', 'customer.updated', 'deal.updated'])).toBe(false);
  });
  it('derives workflow ids from the business event', () => {
    expect(playbookWorkflowId('lowCsat', 't1', 'c1', 'resp-9')).toBe('playbook:lowCsat:t1:c1:resp-9');
  });
});
