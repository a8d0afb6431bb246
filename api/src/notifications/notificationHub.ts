import { Client as PgClient } from 'pg';
import type { Logger } from 'pino';
import { NOTIFICATION_CHANNEL, type NotificationSignal } from '@c360/store';

/** `seq`: a new or grown item; null: read state changed; `catchUp`: signals may have been missed. */
export type HubSignal = { seq: number | null; catchUp?: true };

export type NotificationHub = {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Calls `onSignal` for every change of this user's items, from any process; returns the unsubscribe. */
  subscribe(key: { tenantId: string; userId: string }, onSignal: (signal: HubSignal) => void): () => void;
  subscribers(): number;
};

const keyOf = (tenantId: string, userId: string) => `${tenantId}:${userId}`;

/**
 * One LISTEN connection per API process on the notification channel, fanned out to the streams
 * open in this process. The row trigger fires on commit, so an item written by the worker (or
 * any API process) reaches every process's streams. After a lost connection it reconnects and
 * tells every stream to catch up, since signals sent meanwhile are gone.
 */
export const createNotificationHub = (deps: {
  databaseUrl: string;
  logger: Logger;
  reconnectMs?: number;
}): NotificationHub => {
  const listeners = new Map<string, Set<(signal: HubSignal) => void>>();
  let client: PgClient | null = null;
  let running = false;

  const broadcast = (signal: HubSignal) => {
    for (const set of listeners.values()) for (const fn of set) fn(signal);
  };

  const connect = async (): Promise<void> => {
    const next = new PgClient({ connectionString: deps.databaseUrl });
    next.on('notification', (message) => {
      if (!message.payload) return;
      let parsed: NotificationSignal;
      try {
        parsed = JSON.parse(message.payload) as NotificationSignal;
      } catch {
        return;
      }
      const set = listeners.get(keyOf(parsed.tenantId, parsed.userId));
      if (!set) return;
      const signal = { seq: parsed.seq === null ? null : Number(parsed.seq) };
      for (const fn of set) fn(signal);
    });
    next.on('error', (err) => {
      deps.logger.warn({ err: err.message }, 'notification listener lost its connection; reconnecting');
      client = null;
      void next.end().catch(() => undefined);
      if (running) setTimeout(() => void reconnect(), deps.reconnectMs ?? 1_000);
    });
    await next.connect();
    await next.query(`LISTEN ${NOTIFICATION_CHANNEL}`);
    client = next;
  };

  const reconnect = async (): Promise<void> => {
    if (!running || client) return;
    try {
      await connect();
      broadcast({ seq: null, catchUp: true });
    } catch (error) {
      deps.logger.warn({ err: (error as Error).message }, 'notification listener reconnect failed');
      if (running) setTimeout(() => void reconnect(), deps.reconnectMs ?? 1_000);
    }
  };

  return {
    async start() {
      if (running) return;
      running = true;
      await connect();
    },
    async stop() {
      running = false;
      const current = client;
      client = null;
      await current?.end().catch(() => undefined);
    },
    subscribe({ tenantId, userId }, onSignal) {
      const key = keyOf(tenantId, userId);
      const set = listeners.get(key) ?? new Set();
      set.add(onSignal);
      listeners.set(key, set);
      return () => {
        set.delete(onSignal);
        if (set.size === 0) listeners.delete(key);
      };
    },
    subscribers: () => [...listeners.values()].reduce((n, s) => n + s.size, 0),
  };
};
