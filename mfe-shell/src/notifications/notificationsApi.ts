import { createApiClient, type ApiAccess } from '@c360/mfe-kit';
import type {
  NotificationCategory,
  NotificationDelivery,
  NotificationItem,
  NotificationPreference,
  StreamEvent,
  UnreadCount,
} from './notificationTypes';

type Preferences = { preferences: NotificationPreference[] };

/**
 * The notification center's API: the list, read state, per-category preferences and the live
 * stream (server-sent events). The only module of the shell that knows those routes.
 */
export const notificationsApi = (access: ApiAccess) => {
  const client = createApiClient(access);
  const item = (id: string) => `/notifications/${encodeURIComponent(id)}`;
  return {
    list: () =>
      client.get<{ data: NotificationItem[]; nextCursor: string | null }>('/notifications', { pageSize: 50 }),
    unreadCount: () => client.get<UnreadCount>('/notifications/unread-count'),
    markRead: (id: string) => client.post<NotificationItem>(`${item(id)}/read`),
    markUnread: (id: string) => client.post<NotificationItem>(`${item(id)}/unread`),
    /** Only up to what the user saw, so an item that arrives meanwhile stays unread. */
    markAllRead: (upToSeq: number) =>
      client.post<{ updated: number; unread: UnreadCount }>('/notifications/read-all', { upToSeq }),
    preferences: () => client.get<Preferences>('/notifications/preferences'),
    setPreference: (category: NotificationCategory, delivery: NotificationDelivery) =>
      client.put<Preferences>('/notifications/preferences', { preferences: { [category]: delivery } }),
    /**
     * Follows the live stream until the returned function is called. EventSource cannot send the
     * bearer token, so each connection opens with a short-lived ticket; when a reconnect is refused
     * (the ticket expired) a new ticket is fetched and the stream resumes after the last event seen.
     */
    follow: (onEvent: (event: StreamEvent) => void, onLive: (live: boolean) => void): (() => void) => {
      let source: EventSource | null = null;
      let lastEventId: string | null = null;
      let stopped = false;
      let retry: ReturnType<typeof setTimeout> | undefined;
      const open = async () => {
        try {
          const { streamUrl } = await client.post<{ streamUrl: string }>('/notifications/stream-tickets');
          if (stopped) return;
          const url = new URL(streamUrl, window.location.origin);
          if (lastEventId) url.searchParams.set('lastEventId', lastEventId);
          source = new EventSource(url);
        } catch {
          onLive(false);
          if (!stopped) retry = setTimeout(() => void open(), 5000);
          return;
        }
        const track = (event: MessageEvent<string>) => {
          if (event.lastEventId) lastEventId = event.lastEventId;
        };
        source.onopen = () => onLive(true);
        source.addEventListener('notification', (event) => {
          track(event);
          const data = JSON.parse(event.data) as { item: NotificationItem; toast: boolean };
          onEvent({ kind: 'notification', item: data.item, toast: data.toast });
        });
        source.addEventListener('unread', (event) => {
          track(event);
          onEvent({ kind: 'unread', count: JSON.parse(event.data) as UnreadCount });
        });
        source.addEventListener('resync', () => onEvent({ kind: 'resync' }));
        source.onerror = () => {
          onLive(false);
          // The browser retries by itself while the connection merely dropped; a closed source was
          // refused (expired ticket): open a new one with a fresh ticket.
          if (source?.readyState === EventSource.CLOSED && !stopped) {
            source.close();
            retry = setTimeout(() => void open(), 1000);
          }
        };
      };
      void open();
      return () => {
        stopped = true;
        clearTimeout(retry);
        source?.close();
      };
    },
  };
};

export type NotificationsApi = ReturnType<typeof notificationsApi>;
