import { useEffect, useState } from 'react';
import { FormattedDate, FormattedMessage, FormattedNumber } from 'react-intl';
import { downloadBlob, ErrorNotice, card, grid, muted, row } from '@c360/mfe-kit';
import type { ExportFormat } from '../api/customersApi';
import type { Campaign, Segment } from '../api/types';
import { useArea } from '../area/AreaContext';
import { SchedulePanel } from './SchedulePanel';
import { EntryMessagePanel } from './entry/EntryMessagePanel';
import { CampaignPanel } from '../campaigns/CampaignPanel';
import { campaignMessages } from '../campaigns/campaignMessages';
import { LaunchCampaignDialog } from '../campaigns/LaunchCampaignDialog';

/** The playbook settings (where the entry message lives) are for admins and managers. */
const canAttach = (roles: readonly string[]) => roles.some((r) => r === 'manager' || r === 'admin');

const canExport = (roles: readonly string[]) =>
  roles.some((r) => r === 'marketer' || r === 'manager' || r === 'admin');

/** Saved segments as cards: count, export (CSV, JSON), schedules, campaign launch, edit and delete. */
export const SegmentCards = ({
  segments,
  onEdit,
  onChanged,
}: {
  segments: Segment[];
  onEdit: (segment: Segment) => void;
  onChanged: () => void;
}) => (
  <div style={grid}>
    {segments.map((s) => (
      <SegmentCard key={s.id} segment={s} onEdit={onEdit} onChanged={onChanged} />
    ))}
  </div>
);

const SegmentCard = ({
  segment,
  onEdit,
  onChanged,
}: {
  segment: Segment;
  onEdit: (segment: Segment) => void;
  onChanged: () => void;
}) => {
  const { api, user } = useArea();
  const [error, setError] = useState<unknown>();
  const [queued, setQueued] = useState<number | null>(null);
  const [showSchedules, setShowSchedules] = useState(false);
  const [launching, setLaunching] = useState(false);
  const [campaigns, setCampaigns] = useState<Campaign[]>([]);
  const exporter = canExport(user.roles);

  // The segment's campaigns from the API, so those launched before a reload are still followed.
  useEffect(() => {
    if (!exporter) return undefined;
    let stopped = false;
    api.listSegmentCampaigns(segment.id).then(
      (page) => {
        if (stopped) return;
        setCampaigns((launched) => [
          ...launched.filter((c) => !page.items.some((listed) => listed.id === c.id)),
          ...page.items,
        ]);
      },
      (failure: unknown) => !stopped && setError(failure),
    );
    return () => {
      stopped = true;
    };
  }, [api, exporter, segment.id]);

  const exportAs = async (format: ExportFormat) => {
    setError(undefined);
    try {
      const outcome = await api.exportSegment(segment.id, format);
      if (outcome.kind === 'file') downloadBlob(outcome.blob, outcome.fileName);
      else setQueued(outcome.members);
    } catch (e) {
      setError(e);
    }
  };
  const remove = async () => {
    try {
      await api.deleteSegment(segment.id);
      onChanged();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <article style={card} data-testid="segment-card" aria-label={segment.name}>
      <h3 style={{ margin: 0 }}>{segment.name}</h3>
      <div style={row}>
        <strong style={{ fontSize: 22 }} data-testid="segment-count">
          <FormattedNumber value={segment.count} />
        </strong>
        <span style={muted}>
          {segment.recomputing ? (
            <FormattedMessage id="customers.segments.recomputing" defaultMessage="counting…" />
          ) : (
            <FormattedMessage id="customers.segments.members" defaultMessage="members" />
          )}
        </span>
      </div>
      {segment.countedAt && (
        <div style={muted}>
          <FormattedDate value={segment.countedAt} dateStyle="medium" timeStyle="short" />
        </div>
      )}
      <div style={{ ...row, marginTop: 8 }}>
        {exporter && (
          <>
            <button type="button" onClick={() => void exportAs('csv')}>
              <FormattedMessage id="customers.segments.exportCsv" defaultMessage="Export CSV" />
            </button>
            <button type="button" onClick={() => void exportAs('json')}>
              <FormattedMessage id="customers.segments.exportJson" defaultMessage="Export JSON" />
            </button>
            <button type="button" aria-expanded={showSchedules} onClick={() => setShowSchedules((v) => !v)}>
              <FormattedMessage id="customers.segments.schedule" defaultMessage="Schedule" />
            </button>
            <button type="button" aria-expanded={launching} onClick={() => setLaunching((v) => !v)}>
              <FormattedMessage {...campaignMessages.launch} />
            </button>
          </>
        )}
        <button type="button" onClick={() => onEdit(segment)}>
          <FormattedMessage id="customers.segments.edit" defaultMessage="Edit" />
        </button>
        <button type="button" onClick={() => void remove()}>
          <FormattedMessage id="customers.segments.delete" defaultMessage="Delete" />
        </button>
      </div>
      {queued !== null && (
        <p role="status" style={muted}>
          <FormattedMessage
            id="customers.segments.exportQueued"
            defaultMessage="{members, number} members: the export runs in the background; a notification brings the file."
            values={{ members: queued }}
          />
        </p>
      )}
      <ErrorNotice error={error} />
      {canAttach(user.roles) && <EntryMessagePanel segmentId={segment.id} />}
      {showSchedules && <SchedulePanel segmentId={segment.id} />}
      {launching && (
        <LaunchCampaignDialog
          segment={segment}
          onClose={() => setLaunching(false)}
          onLaunched={(campaign) => {
            setLaunching(false);
            setCampaigns((all) => [{ ...campaign, launchedBy: { id: user.id, name: user.name } }, ...all]);
          }}
        />
      )}
      {campaigns.map((c) => (
        <CampaignPanel key={c.id} initial={c} />
      ))}
    </article>
  );
};
