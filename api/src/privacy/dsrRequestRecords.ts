import type { EntityManager } from '@mikro-orm/postgresql';
import type { DsrKind } from '@c360/domain';
import { AuditLog, forTenant, User } from '@c360/store';

/** Audit actions of a data-subject request: asked for (by the API), then done (by the workflow). */
export const DSR_REQUESTED = 'dsr.requested';
const DSR_DONE: Record<string, DsrKind> = { 'dsr.exported': 'export', 'dsr.erased': 'erase' };

/** One request as the audit log remembers it; the live status of an unfinished one is Temporal's. */
export type DsrRequestRecord = {
  requestId: string;
  kind: DsrKind;
  requestedBy: { id: string; name: string } | null;
  createdAt: Date;
  /** When the workflow recorded its outcome; null while none is recorded. */
  completedAt: Date | null;
  /** The access archive named by a completed export. */
  fileName: string | null;
};

/**
 * Records that an admin asked for a request. The audit log, not a table of its own, because it
 * is the one record an erasure keeps: the list of requests outlives the customer it was about.
 * Ids only, like the erasure's own record.
 */
export const recordDsrRequested = async (
  em: EntityManager,
  input: {
    tenantId: string;
    customerId: string;
    requestId: string;
    userId: string;
    kind: DsrKind;
    workflowId: string;
  },
): Promise<void> => {
  const tx = forTenant(em.fork(), input.tenantId);
  tx.create(AuditLog, {
    tenant: input.tenantId,
    actorType: 'user',
    actorId: input.userId,
    action: DSR_REQUESTED,
    entityType: 'customer',
    entityId: input.customerId,
    before: null,
    after: { kind: input.kind, workflowId: input.workflowId },
    reason: input.kind === 'erase' ? 'data-subject erasure request' : 'data-subject access request',
    source: 'dsr',
    requestId: input.requestId,
  });
  await tx.flush();
};

/**
 * The customer's data-subject requests, newest first: every request id found in the audit log
 * (asked for through the API, or only completed, for requests made before it recorded the ask).
 * A customer holds a handful, so the page is cut here.
 */
export const listDsrRequests = async (
  em: EntityManager,
  tenantId: string,
  customerId: string,
): Promise<DsrRequestRecord[]> => {
  const tx = forTenant(em.fork(), tenantId);
  const rows = await tx.find(
    AuditLog,
    {
      entityType: 'customer',
      entityId: customerId,
      source: 'dsr',
      action: { $in: [DSR_REQUESTED, ...Object.keys(DSR_DONE)] },
      requestId: { $ne: null },
    },
    { orderBy: { createdAt: 'asc', id: 'asc' } },
  );
  const byRequest = new Map<string, DsrRequestRecord & { actorId: string | null }>();
  for (const row of rows) {
    const requestId = row.requestId!;
    const done = DSR_DONE[row.action];
    const kind = done ?? (row.after?.['kind'] as DsrKind);
    const record = byRequest.get(requestId) ?? {
      requestId,
      kind,
      requestedBy: null,
      actorId: row.actorId ?? null,
      createdAt: row.createdAt,
      completedAt: null,
      fileName: null,
    };
    if (done) {
      record.completedAt = row.createdAt;
      const fileName = row.after?.['fileName'];
      record.fileName = typeof fileName === 'string' ? fileName : null;
    }
    byRequest.set(requestId, record);
  }
  const actorIds = [...new Set([...byRequest.values()].map((r) => r.actorId).filter((id) => id !== null))];
  const users = actorIds.length ? await tx.find(User, { id: { $in: actorIds } }) : [];
  const names = new Map(users.map((u) => [u.id, u.name]));
  return [...byRequest.values()]
    .map(({ actorId, ...record }) => ({
      ...record,
      requestedBy: actorId ? { id: actorId, name: names.get(actorId) ?? '' } : null,
    }))
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.requestId.localeCompare(a.requestId));
};

/** The archive a completed export recorded in the audit log; null while none is recorded. */
export const recordedArchive = async (
  em: EntityManager,
  tenantId: string,
  ref: { customerId: string; requestId: string },
): Promise<string | null> => {
  const row = await forTenant(em.fork(), tenantId).findOne(AuditLog, {
    action: 'dsr.exported',
    entityType: 'customer',
    entityId: ref.customerId,
    requestId: ref.requestId,
  });
  const fileName = row?.after?.['fileName'];
  return typeof fileName === 'string' ? fileName : null;
};
