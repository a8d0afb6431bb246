import { fireEvent, screen, within } from '@testing-library/react';
import type { Campaign, Segment } from '../../api/types';
import { renderInArea } from '../../__tests__/support/renderInArea';
import { campaignCounts } from '../campaignCounts';
import { CampaignPanel } from '../CampaignPanel';
import { LaunchCampaignDialog } from '../LaunchCampaignDialog';

const segment: Segment = {
  id: '3f7c3c1e-0000-4000-8000-000000000001',
  name: 'VIP buyers',
  description: null,
  filter: { field: 'vip', op: 'isTrue' },
  count: 1234,
  countedAt: null,
  recomputing: false,
  updatedAt: '2026-03-01T10:00:00Z',
};

const campaign = (patch: Partial<Campaign>): Campaign => ({
  id: '3f7c3c1e-0000-4000-8000-000000000002',
  segmentId: segment.id,
  name: 'Spring',
  channel: 'whatsapp',
  purpose: 'marketing',
  status: 'running',
  workflowId: 'campaign-3f7c3c1e-0000-4000-8000-000000000002',
  createdAt: '2026-03-01T10:00:00Z',
  finishedAt: null,
  progress: null,
  report: null,
  ...patch,
});

describe('the launch dialog', () => {
  it('flags what is missing, then asks to confirm with the member count', () => {
    renderInArea(
      <LaunchCampaignDialog segment={segment} onLaunched={() => undefined} onClose={() => undefined} />,
    );
    const dialog = screen.getByRole('dialog', { name: 'Launch a campaign to “VIP buyers”' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Review' }));
    expect(screen.getByRole('alert').textContent).toBe('Fill in the highlighted fields.');
    expect(within(dialog).getByLabelText('Template name').getAttribute('aria-invalid')).toBe('true');
    expect(screen.queryByTestId('launch-confirm')).toBeNull();

    fireEvent.change(within(dialog).getByLabelText('Channel'), { target: { value: 'email' } });
    fireEvent.change(within(dialog).getByLabelText('Subject'), { target: { value: 'Spring offer' } });
    fireEvent.change(within(dialog).getByLabelText('Message'), { target: { value: 'Hello' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Review' }));
    const confirm = screen.getByTestId('launch-confirm');
    expect(confirm.textContent).toContain('Send to 1,234 members on E-mail?');
    expect(within(confirm).getByRole('button', { name: 'Launch now' })).toBeTruthy();
  });

  it('speaks French and Arabic', () => {
    renderInArea(
      <LaunchCampaignDialog segment={segment} onLaunched={() => undefined} onClose={() => undefined} />,
      {
        locale: 'fr',
      },
    );
    expect(screen.getByRole('button', { name: 'Vérifier' })).toBeTruthy();
  });
});

describe('the campaign panel', () => {
  it('shows the live progress while the campaign runs, with pause and cancel', () => {
    renderInArea(
      <CampaignPanel
        initial={campaign({
          progress: {
            phase: 'sending',
            members: 10,
            round: 1,
            pages: 1,
            sent: 4,
            skipped: 2,
            failed: 1,
            deferred: 3,
            holdingUntil: null,
          },
        })}
      />,
    );
    expect(screen.getByTestId('campaign-phase').textContent).toBe('sending');
    expect(screen.getByTestId('campaign-sent').textContent).toBe('4');
    expect(screen.getByTestId('campaign-deferred').textContent).toBe('3');
    expect(screen.getByRole('button', { name: 'Pause' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Cancel campaign' })).toBeTruthy();
  });

  it('shows the report of an ended campaign, every skip reason counted, and no controls', () => {
    const done = campaign({
      status: 'done',
      report: {
        members: 10,
        sent: 6,
        failed: 1,
        skipped: { opted_out: 2, quiet_hours: 1 },
        deferred: 0,
        pending: 0,
      },
    });
    expect(campaignCounts(done)).toMatchObject({
      phase: 'done',
      sent: 6,
      skipped: 3,
      failed: 1,
      ended: true,
    });
    renderInArea(<CampaignPanel initial={done} />, { locale: 'ar' });
    expect(screen.getByTestId('campaign-skipped').textContent).toBe('3');
    expect(screen.getByTestId('campaign-phase').textContent).toBe('انتهت');
    expect(screen.queryAllByRole('button')).toHaveLength(0);
  });

  it('offers resume for a paused campaign, as soon as its workflow says it is paused', () => {
    renderInArea(<CampaignPanel initial={campaign({ status: 'paused' })} />);
    expect(screen.getByTestId('campaign-phase').textContent).toBe('paused');
    expect(screen.getByRole('button', { name: 'Resume' })).toBeTruthy();
    const progress = { members: 1, round: 1, pages: 1, sent: 0, skipped: 0, failed: 0, deferred: 0 };
    const pausedByPhase = campaign({ progress: { ...progress, phase: 'paused', holdingUntil: null } });
    expect(campaignCounts(pausedByPhase).paused).toBe(true);
    expect(
      campaignCounts(campaign({ progress: { ...progress, phase: 'holding', holdingUntil: null } })).paused,
    ).toBe(false);
  });
});
