import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { Client as PgClient } from 'pg';
import {
  buildCustomerDocuments,
  ensureCustomerIndex,
  OUTBOX_CHANNEL,
  writeCustomerDocuments,
  type SearchClient,
} from '@c360/store';
import type { RelayRescore } from '../scores/rescoreChangedCustomers';
import type { SegmentMembershipTracker } from '../segments/createSegmentMembershipTracker';
import type { Dispatcher } from '../dispatch/createDispatcher';

export type RelayLogger = {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
};

export type OutboxRelayDeps = {
  orm: MikroORM;
  databaseUrl: string;
  search: SearchClient;
  indexPrefix: string;
  logger: RelayLogger;
  batchSize?: number;
  /** Longest wait between retries while OpenSearch (or anything downstream) is failing. */
  maxBackoffMs?: number;
  /** A safety net for a missed notification (e.g. while the listener reconnected); not a poll loop. */
  idleCheckMs?: number;
  clock?: () => Date;
  /** Recomputes the scores of customers whose score inputs changed (the worker passes `rescoreChangedCustomers`). */
  rescore?: RelayRescore;
  /** Real-time segment membership, run after each tenant's documents are written (worker main wires it). */
  segments?: SegmentMembershipTracker;
  /** Starts and signals workflows for business events (worker main wires it with the Temporal client). */
  dispatcher?: Dispatcher;
};

export type OutboxRow = {
  id: string;
  tenant_id: string;
  aggregate_type: string;
  aggregate_id: string;
  type: string;
  payload: Record<string, unknown> | null;
  created_at: Date;
};

export type RelayStats = {
  batches: number;
  events: number;
  indexed: number;
  deleted: number;
  stale: number;
  failures: number;
  /** Events a route or Temporal rejected for good (kept processed, with `last_error` saying why). */
  dispatchFailures: number;
};

export type OutboxRelay = {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Processes everything pending now; resolves with the number of events handled. For tests and the CLI. */
  drain(): Promise<number>;
  stats(): RelayStats;
};

// Any constant works; it only has to be the same for every relay process on the database.
const RELAY_LOCK_KEY = 360_001;

const CUSTOMER_EVENTS = new Set(['customer.changed', 'customer.deleted']);

const customerIdOf = (row: OutboxRow): string | null => {
  if (row.aggregate_type === 'customer') return row.aggregate_id;
  const fromPayload = row.payload?.['customerId'];
  return typeof fromPayload === 'string' ? fromPayload : null;
};

/**
 * The outbox relay: takes committed events in id order, turns customer changes into search
 * documents read fresh from PostgreSQL, bulk-writes them to OpenSearch, and marks the events
 * done in the same transaction that locked them. If OpenSearch fails the transaction rolls back
 * and the events wait: nothing is lost, and because documents are keyed by customer id and
 * versioned, a retried batch cannot duplicate anything. One relay works at a time (advisory lock),
 * which keeps the order total. It sleeps until PostgreSQL notifies it of new events.
 */
