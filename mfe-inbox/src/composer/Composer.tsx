import { useEffect, useState } from 'react';
import { FormattedMessage, FormattedTime, useIntl } from 'react-intl';
import type {
  Macro,
  RenderedReply,
  ReplyAsset,
  ReplyPart,
  ReplyTemplate,
  Snippet,
  Thread,
} from '../api/types';
import { useArea } from '../area/AreaContext';
import { useAsync, ErrorNotice, card, chip, muted, row } from '@c360/mfe-kit';
import { planReply, type SendPlan } from './replyBody';
import { AssetPicker } from './AssetPicker';
import { ChosenAsset } from './ChosenAsset';
import { ReplyPickers } from './ReplyPickers';
import { ScheduledReplies } from './ScheduledReplies';
import { fromLocalInput, scheduleBody, toLocalInput, type SendWhen } from './sendLater';

type Inserted = { part: Extract<ReplyPart, { type: 'template' | 'snippet' }>; label: string };

const newKey = (): string =>
  typeof crypto !== 'undefined' && 'randomUUID' in crypto
    ? crypto.randomUUID()
    : `k${Date.now()}${Math.random().toString(36).slice(2)}`;

/**
 * Writes a reply: templates, snippets and free text are rendered by the API with the customer's
 * variables and shown before anything is sent; the send uses exactly that rendering.
 */
