import { useState } from 'react';
import { FormattedDate, FormattedMessage, useIntl } from 'react-intl';
import {
  CHANNELS,
  SLA_RISKS,
  type Channel,
  type ConversationFilters,
  type ConversationSummary,
  type SlaRisk,
} from '../api/types';
import { useArea } from '../area/AreaContext';
import { useAsync, ErrorNotice, badge, chip, muted, row } from '@c360/mfe-kit';
import { conversationPath } from '../area/routes';

const toggle = <T,>(list: T[] | undefined, value: T): T[] | undefined => {
  const next = list?.includes(value) ? list.filter((v) => v !== value) : [...(list ?? []), value];
  return next.length ? next : undefined;
};

const RISK_TONE = { breached: 'bad', at_risk: 'warn', ok: 'good', none: 'info' } as const;

/** Conversations of every channel, filtered (channel, SLA risk, unread, mine), newest first or by SLA. */
export const ConversationList = ({ selectedId }: { selectedId: string | null }) => {
  const { api, navigate } = useArea();
  const intl = useIntl();
  const [filters, setFilters] = useState<ConversationFilters>({ status: ['open', 'pending'] });
  const [more, setMore] = useState<ConversationSummary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const page = useAsync(async () => {
    const first = await api.listConversations(filters);
    setMore([]);
    setCursor(first.nextCursor);
    return first.items;
  }, [api, JSON.stringify(filters)]);
  const items = [...(page.data ?? []), ...more];
  const loadMore = async () => {
    if (!cursor) return;
    const next = await api.listConversations(filters, cursor);
    setMore((m) => [...m, ...next.items]);
    setCursor(next.nextCursor);
  };

  return (
    <nav
      aria-label={intl.formatMessage({ id: 'inbox.list.label', defaultMessage: 'Conversations' })}
      style={{ minWidth: 0 }}
    >
      <div
        role="group"
        aria-label={intl.formatMessage({ id: 'inbox.list.filters', defaultMessage: 'Filters' })}
        style={{ ...row, marginBottom: 8 }}
      >
        {CHANNELS.map((c) => (
          <button
            key={c}
            type="button"
            aria-pressed={filters.channel?.includes(c) ?? false}
            style={chip(filters.channel?.includes(c))}
            onClick={() => setFilters((f) => ({ ...f, channel: toggle<Channel>(f.channel, c) }))}
          >
            {intl.formatMessage(
              {
                id: 'inbox.channel',
                defaultMessage:
                  '{channel, select, whatsapp {WhatsApp} instagram {Instagram} email {E-mail} other {{channel}}}',
              },
              { channel: c },
            )}
          </button>
        ))}
        {SLA_RISKS.filter((r) => r !== 'none' && r !== 'ok').map((r) => (
          <button
            key={r}
            type="button"
            aria-pressed={filters.slaRisk?.includes(r) ?? false}
            style={chip(filters.slaRisk?.includes(r))}
            onClick={() => setFilters((f) => ({ ...f, slaRisk: toggle<SlaRisk>(f.slaRisk, r) }))}
          >
            {intl.formatMessage(
              {
                id: 'inbox.slaRisk',
                defaultMessage:
                  '{risk, select, breached {SLA breached} at_risk {SLA at risk} ok {SLA on time} other {No SLA}}',
              },
              { risk: r },
            )}
          </button>
        ))}
        <button
          type="button"
          aria-pressed={filters.unread === true}
          style={chip(filters.unread === true)}
          onClick={() => setFilters((f) => ({ ...f, unread: f.unread ? undefined : true }))}
        >
          <FormattedMessage id="inbox.list.unread" defaultMessage="Unread" />
        </button>
        <button
          type="button"
          aria-pressed={filters.assignee === 'me'}
          style={chip(filters.assignee === 'me')}
          onClick={() => setFilters((f) => ({ ...f, assignee: f.assignee === 'me' ? undefined : 'me' }))}
        >
          <FormattedMessage id="inbox.list.mine" defaultMessage="Mine" />
        </button>
        <button
          type="button"
          aria-pressed={filters.status === undefined}
          style={chip(filters.status === undefined)}
          onClick={() => setFilters((f) => ({ ...f, status: f.status ? undefined : ['open', 'pending'] }))}
        >
          <FormattedMessage id="inbox.list.closedToo" defaultMessage="Include closed" />
        </button>
        <select
          aria-label={intl.formatMessage({ id: 'inbox.list.sort', defaultMessage: 'Sort' })}
          value={filters.sort ?? 'last_activity'}
          onChange={(e) => setFilters((f) => ({ ...f, sort: e.target.value as ConversationFilters['sort'] }))}
        >
          <option value="last_activity">
            {intl.formatMessage({ id: 'inbox.list.sortActivity', defaultMessage: 'Latest activity' })}
          </option>
          <option value="sla_due">
            {intl.formatMessage({ id: 'inbox.list.sortSla', defaultMessage: 'SLA due first' })}
          </option>
        </select>
      </div>
      <ErrorNotice error={page.error} />
      {page.data && items.length === 0 && (
        <p style={muted}>
          <FormattedMessage id="inbox.list.empty" defaultMessage="No conversation matches." />
        </p>
      )}
      <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {items.map((c) => (
          <li
            key={c.id}
            data-testid="conversation-item"
            data-channel={c.channel}
            data-unread={String(c.unread)}
          >
            <a
              href={conversationPath(c.id)}
              aria-current={c.id === selectedId ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                navigate(conversationPath(c.id));
              }}
              style={{
                display: 'block',
                padding: 8,
                borderBottom: '1px solid #e3e6ec',
                textDecoration: 'none',
                color: 'inherit',
                background: c.id === selectedId ? '#eef2fb' : undefined,
              }}
            >
              <div style={{ ...row, justifyContent: 'space-between' }}>
                <span style={{ fontWeight: c.unread ? 700 : 400 }}>
                  {c.unread && (
                    <span
                      aria-label={intl.formatMessage({
                        id: 'inbox.list.unreadDot',
                        defaultMessage: 'unread',
                      })}
                    >
                      ●{' '}
                    </span>
                  )}
                  {`${c.customer.firstName} ${c.customer.lastName}`.trim()}
                </span>
                <span style={muted}>
                  <FormattedDate value={c.lastActivityAt} dateStyle="short" timeStyle="short" />
                </span>
              </div>
              <div style={row}>
                <span style={badge('info')}>{c.channel}</span>
                {c.slaRisk !== 'none' && (
                  <span style={badge(RISK_TONE[c.slaRisk])} data-testid="sla-risk">
                    {intl.formatMessage(
                      {
                        id: 'inbox.slaRisk',
                        defaultMessage:
                          '{risk, select, breached {SLA breached} at_risk {SLA at risk} ok {SLA on time} other {No SLA}}',
                      },
                      { risk: c.slaRisk },
                    )}
                  </span>
                )}
                <span
                  style={{
                    ...muted,
                    overflow: 'hidden',
                    textOverflow: 'ellipsis',
                    whiteSpace: 'nowrap',
                    maxWidth: 220,
                  }}
                >
                  {c.subject ?? c.preview ?? ''}
                </span>
              </div>
            </a>
          </li>
        ))}
      </ul>
      {cursor && (
        <button type="button" onClick={() => void loadMore()} style={{ marginTop: 8 }}>
          <FormattedMessage id="inbox.list.more" defaultMessage="Load more" />
        </button>
      )}
    </nav>
  );
};
