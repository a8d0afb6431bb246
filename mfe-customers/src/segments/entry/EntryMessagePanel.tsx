import { useEffect, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { ErrorNotice, muted, row } from '@c360/mfe-kit';
import type {
  EntryMessage,
  EntryMessageChannel,
  ReentryRule,
  SegmentAttachment,
  SegmentEnteredSetting,
} from '../../api/types';
import { useArea } from '../../area/AreaContext';
import { attachmentOf, withEntryMessage, withoutEntryMessage } from './entryAttachment';
import { entryMessages as m } from './entryMessages';

const CHANNELS: readonly EntryMessageChannel[] = ['email', 'whatsapp', 'instagram'];
const field = { display: 'flex', flexDirection: 'column', gap: 2, marginBlockEnd: 6 } as const;

type Draft = {
  channel: EntryMessageChannel;
  subject: string;
  text: string;
  purpose: EntryMessage['purpose'];
  reentry: ReentryRule['kind'];
  days: number;
};

const emptyDraft: Draft = {
  channel: 'email',
  subject: '',
  text: '',
  purpose: 'marketing',
  reentry: 'never',
  days: 30,
};

const draftOf = (a: SegmentAttachment | undefined): Draft => {
  if (!a || !('message' in a)) return emptyDraft;
  const { channel, content, purpose } = a.message;
  return {
    channel,
    subject: content.type === 'email' ? content.subject : '',
    text: content.text ?? '',
    purpose,
    reentry: a.reentry.kind,
    days: a.reentry.kind === 'afterDays' ? a.reentry.days : 30,
  };
};

const fromDraft = (d: Draft): { message: EntryMessage; reentry: ReentryRule } | null => {
  const text = d.text.trim();
  if (!text || (d.channel === 'email' && !d.subject.trim())) return null;
  return {
    message: {
      channel: d.channel,
      content:
        d.channel === 'email' ? { type: 'email', subject: d.subject.trim(), text } : { type: 'text', text },
      purpose: d.purpose,
    },
    reentry: d.reentry === 'never' ? { kind: 'never' } : { kind: 'afterDays', days: d.days },
  };
};

/**
 * A segment's entry message (sent to each customer who enters it), kept in the tenant's
 * `segmentEntered` playbook setting. Every change re-reads the setting and writes the whole list
 * back, changing only this segment's message: a playbook attached to the segment is shown and
 * never replaced from here.
 */
export const EntryMessagePanel = ({ segmentId }: { segmentId: string }) => {
  const { api } = useArea();
  const intl = useIntl();
  const [setting, setSetting] = useState<SegmentEnteredSetting | null>(null);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [invalid, setInvalid] = useState(false);
  const [conflict, setConflict] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    let stopped = false;
    api.getSegmentEnteredSetting().then(
      (s) => !stopped && setSetting(s),
      (failure: unknown) => !stopped && setError(failure),
    );
    return () => {
      stopped = true;
    };
  }, [api]);

  const attached = setting ? attachmentOf(setting.params.attachments, segmentId) : undefined;
  const change = async (edit: (attachments: SegmentAttachment[]) => SegmentAttachment[] | string) => {
    setBusy(true);
    setError(undefined);
    setConflict(null);
    try {
      // Read again just before writing: another card or admin may have changed the list meanwhile.
      const fresh = await api.getSegmentEnteredSetting();
      const next = edit(fresh.params.attachments);
      if (typeof next === 'string') {
        setConflict(next);
        setSetting(fresh);
        return;
      }
      setSetting(
        await api.putSegmentEnteredSetting({ enabled: fresh.enabled, params: { attachments: next } }),
      );
      setEditing(false);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const save = () => {
    const built = fromDraft(draft);
    setInvalid(!built);
    if (!built) return;
    void change((list) => {
      const result = withEntryMessage(list, segmentId, built.message, built.reentry);
      return result.ok ? result.attachments : result.playbook;
    });
  };
  const remove = () => void change((list) => withoutEntryMessage(list, segmentId));
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  if (!setting) return <ErrorNotice error={error} />;
  const message = attached && 'message' in attached ? attached : undefined;
  return (
    <div data-testid="entry-message" style={{ marginBlockStart: 8 }}>
      {attached && 'playbook' in attached && (
        <p style={muted} data-testid="entry-playbook">
          <FormattedMessage {...m.playbook} values={{ playbook: attached.playbook }} />
        </p>
      )}
      {message && !editing && (
        <div style={row}>
          <span data-testid="entry-summary">
            <FormattedMessage
              {...m.summary}
              values={{
                channel: intl.formatMessage(m[message.message.channel]),
                purpose: intl.formatMessage(m[message.message.purpose]),
                preview:
                  message.message.content.type === 'email'
                    ? message.message.content.subject
                    : message.message.content.text,
                reentry: message.reentry.kind,
                days: message.reentry.kind === 'afterDays' ? message.reentry.days : 0,
              }}
            />
          </span>
          <button
            type="button"
            disabled={busy}
            onClick={() => {
              setDraft(draftOf(message));
              setEditing(true);
            }}
          >
            <FormattedMessage {...m.edit} />
          </button>
          <button type="button" disabled={busy} onClick={remove}>
            <FormattedMessage {...m.remove} />
          </button>
        </div>
      )}
      {!attached && !editing && (
        <button
          type="button"
          onClick={() => {
            setDraft(emptyDraft);
            setEditing(true);
          }}
        >
          <FormattedMessage {...m.open} />
        </button>
      )}
      {message && !setting.enabled && (
        <p style={muted}>
          <FormattedMessage {...m.disabled} />
        </p>
      )}
      {editing && (
        <fieldset data-testid="entry-form" style={{ marginBlockStart: 6 }}>
          <legend>
            <FormattedMessage {...m.title} />
          </legend>
          <label style={field}>
            <FormattedMessage {...m.channel} />
            <select
              value={draft.channel}
              onChange={(e) => set({ channel: e.target.value as EntryMessageChannel })}
            >
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {intl.formatMessage(m[c])}
                </option>
              ))}
            </select>
          </label>
          {draft.channel === 'email' && (
            <label style={field}>
              <FormattedMessage {...m.subject} />
              <input value={draft.subject} onChange={(e) => set({ subject: e.target.value })} />
            </label>
          )}
          <label style={field}>
            <FormattedMessage {...m.text} />
            <textarea rows={3} value={draft.text} onChange={(e) => set({ text: e.target.value })} />
          </label>
          <label style={field}>
            <FormattedMessage {...m.purpose} />
            <select
              value={draft.purpose}
              onChange={(e) => set({ purpose: e.target.value as EntryMessage['purpose'] })}
            >
              <option value="marketing">{intl.formatMessage(m.marketing)}</option>
              <option value="service">{intl.formatMessage(m.service)}</option>
            </select>
          </label>
          <label style={field}>
            <FormattedMessage {...m.reentry} />
            <select
              value={draft.reentry}
              onChange={(e) => set({ reentry: e.target.value as ReentryRule['kind'] })}
            >
              <option value="never">{intl.formatMessage(m.never)}</option>
              <option value="afterDays">{intl.formatMessage(m.afterDays)}</option>
            </select>
          </label>
          {draft.reentry === 'afterDays' && (
            <label style={field}>
              <FormattedMessage {...m.days} />
              <input
                type="number"
                min={1}
                max={365}
                value={draft.days}
                onChange={(e) => set({ days: Number(e.target.value) })}
              />
            </label>
          )}
          {invalid && (
            <p role="alert">
              <FormattedMessage {...m.missing} />
            </p>
          )}
          <div style={row}>
            <button type="button" disabled={busy} onClick={save}>
              <FormattedMessage {...m.save} />
            </button>
            <button type="button" onClick={() => setEditing(false)}>
              <FormattedMessage {...m.cancel} />
            </button>
          </div>
        </fieldset>
      )}
      {conflict && (
        <p role="alert">
          <FormattedMessage {...m.playbookNow} values={{ playbook: conflict }} />
        </p>
      )}
      <ErrorNotice error={error} />
    </div>
  );
};
