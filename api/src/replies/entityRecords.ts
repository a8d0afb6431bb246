import type { EntityManager } from '@mikro-orm/postgresql';
import type { EntityName } from '@mikro-orm/core';
import { notFound } from '@c360/domain';
import { forTenant } from '@c360/store';
import type { CollectionRecords } from './replyCollectionRoutes';

/**
 * A tenant's rows of one entity as a collection: listed in one order, created from the body,
 * changed field by field (a field left out of the patch stays), a missing id a 404 naming `noun`.
 */
export const entityRecords = <Row extends object, Create, Patch extends object>(
  rootEm: EntityManager,
  tenantId: string,
  entity: EntityName<Row>,
  noun: string,
  options: { orderBy: Record<string, 'asc' | 'desc'>; create: (body: Create) => Record<string, unknown> },
): CollectionRecords<Row, Create, Patch, undefined> => {
  const scoped = () => forTenant(rootEm, tenantId);
  const load = async (em: EntityManager, id: string): Promise<Row> => {
    const row = (await em.findOne(entity, { id } as never)) as Row | null;
    if (!row) throw notFound(noun, id);
    return row;
  };
  return {
    list: async () => (await scoped().find(entity, {}, { orderBy: options.orderBy as never })) as Row[],
    create: async (body) => {
      const em = scoped();
      const row = em.create(entity, { tenant: tenantId, ...options.create(body) } as never);
      await em.flush();
      return row;
    },
    get: (id) => load(scoped(), id),
    update: async (id, patch) => {
      const em = scoped();
      const row = await load(em, id);
      for (const [k, v] of Object.entries(patch))
        if (v !== undefined) (row as Record<string, unknown>)[k] = v;
      await em.flush();
      return row;
    },
    remove: async (id) => {
      const em = scoped();
      await em.remove(await load(em, id)).flush();
    },
  };
};
