import { useEffect, useState } from 'react';
import { FormattedMessage, FormattedNumber, useIntl } from 'react-intl';
import type { CampaignAction } from '../api/customersApi';
import type { Campaign } from '../api/types';
import { useArea } from '../area/AreaContext';
import { campaignCounts } from './campaignCounts';
import { campaignMessages as m, phaseMessages } from './campaignMessages';
import { ErrorNotice, card, muted, row } from '@c360/mfe-kit';

/** How often a running campaign's progress is read again. */
export const CAMPAIGN_POLL_MS = 1000;

/**
 * A launched campaign: its phase and counts (sent, deferred, skipped, failed), read from the
 * workflow's progress query while it runs and from its report once it ended, with pause, resume
 * and cancel while it runs.
 */
export const CampaignPanel = ({ initial }: { initial: Campaign }) => {
  const { api } = useArea();
  const intl = useIntl();
  const [campaign, setCampaign] = useState(initial);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const counts = campaignCounts(campaign);

  // Each answer carries the number of the request it answers: a poll sent before a pause must not
  // bring back the state from before it.
  const [asked, setAsked] = useState(0);
  useEffect(() => {
    if (counts.ended) return undefined;
    let stopped = false;
    const timer = setTimeout(() => {
      const at = asked;
      api.getCampaign(campaign.id).then(
        (next) => {
          if (stopped) return;
          setError(undefined);
          setCampaign(next);
        },
        (failure: unknown) => {
          if (stopped) return;
          // Shown, and asked again at the next tick.
          setError(failure);
          setAsked(at + 1);
        },
      );
    }, CAMPAIGN_POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [api, campaign, counts.ended, asked]);

  const control = async (action: CampaignAction) => {
    setBusy(true);
    setError(undefined);
    try {
      setCampaign(await api.controlCampaign(campaign.id, action));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const phase = phaseMessages[counts.phase as keyof typeof phaseMessages];
  const cells: [keyof typeof m, number][] = [
    ['members', counts.members],
    ['sent', counts.sent],
    ['deferred', counts.deferred],
    ['skipped', counts.skipped],
    ['failed', counts.failed],
  ];
  return (
    <section
      style={{ ...card, marginBlockStart: 8 }}
      data-testid="campaign-panel"
      data-status={campaign.status}
      data-campaign-id={campaign.id}
      aria-label={intl.formatMessage(m.panelTitle, { name: campaign.name })}
    >
      <strong>
        <FormattedMessage {...m.panelTitle} values={{ name: campaign.name }} />
      </strong>
      <div style={row}>
        <span style={muted}>
          <FormattedMessage {...m.phase} />
        </span>
        <span data-testid="campaign-phase" role="status">
          {phase ? intl.formatMessage(phase) : counts.phase}
        </span>
      </div>
      <dl style={{ display: 'grid', gridTemplateColumns: 'repeat(5, auto)', gap: 4, margin: '6px 0' }}>
        {cells.map(([key, value]) => (
          <div key={key}>
            <dt style={muted}>
              <FormattedMessage {...m[key]} />
            </dt>
            <dd style={{ margin: 0, fontWeight: 600 }} data-testid={`campaign-${key}`}>
              <FormattedNumber value={value} />
            </dd>
          </div>
        ))}
      </dl>
      {!counts.ended && (
        <div style={row}>
          {counts.paused ? (
            <button type="button" disabled={busy} onClick={() => void control('resume')}>
              <FormattedMessage {...m.resume} />
            </button>
          ) : (
            <button type="button" disabled={busy} onClick={() => void control('pause')}>
              <FormattedMessage {...m.pause} />
            </button>
          )}
          <button type="button" disabled={busy} onClick={() => void control('cancel')}>
            <FormattedMessage {...m.cancel} />
          </button>
        </div>
      )}
      <div style={muted} data-testid="campaign-launched">
        <FormattedMessage
          {...m.launchedBy}
          values={{
            channel: campaign.channel,
            purpose: campaign.purpose,
            name: initial.launchedBy?.name ?? '—',
            at: intl.formatDate(campaign.createdAt, { dateStyle: 'medium', timeStyle: 'short' }),
          }}
        />
      </div>
      <div style={muted}>
        <FormattedMessage {...m.workflow} values={{ id: <code>{campaign.workflowId}</code> }} />
      </div>
      <ErrorNotice error={error} />
    </section>
  );
};
