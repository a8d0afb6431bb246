import {
  helper,
  Reference,
  ReferenceKind,
  type EntityMetadata,
  type EventSubscriber,
  type FlushEventArgs,
} from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { notFound } from '@c360/domain';
import { scopedTenantId } from './forTenant';
import { isTenantOwned } from './isTenantOwned';
import { TenantScopeError } from './tenantFilter';

type Row = Record<string, unknown>;

/**
 * The write side of tenancy. The filter guards reads; this guards every flush (unit-of-work
 * writes; `em.insert`, `em.upsert` and `em.nativeInsert` bypass it and must set the tenant right):
 * - a tenant-owned row may only be written through an EntityManager scoped to its tenant;
 * - a reference to another tenant-owned row must point into the same tenant. A reference built
 *   from a bare id (`em.create(Deal, { customer: id })`) is checked against the database in one
 *   query per referenced table, so an id taken from a request cannot link tenants together; an
 *   unknown or foreign id is reported as not found, like a read of it would be.
 */
export class TenantGuardSubscriber implements EventSubscriber {
  async onFlush({ em, uow }: FlushEventArgs): Promise<void> {
    const tenantId = scopedTenantId(em);
    const unverified = new Map<EntityMetadata, Set<string>>();

    for (const cs of uow.getChangeSets()) {
      const owned = isTenantOwned(cs.meta);
      const isOutbox = cs.meta.className === 'OutboxEvent';
      if (!owned && !isOutbox) continue;
      if (!tenantId) {
        throw new TenantScopeError(
          `${cs.type} of ${cs.meta.className} without a tenant: use forTenant(em, tenantId) to write tenant data`,
        );
      }
      const entity = cs.entity as Row;
      const rowTenant = owned ? entity['tenant'] : entity['tenantId'];
      if (rowTenant === undefined && !helper(entity).__initialized) {
        // em.remove(em.getReference(...)) would delete by id alone, with no tenant in the query.
        throw new TenantScopeError(
          `${cs.type} of a bare ${cs.meta.className} reference: load it through the tenant-scoped EntityManager first`,
        );
      }
      if (rowTenant !== tenantId) {
        throw new TenantScopeError(
          `${cs.type} of ${cs.meta.className} of tenant ${String(rowTenant)} through an EntityManager scoped to tenant ${tenantId}`,
        );
      }
      if (cs.type === 'delete' || !owned) continue;

      for (const prop of cs.meta.relations) {
        if (prop.kind !== ReferenceKind.MANY_TO_ONE && prop.kind !== ReferenceKind.ONE_TO_ONE) continue;
        if (prop.name === 'tenant' || !(prop.name in cs.payload) || !isTenantOwned(prop.targetMeta)) continue;
        const value = entity[prop.name];
        if (value == null) continue;
        const target = Reference.unwrapReference(value as object) as Row;
        const wrapped = helper(target);
        if (wrapped.__initialized) {
          // Loaded through this (filtered) EntityManager or created in it: its tenant is at hand.
          if (target['tenant'] !== tenantId)
            throw notFound(prop.targetMeta!.className, String(wrapped.getPrimaryKey()));
          continue;
        }
        const ids = unverified.get(prop.targetMeta!) ?? new Set<string>();
        ids.add(String(wrapped.getPrimaryKey()));
        unverified.set(prop.targetMeta!, ids);
      }
    }

    const sqlEm = em as EntityManager;
    for (const [meta, ids] of unverified) {
      // Raw SQL is outside the filter, so the tenant is in the WHERE clause explicitly. It runs in
      // the flush's transaction context, so rows inserted earlier in the same transaction count.
      const rows = await sqlEm
        .getConnection()
        .execute<
          { id: string }[]
        >(`select id from "${meta.tableName}" where tenant_id = ? and id in (?)`, [tenantId, [...ids]], 'all', sqlEm.getTransactionContext());
      const found = new Set(rows.map((r) => r.id));
      const missing = [...ids].find((id) => !found.has(id));
      if (missing) throw notFound(meta.className, missing);
    }
  }
}