export const Composer = ({
  conversation,
  onSent,
}: {
  conversation: Thread['conversation'];
  onSent: () => void;
}) => {
  const { api } = useArea();
  const intl = useIntl();
  const channel = conversation.channel;
  const [favoritesOnly, setFavoritesOnly] = useState(false);
  const templates = useAsync(() => api.listTemplates(channel), [api, channel]);
  const snippets = useAsync(() => api.listSnippets(), [api]);
  const macros = useAsync(() => api.listMacros(), [api]);
  // Quiet hours now and their end, computed by the API in the customer's zone.
  const check = useAsync(() => api.composeCheck(conversation.id), [api, conversation.id]);
  const [inserted, setInserted] = useState<Inserted[]>([]);
  const [text, setText] = useState('');
  const [subject, setSubject] = useState('');
  const [asset, setAsset] = useState<ReplyAsset | null>(null);
  const [visibility, setVisibility] = useState<'public' | 'private'>('public');
  const [preview, setPreview] = useState<RenderedReply | null>(null);
  const [key, setKey] = useState(newKey);
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [laterOpen, setLaterOpen] = useState(false);
  const [laterAt, setLaterAt] = useState(() => toLocalInput(new Date(Date.now() + 3_600_000)));
  const [scheduledVersion, setScheduledVersion] = useState(0);

  // Any edit makes the shown preview stale: it must be rendered again before a send.
  useEffect(() => setPreview(null), [inserted, text, subject, asset]);
  useEffect(() => {
    setInserted([]);
    setText('');
    setAsset(null);
    setPreview(null);
    setNotice(null);
  }, [conversation.id]);

  const parts = (): ReplyPart[] => [
    ...inserted.map((i) => i.part),
    ...(text.trim() ? [{ type: 'text' as const, text }] : []),
  ];
  const quiet = check.data?.quietHours?.now ? check.data.quietHours : null;

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const renderPreview = () =>
    run(async () => {
      // A file alone has no text to render.
      if (parts().length === 0) {
        setPreview({ channel, text: '', html: null, templateIds: [], providerTemplate: null });
        setKey(newKey());
        return;
      }
      const rendered = await api.compose({
        channel,
        customerId: conversation.customer.id,
        ...(conversation.ticketId ? { ticketId: conversation.ticketId } : {}),
        parts: parts(),
      });
      setPreview(rendered);
      setKey(newKey());
    });

  /** The reply the preview stands for, or a notice saying why there is none. */
  const plannedBody = (): SendPlan | null => {
    if (!preview) return null;
    const plan = planReply(channel, preview, {
      whatsappWindowOpen: conversation.whatsappWindowOpen,
      subject,
      ...(channel === 'instagram' ? { commentVisibility: visibility } : {}),
      ...(asset ? { assetId: asset.id } : {}),
    });
    if (!plan.ok)
      setNotice(
        plan.reason === 'window_closed_needs_template'
          ? intl.formatMessage({
              id: 'inbox.composer.needsTemplate',
              defaultMessage: 'The WhatsApp 24-hour window is closed: insert an approved WhatsApp template.',
            })
          : plan.reason === 'asset_needs_window'
            ? intl.formatMessage({
                id: 'inbox.composer.assetNeedsWindow',
                defaultMessage:
                  'The WhatsApp 24-hour window is closed: a file cannot be sent, only an approved template.',
              })
            : intl.formatMessage({ id: 'inbox.composer.empty', defaultMessage: 'Nothing to send.' }),
      );
    return plan;
  };
  const cleared = () => {
    setInserted([]);
    setText('');
    setSubject('');
    setAsset(null);
  };

  const send = () =>
    run(async () => {
      const plan = plannedBody();
      if (!plan?.ok) return;
      const result = await api.reply(conversation.id, plan.body, key);
      cleared();
      if ('heldBy' in result) {
        // The customer's quiet hours: the send path holds the reply until they end.
        setScheduledVersion((v) => v + 1);
        setNotice(
          intl.formatMessage(
            {
              id: 'inbox.composer.heldQuietHours',
              defaultMessage: 'Held for the customer’s quiet hours: it will be sent at {time}.',
            },
            { time: formatWhen(result.plannedAt ?? result.sendAt) },
          ),
        );
      } else setNotice(intl.formatMessage({ id: 'inbox.composer.sent', defaultMessage: 'Sent.' }));
      onSent();
    });

  const formatWhen = (at: string) => intl.formatDate(at, { dateStyle: 'medium', timeStyle: 'short' });

  const sendLater = (when: SendWhen) =>
    run(async () => {
      const plan = plannedBody();
      if (!plan?.ok) return;
      const scheduled = await api.scheduleReply(conversation.id, scheduleBody(plan.body, when));
      cleared();
      setLaterOpen(false);
      setScheduledVersion((v) => v + 1);
      setNotice(
        intl.formatMessage(
          { id: 'inbox.composer.scheduled', defaultMessage: 'Scheduled for {time}.' },
          {
            time: formatWhen(scheduled.plannedAt ?? scheduled.sendAt),
          },
        ),
      );
    });
  const laterInstant = fromLocalInput(laterAt);

  const insertTemplate = (t: ReplyTemplate) =>
    setInserted((i) => [...i, { part: { type: 'template', id: t.id }, label: t.name }]);
  const insertSnippet = (s: Snippet) =>
    setInserted((i) => [...i, { part: { type: 'snippet', id: s.id }, label: `/${s.shortcut}` }]);
  const toggleFavorite = (t: ReplyTemplate) =>
    run(async () => {
      const updated = await api.setFavorite(t.id, !t.favorite);
      templates.setData({
        items: (templates.data?.items ?? []).map((x) =>
          x.id === t.id ? { ...x, favorite: updated.favorite } : x,
        ),
      });
    });
  const runMacro = (m: Macro) =>
    run(async () => {
      const result = await api.runMacro(conversation.id, m.id);
      if (result.draft) setText((t) => (t ? `${t}\n\n${result.draft}` : (result.draft ?? '')));
      setNotice(
        intl.formatMessage(
          { id: 'inbox.composer.macroApplied', defaultMessage: 'Macro applied: {actions}' },
          { actions: result.applied.join(', ') },
        ),
      );
      onSent();
    });

  return (
    <div style={{ ...card, marginTop: 'auto' }} data-testid="composer">
      {quiet && (
        <div
          role="status"
          data-testid="quiet-hours-warning"
          style={{ background: '#fff4dc', padding: 6, borderRadius: 4 }}
        >
          <FormattedMessage
            id="inbox.composer.quietHours"
            defaultMessage="Quiet hours for this customer until {time} ({timeZone}): a reply sent now is held until then."
            values={{
              time: quiet.endsAt ? <FormattedTime value={quiet.endsAt} timeZone={quiet.timeZone} /> : '',
              timeZone: quiet.timeZone,
            }}
          />{' '}
          <button
            type="button"
            disabled={busy || !preview}
            onClick={() => void sendLater({ atQuietHoursEnd: true })}
          >
            <FormattedMessage
              id="inbox.composer.sendAtQuietEnd"
              defaultMessage="Send at the end of quiet hours"
            />
          </button>
        </div>
      )}
      {channel === 'whatsapp' && conversation.whatsappWindowOpen === false && (
        <p style={muted} data-testid="window-closed">
          <FormattedMessage
            id="inbox.composer.windowClosed"
            defaultMessage="The 24-hour window is closed: only approved templates can be sent."
          />
        </p>
      )}
      <ReplyPickers
        templates={templates.data?.items ?? []}
        snippets={snippets.data?.items ?? []}
        macros={macros.data?.items ?? []}
        favoritesOnly={favoritesOnly}
        onFavoritesOnly={setFavoritesOnly}
        onTemplate={insertTemplate}
        onToggleFavorite={(t) => void toggleFavorite(t)}
        onSnippet={insertSnippet}
        onMacro={(m) => void runMacro(m)}
      />
      <AssetPicker channel={channel} onChoose={setAsset} />
      {asset && <ChosenAsset asset={asset} onClear={() => setAsset(null)} />}
      {inserted.length > 0 && (
        <div style={{ ...row, margin: '6px 0' }} data-testid="inserted-parts">
          {inserted.map((i, index) => (
            <button
              key={`${i.part.id}-${index}`}
              type="button"
              style={chip(true)}
              onClick={() => setInserted((all) => all.filter((_, j) => j !== index))}
            >
              {i.label} ×
            </button>
          ))}
        </div>
      )}
      {channel === 'email' && (
        <input
          aria-label={intl.formatMessage({
            id: 'inbox.composer.subject',
            defaultMessage: 'Subject (default: Re: …)',
          })}
          placeholder={intl.formatMessage({
            id: 'inbox.composer.subject',
            defaultMessage: 'Subject (default: Re: …)',
          })}
          value={subject}
          onChange={(e) => setSubject(e.target.value)}
          style={{ display: 'block', width: '100%', margin: '6px 0' }}
        />
      )}
      <textarea
        aria-label={intl.formatMessage({ id: 'inbox.composer.text', defaultMessage: 'Message' })}
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={3}
        style={{ display: 'block', width: '100%' }}
      />
      {channel === 'instagram' && (
        <label style={muted}>
          <FormattedMessage id="inbox.composer.visibility" defaultMessage="Comment reply" />{' '}
          <select value={visibility} onChange={(e) => setVisibility(e.target.value as 'public' | 'private')}>
            <option value="public">
              {intl.formatMessage({ id: 'inbox.composer.public', defaultMessage: 'public' })}
            </option>
            <option value="private">
              {intl.formatMessage({ id: 'inbox.composer.private', defaultMessage: 'private (DM)' })}
            </option>
          </select>
        </label>
      )}
      {preview && (
        <div
          data-testid="reply-preview"
          style={{ ...card, background: '#f7f9fc', margin: '6px 0', whiteSpace: 'pre-wrap' }}
        >
          <div style={muted}>
            <FormattedMessage id="inbox.composer.previewTitle" defaultMessage="What the customer will get" />
          </div>
          {preview.text}
          {asset && <div data-testid="preview-asset">📎 {asset.fileName}</div>}
        </div>
      )}
      <div style={{ ...row, marginTop: 6 }}>
        <button
          type="button"
          disabled={busy || (parts().length === 0 && !asset)}
          onClick={() => void renderPreview()}
        >
          <FormattedMessage id="inbox.composer.preview" defaultMessage="Preview" />
        </button>
        <button type="button" disabled={busy || !preview} onClick={() => void send()}>
          <FormattedMessage id="inbox.composer.send" defaultMessage="Send" />
        </button>
        <button type="button" aria-expanded={laterOpen} onClick={() => setLaterOpen((v) => !v)}>
          <FormattedMessage id="inbox.composer.sendLater" defaultMessage="Send later…" />
        </button>
        {notice && (
          <span role="status" style={muted}>
            {notice}
          </span>
        )}
      </div>
      {laterOpen && (
        <div style={{ ...row, marginTop: 6 }} data-testid="send-later">
          <label style={row}>
            <FormattedMessage id="inbox.composer.sendAt" defaultMessage="Send at" />
            <input type="datetime-local" value={laterAt} onChange={(e) => setLaterAt(e.target.value)} />
          </label>
          <button
            type="button"
            disabled={busy || !preview || !laterInstant}
            onClick={() => laterInstant && void sendLater({ sendAt: laterInstant })}
          >
            <FormattedMessage id="inbox.composer.schedule" defaultMessage="Schedule" />
          </button>
          {!preview && (
            <span style={muted}>
              <FormattedMessage id="inbox.composer.previewFirst" defaultMessage="Preview the reply first." />
            </span>
          )}
        </div>
      )}
      <ErrorNotice error={error ?? templates.error} />
      <ScheduledReplies conversationId={conversation.id} version={scheduledVersion} />
    </div>
  );
};
