import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import type { Logger } from 'pino';
import { AppError } from '@c360/domain';
import { defineRoute, type ApiRoute } from '../http/defineRoute';
import { errorResponseSchema, idParamsSchema } from '../openapi/commonSchemas';
import type { NotificationHub } from './notificationHub';
import { notificationRecords } from './notificationRecords';
import {
  notificationItemSchema,
  notificationListQuerySchema,
  notificationListSchema,
  notificationPreferencesChangeSchema,
  notificationPreferencesSchema,
  readAllBodySchema,
  readAllResultSchema,
  streamQuerySchema,
  streamTicketSchema,
  unreadCountSchema,
} from './notificationSchemas';
import { DEFAULT_STREAM_SETTINGS, runNotificationStream, type StreamSettings } from './notificationStream';
import type { StreamTickets } from './streamTickets';

/** Every signed-in user has a notification center. */
const EVERYONE = ['agent', 'marketer', 'manager', 'admin', 'ops'] as const;

export type NotificationStreamDeps = {
  hub: NotificationHub;
  tickets: StreamTickets;
  settings?: Partial<StreamSettings>;
};

export type NotificationRouteDeps = {
  em: EntityManager;
  now: () => Date;
  logger: Logger;
  /** The live stream; without it the ticket and stream routes answer 503. */
  stream?: NotificationStreamDeps | undefined;
};

const STREAM_PATH = '/api/v1/notifications/stream';

const STREAM_DESCRIPTION = `Server-sent events (text/event-stream) of the caller's notification center.

**Authentication.** EventSource cannot send an Authorization header, so the stream takes a short-lived
\`ticket\` in the query, from \`POST /api/v1/notifications/stream-tickets\` (bearer token). The ticket is
signed for the stream only (an access token is refused here, a ticket is refused everywhere else) and
expires after a minute or two; the browser's automatic reconnects reuse the URL, so when a reconnect
answers 401, ask for a new ticket and open a new EventSource with \`lastEventId\` in the query.

**Events.**
- \`notification\` (id = the item's \`seq\`): \`{ item: Notification, toast: boolean }\`. \`toast\` is true when the
  user's delivery for the category is \`toast\` and the item is unread and fresh; a digest that grows is sent
  again with the same item id (replace it) and without a toast.
- \`unread\`: \`{ unread, byCategory }\` after every change, including reads in another tab.
- \`resync\`: more items arrived while disconnected than are replayed; reload the list.
- a \`: heartbeat\` comment line every few seconds.

**Resume.** Ids grow per user. With \`Last-Event-ID\` (sent by EventSource on reconnect) or \`lastEventId\`,
the stream first sends the items after that id (at most the newest 50, plus \`resync\` when there were more),
then the count. A fresh connection without an id gets no backlog: only the \`unread\` count, carrying the
user's newest id as its event id so the next reconnect resumes from there.

Changes are carried by PostgreSQL LISTEN/NOTIFY, so items written by the worker or any API process arrive.`;

