import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import type { Notification } from '@c360/store';
import type { NotificationHub } from './notificationHub';
import { toNotificationDto, type notificationRecords } from './notificationRecords';

export type StreamSettings = {
  /** A comment line this often keeps proxies and the browser from closing an idle stream. */
  heartbeatMs: number;
  /** At most this many items are replayed after a reconnect; older ones are announced by `resync`. */
  resumeLimit: number;
  /** A toast item older than this is sent without `toast` (a reconnect must not pop stale toasts). */
  toastMaxAgeMs: number;
};

export const DEFAULT_STREAM_SETTINGS: StreamSettings = {
  heartbeatMs: 15_000,
  resumeLimit: 50,
  toastMaxAgeMs: 120_000,
};

type Records = ReturnType<typeof notificationRecords>;

/**
 * One open stream: catch-up (after `lastSeq`, bounded) or just the unread count on a fresh
 * connection, then every change the hub signals, in order, then heartbeats until the client goes.
 * Writes are chained, so a catch-up and a live signal never interleave or repeat an id.
 */
export const runNotificationStream = (input: {
  req: Request;
  res: Response;
  hub: NotificationHub;
  records: Records;
  caller: { tenantId: string; userId: string };
  lastSeq: number | null;
  settings: StreamSettings;
  now: () => Date;
  logger: Logger;
}): void => {
  const { req, res, records, settings } = input;
  let cursor = input.lastSeq ?? 0;
  let open = true;
  let chain: Promise<void> = Promise.resolve();

  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  res.write('retry: 3000\n\n');

  const write = (event: string, data: unknown, id?: number) => {
    if (!open) return;
    res.write(`${id !== undefined ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
  };
  const toastOf = (item: Notification) =>
    item.delivery === 'toast' &&
    item.readAt == null &&
    item.foldedCount <= 1 &&
    input.now().getTime() - item.createdAt.getTime() <= settings.toastMaxAgeMs;

  const sendCount = async (id?: number) => write('unread', await records.unreadCount(), id);
  const sendNew = async () => {
    const { items, missed } = await records.after(cursor, settings.resumeLimit);
    if (missed) write('resync', { reason: 'more items arrived than a reconnect replays; reload the list' });
    for (const item of items) {
      write('notification', { item: toNotificationDto(item), toast: toastOf(item) }, item.seq);
      cursor = Math.max(cursor, item.seq);
    }
    await sendCount();
  };
  const enqueue = (job: () => Promise<void>) => {
    chain = chain.then(job).catch((error: unknown) => {
      input.logger.warn({ err: (error as Error).message }, 'notification stream failed; closing it');
      close();
      res.end();
    });
  };

  // Subscribed before the first read, so nothing committed in between is missed.
  const unsubscribe = input.hub.subscribe(input.caller, (signal) =>
    enqueue(() => (signal.seq === null && !signal.catchUp ? sendCount() : sendNew())),
  );
  enqueue(async () => {
    if (input.lastSeq !== null) return sendNew();
    // A fresh connection: no backlog, only the count, with the user's newest id as the event
    // id so the browser's automatic reconnect resumes from here.
    cursor = await records.headSeq();
    return sendCount(cursor);
  });
  const heartbeat = setInterval(() => {
    if (open) res.write(': heartbeat\n\n');
  }, settings.heartbeatMs);

  function close(): void {
    if (!open) return;
    open = false;
    clearInterval(heartbeat);
    unsubscribe();
  }
  req.on('close', close);
  res.on('close', close);
};
