import { useState } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import { useAsync, ErrorNotice, badge, muted, row } from '@c360/mfe-kit';
import { useArea } from '../area/AreaContext';
import { scheduledSummary } from './sendLater';

const TONE = { scheduled: 'info', sent: 'good', cancelled: 'warn', skipped: 'warn', failed: 'bad' } as const;

/** The conversation's replies sent later, oldest send time first, each cancellable until it goes. */
export const ScheduledReplies = ({
  conversationId,
  version,
}: {
  conversationId: string;
  version: number;
}) => {
  const { api } = useArea();
  const intl = useIntl();
  const replies = useAsync(() => api.listScheduledReplies(conversationId), [api, conversationId, version]);
  const [error, setError] = useState<unknown>();
  const items = replies.data?.items ?? [];
  if (items.length === 0) return <ErrorNotice error={replies.error} />;

  const cancel = async (id: string) => {
    setError(undefined);
    try {
      await api.cancelScheduledReply(id);
      replies.reload();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section
      data-testid="scheduled-replies"
      aria-label={intl.formatMessage({ id: 'inbox.scheduled.title', defaultMessage: 'Scheduled replies' })}
      style={{ marginBlockStart: 8 }}
    >
      <strong>
        <FormattedMessage id="inbox.scheduled.title" defaultMessage="Scheduled replies" />
      </strong>
      <ul style={{ paddingInlineStart: 18, margin: '4px 0' }}>
        {items.map((r) => (
          <li key={r.id} data-testid="scheduled-reply" data-status={r.status} style={row}>
            <span style={badge(TONE[r.status])}>
              {intl.formatMessage(
                {
                  id: 'inbox.scheduled.status',
                  defaultMessage:
                    '{status, select, scheduled {scheduled} sent {sent} cancelled {cancelled} skipped {skipped} failed {failed} other {{status}}}',
                },
                { status: r.status },
              )}
            </span>
            <FormattedDate value={r.plannedAt ?? r.sendAt} dateStyle="medium" timeStyle="short" />
            <span style={muted}>{scheduledSummary(r.content)}</span>
            {r.status === 'scheduled' && (
              <button type="button" onClick={() => void cancel(r.id)}>
                <FormattedMessage id="inbox.scheduled.cancel" defaultMessage="Cancel" />
              </button>
            )}
          </li>
        ))}
      </ul>
      <ErrorNotice error={error ?? replies.error} />
    </section>
  );
};