/** The notification center: list, counts, read state, preferences, and the live stream. */
export const notificationRoutes = (deps: NotificationRouteDeps): ApiRoute[] => {
  const records = (tenantId: string, userId: string) =>
    notificationRecords(deps.em, { tenantId, userId }, deps.now);
  const requireStream = (): NotificationStreamDeps => {
    if (!deps.stream) throw new AppError('unavailable', 'the notification stream is not configured here');
    return deps.stream;
  };
  return [
    defineRoute({
      method: 'get',
      path: '/api/v1/notifications',
      operationId: 'listNotifications',
      summary: "The caller's notifications, newest first",
      description: 'Paged by `nextCursor`. Items folded into a digest show through the digest.',
      tags: ['notifications'],
      access: EVERYONE,
      query: notificationListQuerySchema,
      responses: { 200: { description: 'A page of notifications', schema: notificationListSchema } },
      handler: async ({ principal, query }) => ({
        status: 200,
        body: await records(principal.tenantId, principal.userId).list(query),
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/notifications/unread-count',
      operationId: 'countUnreadNotifications',
      summary: "The caller's unread notifications, in total and by category",
      tags: ['notifications'],
      access: EVERYONE,
      responses: { 200: { description: 'Unread counts', schema: unreadCountSchema } },
      handler: async ({ principal }) => ({
        status: 200,
        body: await records(principal.tenantId, principal.userId).unreadCount(),
      }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/notifications/:id/read',
      operationId: 'markNotificationRead',
      summary: 'Mark one notification read',
      tags: ['notifications'],
      access: EVERYONE,
      params: idParamsSchema,
      responses: { 200: { description: 'The item', schema: notificationItemSchema } },
      errors: [404],
      handler: async ({ principal, params }) => ({
        status: 200,
        body: await records(principal.tenantId, principal.userId).setRead(params.id, true),
      }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/notifications/:id/unread',
      operationId: 'markNotificationUnread',
      summary: 'Mark one notification unread',
      tags: ['notifications'],
      access: EVERYONE,
      params: idParamsSchema,
      responses: { 200: { description: 'The item', schema: notificationItemSchema } },
      errors: [404],
      handler: async ({ principal, params }) => ({
        status: 200,
        body: await records(principal.tenantId, principal.userId).setRead(params.id, false),
      }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/notifications/read-all',
      operationId: 'markAllNotificationsRead',
      summary: "Mark all the caller's notifications read (optionally one category, up to a seq)",
      tags: ['notifications'],
      access: EVERYONE,
      body: readAllBodySchema,
      responses: {
        200: { description: 'How many changed, and the counts after', schema: readAllResultSchema },
      },
      handler: async ({ principal, body }) => ({
        status: 200,
        body: await records(principal.tenantId, principal.userId).readAll(body),
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/v1/notifications/preferences',
      operationId: 'getNotificationPreferences',
      summary: "The caller's delivery per category (in_app, toast, email, none), defaults filled in",
      tags: ['notifications'],
      access: EVERYONE,
      responses: { 200: { description: 'Every category', schema: notificationPreferencesSchema } },
      handler: async ({ principal }) => ({
        status: 200,
        body: { preferences: await records(principal.tenantId, principal.userId).preferences() },
      }),
    }),
    defineRoute({
      method: 'put',
      path: '/api/v1/notifications/preferences',
      operationId: 'changeNotificationPreferences',
      summary: "Change the caller's delivery for some categories",
      description: '`default` forgets the choice, so the category follows its default again.',
      tags: ['notifications'],
      access: EVERYONE,
      body: notificationPreferencesChangeSchema,
      responses: {
        200: { description: 'Every category after the change', schema: notificationPreferencesSchema },
      },
      handler: async ({ principal, body }) => ({
        status: 200,
        body: {
          preferences: await records(principal.tenantId, principal.userId).changePreferences(
            body.preferences,
          ),
        },
      }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/v1/notifications/stream-tickets',
      operationId: 'createNotificationStreamTicket',
      summary:
        'A short-lived ticket that opens the notification stream (EventSource cannot send a bearer token)',
      tags: ['notifications'],
      access: EVERYONE,
      responses: { 201: { description: 'The ticket and the URL to open', schema: streamTicketSchema } },
      errors: [503],
      handler: async ({ principal }) => {
        const { ticket, expiresAt } = await requireStream().tickets.issue(principal, deps.now());
        return {
          status: 201,
          body: {
            ticket,
            expiresAt: expiresAt.toISOString(),
            streamUrl: `${STREAM_PATH}?ticket=${encodeURIComponent(ticket)}`,
          },
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: STREAM_PATH,
      operationId: 'streamNotifications',
      summary: "Live stream of the caller's notifications (server-sent events)",
      description: STREAM_DESCRIPTION,
      tags: ['notifications'],
      access: 'public',
      query: streamQuerySchema,
      responses: {
        200: {
          description: 'The event stream (open until the client closes it)',
          mediaType: 'text/event-stream',
          schema: z
            .string()
            .meta({ description: 'events `notification`, `unread`, `resync`; heartbeat comments' }),
          headers: { 'Last-Event-ID': 'request header: resume after this event id' },
        },
        401: {
          description: 'The ticket is missing its signature, forged, or expired: ask for a new one',
          schema: errorResponseSchema,
        },
      },
      errors: [503],
      handler: async ({ req, res, query }) => {
        const stream = requireStream();
        const principal = await stream.tickets.verify(query.ticket);
        const header = req.headers['last-event-id'];
        const fromHeader =
          typeof header === 'string' && /^\d{1,18}$/.test(header.trim()) ? header.trim() : undefined;
        const lastEventId = fromHeader ?? query.lastEventId;
        runNotificationStream({
          req,
          res,
          hub: stream.hub,
          records: records(principal.tenantId, principal.userId),
          caller: { tenantId: principal.tenantId, userId: principal.userId },
          lastSeq: lastEventId === undefined ? null : Number(lastEventId),
          settings: { ...DEFAULT_STREAM_SETTINGS, ...stream.settings },
          now: deps.now,
          logger: deps.logger,
        });
        return { status: 200, streamed: true };
      },
    }),
  ];
};
