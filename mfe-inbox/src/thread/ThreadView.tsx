import { useEffect, useState } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import type { ThreadItem } from '../api/types';
import { useArea } from '../area/AreaContext';
import { useAsync, ErrorNotice, badge, muted, row } from '@c360/mfe-kit';
import { Composer } from '../composer/Composer';
import { CustomerSummaryPanel } from '../summary/CustomerSummaryPanel';
import { MessageBubble } from './MessageBubble';

/** A conversation: header with triage actions, the messages oldest first, and the composer. */
export const ThreadView = ({
  conversationId,
  onChanged,
}: {
  conversationId: string;
  onChanged: () => void;
}) => {
  const { api } = useArea();
  const intl = useIntl();
  const thread = useAsync(() => api.getThread(conversationId), [api, conversationId]);
  const [older, setOlder] = useState<ThreadItem[]>([]);
  // undefined: continue from the first page's cursor; null: nothing older is left.
  const [olderCursor, setOlderCursor] = useState<string | null | undefined>(undefined);
  const [error, setError] = useState<unknown>();
  const [tag, setTag] = useState('');
  const [surveyNotice, setSurveyNotice] = useState<string | null>(null);

  // Opening a thread reads it.
  useEffect(() => {
    setOlder([]);
    setOlderCursor(undefined);
    setSurveyNotice(null);
    api.markRead(conversationId).then(onChanged, () => undefined);
    // onChanged is the parent's refresh; a new one must not read the thread again.
  }, [api, conversationId]);

  const act = async (action: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await action();
      thread.reload();
      onChanged();
    } catch (e) {
      setError(e);
    }
  };

  if (!thread.data) return <ErrorNotice error={thread.error} />;
  const { conversation } = thread.data;
  const items = [...thread.data.items, ...older].reverse();
  const cursor = olderCursor === undefined ? thread.data.nextCursor : olderCursor;
  const loadOlder = async () => {
    if (!cursor) return;
    try {
      const page = await api.getThread(conversationId, cursor);
      setOlder((o) => [...o, ...page.items]);
      setOlderCursor(page.nextCursor);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <div
      style={{
        display: 'grid',
        gridTemplateColumns: 'minmax(0, 2fr) minmax(220px, 1fr)',
        gap: 12,
        alignItems: 'start',
      }}
    >
      <section
        aria-label={intl.formatMessage({ id: 'inbox.thread.label', defaultMessage: 'Conversation' })}
        data-testid="thread"
        style={{ display: 'flex', flexDirection: 'column', minWidth: 0 }}
      >
        <header
          style={{
            ...row,
            justifyContent: 'space-between',
            borderBottom: '1px solid #e3e6ec',
            paddingBottom: 6,
          }}
        >
          <div style={row}>
            <strong>{`${conversation.customer.firstName} ${conversation.customer.lastName}`.trim()}</strong>
            <span style={badge('info')}>{conversation.channel}</span>
            <span style={muted} data-testid="thread-status">
              {conversation.status}
            </span>
            {conversation.subject && <span style={muted}>{conversation.subject}</span>}
            {conversation.tags.map((t) => (
              <span key={t} style={badge('info')}>
                {t}
              </span>
            ))}
          </div>
          <div style={row}>
            <button type="button" onClick={() => void act(() => api.assign(conversationId, 'me'))}>
              <FormattedMessage id="inbox.thread.assignMe" defaultMessage="Assign to me" />
            </button>
            <input
              aria-label={intl.formatMessage({ id: 'inbox.thread.tag', defaultMessage: 'Tag' })}
              value={tag}
              onChange={(e) => setTag(e.target.value)}
              size={10}
            />
            <button
              type="button"
              disabled={!tag.trim()}
              onClick={() =>
                void act(() => api.changeTags(conversationId, [tag.trim()], [])).then(() => setTag(''))
              }
            >
              <FormattedMessage id="inbox.thread.addTag" defaultMessage="Add tag" />
            </button>
            {conversation.ticketId && (
              <button
                type="button"
                onClick={() =>
                  void act(async () => {
                    setSurveyNotice(null);
                    const survey = await api.sendSurvey(conversation.ticketId!);
                    setSurveyNotice(
                      intl.formatMessage(
                        {
                          id: 'inbox.thread.surveySent',
                          defaultMessage:
                            '{kind, select, nps {NPS} other {CSAT}} survey on its way to the customer.',
                        },
                        { kind: survey.kind },
                      ),
                    );
                  })
                }
              >
                <FormattedMessage id="inbox.thread.sendSurvey" defaultMessage="Send survey" />
              </button>
            )}
            {conversation.status === 'closed' ? (
              <button type="button" onClick={() => void act(() => api.reopen(conversationId))}>
                <FormattedMessage id="inbox.thread.reopen" defaultMessage="Reopen" />
              </button>
            ) : (
              <button type="button" onClick={() => void act(() => api.resolve(conversationId))}>
                <FormattedMessage id="inbox.thread.resolve" defaultMessage="Resolve" />
              </button>
            )}
          </div>
        </header>
        {surveyNotice && (
          <p role="status" data-testid="survey-notice" style={muted}>
            {surveyNotice}
          </p>
        )}
        <ErrorNotice error={error} />
        {cursor && (
          <button type="button" onClick={() => void loadOlder()}>
            <FormattedMessage id="inbox.thread.older" defaultMessage="Earlier messages" />
          </button>
        )}
        <ol style={{ listStyle: 'none', padding: 0, display: 'flex', flexDirection: 'column' }}>
          {items.map((item) =>
            item.kind === 'message' ? (
              <MessageBubble key={item.id} message={item} />
            ) : (
              <li
                key={item.id}
                style={{ ...muted, alignSelf: 'center', margin: '4px 0' }}
                data-testid="thread-event"
              >
                {intl.formatMessage(
                  {
                    id: 'inbox.thread.event',
                    defaultMessage:
                      '{action, select, assigned {Assigned} tags_changed {Tags changed} resolved {Resolved} reopened {Reopened} other {{action}}}',
                  },
                  { action: item.action.replace(/^conversation\./, '') },
                )}{' '}
                · <FormattedDate value={item.at} dateStyle="short" timeStyle="short" />
              </li>
            ),
          )}
        </ol>
        <Composer
          conversation={thread.data.conversation}
          onSent={() => {
            thread.reload();
            onChanged();
          }}
        />
      </section>
      <CustomerSummaryPanel customerId={conversation.customer.id} />
    </div>
  );
};
