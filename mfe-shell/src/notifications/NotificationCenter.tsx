import { untypedMessages } from '@c360/mfe-kit';
import { useState } from 'react';
import { defineMessages, FormattedMessage, FormattedRelativeTime, useIntl } from 'react-intl';
import { navigateToUrl } from 'single-spa';
import { NOTIFICATION_DELIVERIES, type NotificationDelivery } from './notificationTypes';
import type { useNotifications } from './useNotifications';
import { categoryLabel, deliveryLabel } from './notificationLabels';

const messages = untypedMessages(
  defineMessages({
    open: {
      id: 'shell.notifications.open',
      defaultMessage: 'Notifications, {count, plural, =0 {none unread} one {# unread} other {# unread}}',
    },
    title: { id: 'shell.notifications.title', defaultMessage: 'Notifications' },
    list: { id: 'shell.notifications.tab.list', defaultMessage: 'All' },
    settings: { id: 'shell.notifications.tab.settings', defaultMessage: 'Preferences' },
    empty: { id: 'shell.notifications.empty', defaultMessage: 'Nothing new.' },
    markRead: { id: 'shell.notifications.markRead', defaultMessage: 'Mark as read' },
    markUnread: { id: 'shell.notifications.markUnread', defaultMessage: 'Mark as unread' },
    markAllRead: { id: 'shell.notifications.markAllRead', defaultMessage: 'Mark all as read' },
    unread: { id: 'shell.notifications.unread', defaultMessage: 'Unread' },
    offline: { id: 'shell.notifications.offline', defaultMessage: 'Live updates paused; reconnecting…' },
    digest: {
      id: 'shell.notifications.digest',
      defaultMessage: '{count, plural, one {# item} other {# items}}',
    },
    problem: {
      id: 'shell.notifications.problem',
      defaultMessage: 'Notifications are not available: {reason}',
    },
  }),
);

type Props = ReturnType<typeof useNotifications>;

const secondsAgo = (iso: string) => Math.round((Date.parse(iso) - Date.now()) / 1000);

/** The bell with the unread count, and its panel: the list (read/unread) and per-category preferences. */
export const NotificationCenter = ({ state, setRead, markAllRead, setPreference }: Props) => {
  const intl = useIntl();
  const [open, setOpen] = useState(false);
  const [tab, setTab] = useState<'list' | 'settings'>('list');
  return (
    <div className="c360-notifications">
      <button
        type="button"
        aria-expanded={open}
        aria-label={intl.formatMessage(messages.open, { count: state.unreadCount })}
        data-testid="notifications-bell"
        data-loaded={state.loaded}
        onClick={() => setOpen((o) => !o)}
      >
        <svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true">
          <path
            fill="currentColor"
            d="M12 22a2 2 0 0 0 2-2h-4a2 2 0 0 0 2 2zm6-6V11a6 6 0 0 0-5-5.9V4a1 1 0 0 0-2 0v1.1A6 6 0 0 0 6 11v5l-2 2v1h16v-1z"
          />
        </svg>{' '}
        <span className="c360-badge" data-testid="notifications-unread">
          {state.unreadCount}
        </span>
      </button>
      {open && (
        <div
          role="dialog"
          aria-label={intl.formatMessage(messages.title)}
          className="c360-notifications-panel"
        >
          <div role="tablist">
            <button type="button" role="tab" aria-selected={tab === 'list'} onClick={() => setTab('list')}>
              <FormattedMessage {...messages.list} />
            </button>
            <button
              type="button"
              role="tab"
              aria-selected={tab === 'settings'}
              onClick={() => setTab('settings')}
            >
              <FormattedMessage {...messages.settings} />
            </button>
          </div>
          {state.problem && (
            <p role="status">
              <FormattedMessage {...messages.problem} values={{ reason: state.problem }} />
            </p>
          )}
          {!state.problem && !state.live && (
            <p role="status">
              <FormattedMessage {...messages.offline} />
            </p>
          )}
          {tab === 'list' ? (
            <>
              <button type="button" onClick={() => void markAllRead()} disabled={state.unreadCount === 0}>
                <FormattedMessage {...messages.markAllRead} />
              </button>
              {state.items.length === 0 && (
                <p>
                  <FormattedMessage {...messages.empty} />
                </p>
              )}
              <ul className="c360-notification-list">
                {state.items.map((item) => (
                  <li
                    key={item.id}
                    data-unread={item.read ? undefined : 'true'}
                    data-testid="notification-item"
                  >
                    <span className="c360-chip">{intl.formatMessage(categoryLabel(item.category))}</span>{' '}
                    {!item.read && (
                      <strong>
                        <FormattedMessage {...messages.unread} />{' '}
                      </strong>
                    )}
                    {item.link ? (
                      <a
                        href={item.link}
                        onClick={(event) => {
                          if (!item.link?.startsWith('/')) return;
                          event.preventDefault();
                          navigateToUrl(item.link);
                        }}
                      >
                        {item.title}
                      </a>
                    ) : (
                      <span>{item.title}</span>
                    )}
                    {item.body && <p>{item.body}</p>}
                    <small>
                      <FormattedRelativeTime
                        value={secondsAgo(item.createdAt)}
                        numeric="auto"
                        updateIntervalInSeconds={60}
                      />
                    </small>{' '}
                    {item.digestCount !== null && (
                      <span className="c360-chip">
                        <FormattedMessage {...messages.digest} values={{ count: item.digestCount }} />
                      </span>
                    )}{' '}
                    <button type="button" onClick={() => void setRead(item, !item.read)}>
                      <FormattedMessage {...(item.read ? messages.markUnread : messages.markRead)} />
                    </button>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <table>
              <tbody>
                {state.preferences.map((pref) => (
                  <tr key={pref.category}>
                    <th scope="row">{intl.formatMessage(categoryLabel(pref.category))}</th>
                    <td>
                      <select
                        aria-label={intl.formatMessage(categoryLabel(pref.category))}
                        value={pref.delivery}
                        onChange={(event) =>
                          void setPreference({
                            ...pref,
                            delivery: event.target.value as NotificationDelivery,
                          })
                        }
                      >
                        {NOTIFICATION_DELIVERIES.map((delivery) => (
                          <option key={delivery} value={delivery}>
                            {intl.formatMessage(deliveryLabel(delivery))}
                          </option>
                        ))}
                      </select>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </div>
  );
};
