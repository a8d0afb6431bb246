import { SqlEntityManager, QueryType, type PostgreSqlDriver, type QueryBuilder } from '@mikro-orm/postgresql';
import type { ConnectionType, EntityName, LoggingOptions } from '@mikro-orm/core';
import { scopedTenantId } from './forTenant';
import { isTenantOwned } from './isTenantOwned';
import { TenantScopeError } from './tenantFilter';

type Finalizable = {
  finalize(): void;
  finalized: boolean;
  type?: QueryType;
  mainAlias: { entityName: string; metadata?: Parameters<typeof isTenantOwned>[0] };
  andWhere(cond: object): unknown;
  tenantScoped?: boolean;
};

// Inserts carry their tenant in the data; the other query types read or change existing rows.
const SCOPED_TYPES = new Set<QueryType | undefined>([
  undefined,
  QueryType.SELECT,
  QueryType.COUNT,
  QueryType.UPDATE,
  QueryType.DELETE,
]);

/**
 * The EntityManager every ORM of ours uses. MikroORM 6 applies filters to `em.find` & co. but
 * not to query builders (`em.createQueryBuilder`, `em.qb`), which would make them a way around
 * the tenant filter. Here a query builder on a tenant-owned entity gets `tenant_id = <scope>`
 * added when its SQL is built (whatever `where` calls came before), and refuses to build at all
 * without a scope. The hook is an own property of the builder, so clones (counts, pagination)
 * carry it too.
 */
export class TenantEntityManager extends SqlEntityManager<PostgreSqlDriver> {
  override createQueryBuilder<Entity extends object, RootAlias extends string = never>(
    entityName: EntityName<Entity> | QueryBuilder<Entity>,
    alias?: RootAlias,
    type?: ConnectionType,
    loggerContext?: LoggingOptions,
  ): QueryBuilder<Entity, RootAlias> {
    const qb = super.createQueryBuilder<Entity, RootAlias>(entityName, alias, type, loggerContext);
    const tenantId = scopedTenantId(this);
    const internal = qb as unknown as Finalizable;
    const finalize = Object.getPrototypeOf(qb).finalize as (this: Finalizable) => void;
    internal.finalize = function (this: Finalizable): void {
      if (
        !this.finalized &&
        !this.tenantScoped &&
        isTenantOwned(this.mainAlias.metadata) &&
        SCOPED_TYPES.has(this.type)
      ) {
        if (!tenantId) {
          throw new TenantScopeError(
            `query builder on ${this.mainAlias.entityName} without a tenant: use forTenant(em, tenantId) first`,
          );
        }
        this.andWhere({ tenant: tenantId });
        this.tenantScoped = true;
      }
      finalize.call(this);
    };
    return qb;
  }
}
