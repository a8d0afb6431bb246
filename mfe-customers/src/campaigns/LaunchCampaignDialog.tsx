import { useId, useState } from 'react';
import { FormattedMessage, FormattedNumber, useIntl } from 'react-intl';
import type { Campaign, CampaignChannel, Segment } from '../api/types';
import { useArea } from '../area/AreaContext';
import {
  CONTENT_TYPES,
  emptyDraft,
  launchFromDraft,
  withChannel,
  type CampaignDraft,
  type ContentType,
  type DraftProblem,
} from './campaignDraft';
import { campaignMessages as m } from './campaignMessages';
import { ErrorNotice, card, muted, row } from '@c360/mfe-kit';

const field = { display: 'flex', flexDirection: 'column', gap: 2, marginBlockEnd: 6 } as const;

/**
 * Launching a campaign from a saved segment: the channel and the content, then a confirmation
 * naming how many members it goes to, then the launch (the API starts the campaign workflow).
 */
export const LaunchCampaignDialog = ({
  segment,
  onLaunched,
  onClose,
}: {
  segment: Segment;
  onLaunched: (campaign: Campaign) => void;
  onClose: () => void;
}) => {
  const { api } = useArea();
  const intl = useIntl();
  const titleId = useId();
  const [draft, setDraft] = useState<CampaignDraft>(() => emptyDraft(segment.name));
  const [missing, setMissing] = useState<DraftProblem[]>([]);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const set = (patch: Partial<CampaignDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setConfirming(false);
  };
  const checked = launchFromDraft(draft);

  const review = () => {
    setMissing(checked.ok ? [] : checked.missing);
    setConfirming(checked.ok);
  };
  const launch = async () => {
    if (!checked.ok) return;
    setBusy(true);
    setError(undefined);
    try {
      onLaunched(await api.launchCampaign(segment.id, checked.launch));
    } catch (e) {
      setError(e);
      setConfirming(false);
    } finally {
      setBusy(false);
    }
  };
  const invalid = (name: DraftProblem) => (missing.includes(name) ? { 'aria-invalid': true } : {});
  const contentLabel: Record<ContentType, string> = {
    template: intl.formatMessage(m.contentTemplate),
    text: intl.formatMessage(m.contentText),
    email: intl.formatMessage(m.contentEmail),
  };

  return (
    <div
      role="dialog"
      aria-modal="true"
      aria-labelledby={titleId}
      data-testid="launch-dialog"
      style={{ ...card, marginBlockStart: 8, background: '#f7f9fc' }}
    >
      <h4 id={titleId} style={{ marginBlock: '0 8px' }}>
        <FormattedMessage {...m.dialogTitle} values={{ segment: segment.name }} />
      </h4>
      <label style={field}>
        <FormattedMessage {...m.name} />
        <input value={draft.name} onChange={(e) => set({ name: e.target.value })} {...invalid('name')} />
      </label>
      <div style={row}>
        <label style={field}>
          <FormattedMessage {...m.channel} />
          <select
            value={draft.channel}
            onChange={(e) => {
              setDraft((d) => withChannel(d, e.target.value as CampaignChannel));
              setConfirming(false);
            }}
          >
            <option value="whatsapp">{intl.formatMessage(m.whatsapp)}</option>
            <option value="email">{intl.formatMessage(m.email)}</option>
          </select>
        </label>
        <label style={field}>
          <FormattedMessage {...m.content} />
          <select
            value={draft.contentType}
            onChange={(e) => set({ contentType: e.target.value as ContentType })}
          >
            {CONTENT_TYPES[draft.channel].map((type) => (
              <option key={type} value={type}>
                {contentLabel[type]}
              </option>
            ))}
          </select>
        </label>
        <label style={field}>
          <FormattedMessage {...m.purpose} />
          <select
            value={draft.purpose}
            onChange={(e) => set({ purpose: e.target.value as CampaignDraft['purpose'] })}
          >
            <option value="marketing">{intl.formatMessage(m.marketing)}</option>
            <option value="service">{intl.formatMessage(m.service)}</option>
          </select>
        </label>
      </div>
      {draft.contentType === 'template' && (
        <div style={row}>
          <label style={field}>
            <FormattedMessage {...m.templateName} />
            <input
              value={draft.templateName}
              onChange={(e) => set({ templateName: e.target.value })}
              {...invalid('templateName')}
            />
          </label>
          <label style={field}>
            <FormattedMessage {...m.templateLanguage} />
            <input
              value={draft.templateLanguage}
              size={6}
              onChange={(e) => set({ templateLanguage: e.target.value })}
              {...invalid('templateLanguage')}
            />
          </label>
        </div>
      )}
      {draft.contentType === 'email' && (
        <label style={field}>
          <FormattedMessage {...m.subject} />
          <input
            value={draft.subject}
            onChange={(e) => set({ subject: e.target.value })}
            {...invalid('subject')}
          />
        </label>
      )}
      {draft.contentType !== 'template' && (
        <label style={field}>
          <FormattedMessage {...m.text} />
          <textarea
            rows={3}
            value={draft.text}
            onChange={(e) => set({ text: e.target.value })}
            {...invalid('text')}
          />
        </label>
      )}
      {draft.channel === 'whatsapp' && draft.contentType === 'text' && (
        <p style={muted}>
          <FormattedMessage {...m.textWindowHint} />
        </p>
      )}
      {missing.length > 0 && (
        <p role="alert" style={{ color: '#a1161d' }}>
          <FormattedMessage {...m.missing} />
        </p>
      )}
      {confirming ? (
        <div role="group" aria-label={intl.formatMessage(m.confirmGroup)} data-testid="launch-confirm">
          <p>
            <FormattedMessage
              {...m.confirmText}
              values={{
                members: segment.count,
                count: <FormattedNumber value={segment.count} />,
                channel: intl.formatMessage(draft.channel === 'whatsapp' ? m.whatsapp : m.email),
              }}
            />
          </p>
          <div style={row}>
            <button type="button" disabled={busy} onClick={() => void launch()}>
              <FormattedMessage {...m.confirm} />
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              <FormattedMessage {...m.back} />
            </button>
          </div>
        </div>
      ) : (
        <div style={row}>
          <button type="button" onClick={review}>
            <FormattedMessage {...m.review} />
          </button>
          <button type="button" onClick={onClose}>
            <FormattedMessage {...m.close} />
          </button>
        </div>
      )}
      <ErrorNotice error={error} />
    </div>
  );
};