export const createOutboxRelay = (deps: OutboxRelayDeps): OutboxRelay => {
  const batchSize = deps.batchSize ?? 500;
  const maxBackoffMs = deps.maxBackoffMs ?? 30_000;
  const idleCheckMs = deps.idleCheckMs ?? 30_000;
  const clock = deps.clock ?? (() => new Date());
  const stats: RelayStats = {
    batches: 0,
    events: 0,
    indexed: 0,
    deleted: 0,
    stale: 0,
    failures: 0,
    dispatchFailures: 0,
  };

  let running = false;
  let listener: PgClient | null = null;
  let wake: (() => void) | null = null;
  let pendingWake = false;
  let loop: Promise<void> | null = null;
  let index: string | null = null;

  const processBatch = async (): Promise<number> => {
    index ??= await ensureCustomerIndex(deps.search, deps.indexPrefix);
    const target = index;
    return deps.orm.em.fork().transactional(async (tx: EntityManager) => {
      const [lock] = await tx.execute<{ locked: boolean }[]>(
        `select pg_try_advisory_xact_lock(${RELAY_LOCK_KEY}) as locked`,
      );
      if (!lock?.locked) return 0;
      const rows = await tx.execute<OutboxRow[]>(
        `select id, tenant_id, aggregate_type, aggregate_id, type, payload, created_at from outbox_event
         where processed_at is null order by id limit ${batchSize}`,
      );
      if (rows.length === 0) return 0;

      const customersByTenant = new Map<string, Set<string>>();
      for (const row of rows) {
        if (!CUSTOMER_EVENTS.has(row.type)) continue;
        const customerId = customerIdOf(row);
        if (!customerId) continue;
        const set = customersByTenant.get(row.tenant_id) ?? new Set<string>();
        set.add(customerId);
        customersByTenant.set(row.tenant_id, set);
      }
      for (const [tenantId, ids] of customersByTenant) {
        const now = clock();
        // Scores first, in this transaction, so the document below carries them.
        if (deps.rescore)
          await deps.rescore(
            tx,
            tenantId,
            rows.filter((r) => r.tenant_id === tenantId),
            now,
          );
        const batch = await buildCustomerDocuments(tx, tenantId, [...ids], now);
        const written = await writeCustomerDocuments(deps.search, target, batch);
        stats.indexed += written.indexed;
        stats.deleted += written.deleted;
        stats.stale += written.stale;

        // Segment membership: percolate the documents just written, on this same transaction.
        if (deps.segments) await deps.segments.afterCustomerDocuments(tx, tenantId, batch, now);
      }
      const rejected: { eventId: string; route: string; error: string }[] = [];
      // Workflows last: a Temporal outage rolls the whole batch back, so its events wait.
      if (deps.dispatcher) {
        const routed = rows.filter((r) => deps.dispatcher!.eventTypes.has(r.type));
        const { failed } = await deps.dispatcher.dispatch(
          tx,
          routed.map((r) => ({
            id: String(r.id),
            tenantId: r.tenant_id,
            type: r.type,
            aggregateType: r.aggregate_type,
            aggregateId: r.aggregate_id,
            payload: r.payload ?? {},
            createdAt: new Date(r.created_at),
          })),
        );
        stats.dispatchFailures += failed.length;
        rejected.push(...failed);
      }
      await tx.execute(
        `update outbox_event set processed_at = now(), attempts = attempts + 1, last_error = null where id in (${rows
          .map((r) => Number(r.id))
          .join(',')})`,
      );
      for (const f of rejected)
        await tx.execute(`update outbox_event set last_error = ? where id = ?`, [
          `${f.route}: ${f.error}`.slice(0, 2000),
          Number(f.eventId),
        ]);
      stats.batches += 1;
      stats.events += rows.length;
      return rows.length;
    });
  };

  const recordFailure = async (error: unknown): Promise<void> => {
    stats.failures += 1;
    const message = error instanceof Error ? error.message : String(error);
    try {
      await deps.orm.em
        .fork()
        .execute(
          `update outbox_event set attempts = attempts + 1, last_error = ? where id = (select min(id) from outbox_event where processed_at is null)`,
          [message.slice(0, 2000)],
        );
    } catch {
      // The database may be what is down; the log line below is then all we can do.
    }
    deps.logger.warn({ err: message }, 'outbox relay batch failed; events kept for retry');
  };

  const drain = async (): Promise<number> => {
    let total = 0;
    for (;;) {
      const n = await processBatch();
      total += n;
      if (n < batchSize) return total;
    }
  };

  const sleep = (ms: number): Promise<void> =>
    new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        wake = null;
        resolve();
      }
      wake = done;
    });

  const runLoop = async (): Promise<void> => {
    let backoff = 250;
    while (running) {
      pendingWake = false;
      try {
        await drain();
        backoff = 250;
        if (!pendingWake && running) await sleep(idleCheckMs);
      } catch (error) {
        await recordFailure(error);
        if (running) await sleep(backoff);
        backoff = Math.min(backoff * 2, maxBackoffMs);
      }
    }
  };

  const connectListener = async (): Promise<void> => {
    const client = new PgClient({ connectionString: deps.databaseUrl });
    client.on('notification', () => {
      pendingWake = true;
      wake?.();
    });
    client.on('error', (err) => {
      deps.logger.warn({ err: err.message }, 'outbox listener lost its connection; reconnecting');
      listener = null;
      void client.end().catch(() => undefined);
      if (running) setTimeout(() => void connectListener().catch(() => undefined), 1_000);
    });
    await client.connect();
    await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    listener = client;
    // Events committed while we were not listening would otherwise wait for the idle check.
    pendingWake = true;
    wake?.();
  };

  return {
    async start() {
      if (running) return;
      running = true;
      await connectListener();
      loop = runLoop();
      deps.logger.info({ batchSize }, 'outbox relay started');
    },
    async stop() {
      running = false;
      wake?.();
      await loop;
      loop = null;
      await listener?.end().catch(() => undefined);
      listener = null;
    },
    drain,
    stats: () => ({ ...stats }),
  };
};
