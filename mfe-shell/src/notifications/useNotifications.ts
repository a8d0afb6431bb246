import { useCallback, useEffect, useState } from 'react';
import type { NotificationsApi } from './notificationsApi';
import type { NotificationItem, NotificationPreference, StreamEvent } from './notificationTypes';

export type NotificationCenterState = {
  items: NotificationItem[];
  unreadCount: number;
  preferences: NotificationPreference[];
  toasts: NotificationItem[];
  /** The list and count have been loaded once. */
  loaded: boolean;
  live: boolean;
  /** Why the center cannot work, when the API refuses it. */
  problem: string | null;
};

const TOAST_MS = 8000;

const upsert = (items: NotificationItem[], item: NotificationItem): NotificationItem[] =>
  // A digest that grows comes again with the same id: replace it, newest first.
  [item, ...items.filter((existing) => existing.id !== item.id)].sort((a, b) => b.seq - a.seq);

/**
 * The notification center's state: the persisted list, unread count and preferences from the API,
 * kept current by the live stream (new items, counts from other tabs, resync), with toasts for the
 * items the API marks as toasts (the user's per-category preference).
 */
export const useNotifications = (api: NotificationsApi) => {
  const [state, setState] = useState<NotificationCenterState>({
    items: [],
    unreadCount: 0,
    preferences: [],
    toasts: [],
    loaded: false,
    live: false,
    problem: null,
  });

  const dismissToast = useCallback(
    (id: string) => setState((s) => ({ ...s, toasts: s.toasts.filter((t) => t.id !== id) })),
    [],
  );

  useEffect(() => {
    const fail = (error: unknown) =>
      setState((s) => ({ ...s, problem: error instanceof Error ? error.message : String(error) }));
    const reload = () =>
      Promise.all([api.list(), api.unreadCount()]).then(
        ([page, count]) =>
          setState((s) => ({
            ...s,
            items: page.data,
            unreadCount: count.unread,
            loaded: true,
            problem: null,
          })),
        fail,
      );
    api.preferences().then(({ preferences }) => setState((s) => ({ ...s, preferences })), fail);
    void reload();
    const onEvent = (event: StreamEvent) => {
      if (event.kind === 'resync') {
        void reload();
      } else if (event.kind === 'unread') {
        setState((s) => ({ ...s, unreadCount: event.count.unread }));
      } else {
        setState((s) => ({
          ...s,
          items: upsert(s.items, event.item),
          toasts: event.toast ? [...s.toasts.filter((t) => t.id !== event.item.id), event.item] : s.toasts,
        }));
        if (event.toast) setTimeout(() => dismissToast(event.item.id), TOAST_MS);
      }
    };
    return api.follow(onEvent, (live) => setState((s) => ({ ...s, live })));
  }, [api, dismissToast]);

  const setRead = useCallback(
    async (item: NotificationItem, read: boolean) => {
      const updated = read ? await api.markRead(item.id) : await api.markUnread(item.id);
      setState((s) => ({ ...s, items: s.items.map((i) => (i.id === item.id ? updated : i)) }));
    },
    [api],
  );

  const markAllRead = useCallback(async () => {
    const upToSeq = Math.max(0, ...state.items.map((i) => i.seq));
    const result = await api.markAllRead(upToSeq);
    const now = new Date().toISOString();
    setState((s) => ({
      ...s,
      unreadCount: result.unread.unread,
      items: s.items.map((i) => (i.seq <= upToSeq && !i.read ? { ...i, read: true, readAt: now } : i)),
    }));
  }, [api, state.items]);

  const setPreference = useCallback(
    async (pref: NotificationPreference) => {
      const { preferences } = await api.setPreference(pref.category, pref.delivery);
      setState((s) => ({ ...s, preferences }));
    },
    [api],
  );

  return { state, setRead, markAllRead, setPreference, dismissToast };
};
