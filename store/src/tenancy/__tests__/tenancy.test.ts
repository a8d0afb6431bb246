import { AppError } from '@c360/domain';
import { Customer, Deal, Tenant, Ticket } from '../../entities';
import { useTestDatabase } from '../../testing/useTestDatabase';
import { forTenant } from '../forTenant';
import { TenantScopeError } from '../tenantFilter';

const db = useTestDatabase();

type Fixture = { a: string; b: string; aCustomers: string[]; bCustomers: string[] };

const setUp = async (): Promise<Fixture> => {
  const root = db.orm.em.fork();
  const a = root.create(Tenant, { name: 'Tenant A', slug: 'tenant-a', timeZone: 'Europe/Paris' });
  const b = root.create(Tenant, { name: 'Tenant B', slug: 'tenant-b', timeZone: 'America/New_York' });
  await root.flush();
  const make = async (tenantId: string, names: string[]): Promise<string[]> => {
    const em = forTenant(db.orm.em, tenantId);
    const customers = names.map((n) =>
      em.create(Customer, {
        tenant: tenantId,
        firstName: n,
        lastName: 'Doe',
        timeZone: 'UTC',
        language: 'en',
      }),
    );
    for (const c of customers)
      em.create(Ticket, {
        tenant: tenantId,
        customer: c,
        subject: `help ${c.firstName}`,
        slaPolicy: 'standard',
      });
    await em.flush();
    return customers.map((c) => c.id);
  };
  return {
    a: a.id,
    b: b.id,
    aCustomers: await make(a.id, ['Ann', 'Arno']),
    bCustomers: await make(b.id, ['Bob', 'Bea', 'Ben']),
  };
};

let f: Fixture;
beforeAll(async () => {
  f = await setUp();
});

describe('tenant filter', () => {
  it('refuses a query on tenant-owned data made without a tenant', async () => {
    const em = db.orm.em.fork();
    await expect(em.find(Customer, {})).rejects.toThrow(TenantScopeError);
    await expect(em.findOne(Customer, { id: f.bCustomers[0]! })).rejects.toThrow(
      /without a tenant: use forTenant/,
    );
    await expect(em.count(Ticket)).rejects.toThrow(TenantScopeError);
    await expect(em.nativeUpdate(Customer, {}, { isVip: true })).rejects.toThrow(TenantScopeError);
    await expect(em.nativeDelete(Ticket, {})).rejects.toThrow(TenantScopeError);
    // Nothing was changed by the refused update/delete.
    const rows = await em
      .getConnection()
      .execute<{ n: string }[]>('select count(*) as n from customer where is_vip');
    expect(Number(rows[0]?.n)).toBe(0);
  });

  it('still reads the tenant table itself, which is not tenant-owned', async () => {
    const tenants = await db.orm.em.fork().find(Tenant, {}, { orderBy: { slug: 'asc' } });
    expect(tenants.map((t) => t.slug)).toEqual(['tenant-a', 'tenant-b']);
  });

  it('never returns another tenant’s rows through find, findOne, count or populate', async () => {
    const em = forTenant(db.orm.em, f.a);
    const customers = await em.find(Customer, {}, { orderBy: { firstName: 'asc' } });
    expect(customers.map((c) => c.firstName)).toEqual(['Ann', 'Arno']);
    expect(customers.every((c) => c.tenant === f.a)).toBe(true);
    expect(await em.findOne(Customer, f.bCustomers[0]!)).toBeNull();
    expect(await em.findOne(Customer, { id: { $in: f.bCustomers } })).toBeNull();
    expect(await em.count(Customer)).toBe(2);
    expect(await em.count(Ticket, { customer: { $in: f.bCustomers } })).toBe(0);
    const tickets = await em.find(Ticket, {}, { populate: ['customer'] });
    expect(tickets).toHaveLength(2);
    expect(tickets.every((t) => f.aCustomers.includes(t.customer.id))).toBe(true);
    expect(await forTenant(db.orm.em, f.b).count(Customer)).toBe(3);
  });

  it('keeps the scope in forks and transactions started from a scoped EntityManager', async () => {
    const em = forTenant(db.orm.em, f.b);
    expect(await em.fork().count(Customer)).toBe(3);
    await em.transactional(async (tx) => {
      expect(await tx.count(Customer)).toBe(3);
    });
  });

  it('limits bulk updates and deletes to the scoped tenant', async () => {
    const em = forTenant(db.orm.em, f.a);
    const updated = await em.nativeUpdate(Customer, {}, { tags: ['bulk'] });
    expect(updated).toBe(2);
    const rows = await em
      .getConnection()
      .execute<{ tenant_id: string }[]>(`select tenant_id from customer where 'bulk' = any(tags)`);
    expect(new Set(rows.map((r) => r.tenant_id))).toEqual(new Set([f.a]));
  });

  it('rejects a malformed tenant id', () => {
    expect(() => forTenant(db.orm.em, 'not-a-uuid')).toThrow(TenantScopeError);
  });
});

describe('tenant scope on query builders', () => {
  it('scopes selects, counts, clones and sub-queries to the tenant, whatever the where clause', async () => {
    const em = forTenant(db.orm.em, f.a);
    const all = await em.createQueryBuilder(Customer).select('*').where({}).getResultList();
    expect(all.map((c) => c.tenant)).toEqual([f.a, f.a]);
    expect(await em.qb(Customer).where({ id: f.bCustomers[0] }).getSingleResult()).toBeNull();
    expect(await em.qb(Customer).where({ lastName: 'Doe' }).getCount()).toBe(2);
    const [rows, count] = await em
      .qb(Customer, 'c')
      .where({ firstName: { $ne: null } })
      .limit(1)
      .getResultAndCount();
    expect([rows.length, count]).toEqual([1, 2]);
    const sub = em.qb(Customer, 'c2').select('c2.id');
    const tickets = await em
      .qb(Ticket, 't')
      .where({ customer: { $in: sub.getKnexQuery() } })
      .getResultList();
    expect(tickets).toHaveLength(2);
    // A sub-query on its own, run through another tenant's builder, still only sees its tenant.
    const own = await forTenant(db.orm.em, f.b)
      .qb(Ticket)
      .where({ customer: { $in: sub.getKnexQuery() } })
      .getCount();
    expect(own).toBe(0);
  });

  it('scopes updates and deletes made through a query builder', async () => {
    const em = forTenant(db.orm.em, f.b);
    const result = await em.qb(Customer).update({ lifecycleStage: 'prospect' }).where({}).execute('run');
    expect((result as unknown as { affectedRows: number }).affectedRows).toBe(3);
    const rows = await em
      .getConnection()
      .execute<{ tenant_id: string }[]>(`select tenant_id from customer where lifecycle_stage = 'prospect'`);
    expect(new Set(rows.map((r) => r.tenant_id))).toEqual(new Set([f.b]));
  });

  it('refuses to build a query on tenant-owned data without a tenant, but allows other tables', async () => {
    const em = db.orm.em.fork();
    await expect(em.qb(Customer).where({}).getResultList()).rejects.toThrow(
      /query builder on Customer without a tenant/,
    );
    expect(() => em.qb(Ticket).select('id').getKnexQuery()).toThrow(TenantScopeError);
    expect(await em.qb(Tenant).getCount()).toBe(2);
  });
});

describe('tenant guard on flush', () => {
  it('refuses to write a tenant-owned row without a tenant scope', async () => {
    const em = db.orm.em.fork();
    em.create(Customer, { tenant: f.a, firstName: 'No', lastName: 'Scope', timeZone: 'UTC', language: 'en' });
    await expect(em.flush()).rejects.toThrow(/create of Customer without a tenant/);
  });

  it('refuses to write another tenant’s row through a scoped EntityManager', async () => {
    const em = forTenant(db.orm.em, f.a);
    em.create(Customer, {
      tenant: f.b,
      firstName: 'Wrong',
      lastName: 'Tenant',
      timeZone: 'UTC',
      language: 'en',
    });
    await expect(em.flush()).rejects.toThrow(/through an EntityManager scoped to tenant/);
  });

  it('refuses to remove a bare reference, which would delete by id alone', async () => {
    const em = forTenant(db.orm.em, f.a);
    em.remove(em.getReference(Customer, f.bCustomers[0]!));
    await expect(em.flush()).rejects.toThrow(/bare Customer reference/);
    expect(await forTenant(db.orm.em, f.b).count(Customer)).toBe(3);
  });

  it('answers not found for a reference to another tenant’s record, and writes nothing', async () => {
    const em = forTenant(db.orm.em, f.a);
    em.create(Deal, {
      tenant: f.a,
      customer: f.bCustomers[0]!,
      title: 'Cross',
      amount: 10,
      currency: 'EUR',
      status: 'open',
      stage: 'new',
    });
    const error = await em.flush().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).kind).toBe('not_found');
    expect((error as AppError).message).toBe(`Customer ${f.bCustomers[0]} not found`);
    expect(await forTenant(db.orm.em, f.a).count(Deal)).toBe(0);
    expect(await forTenant(db.orm.em, f.b).count(Deal)).toBe(0);
  });

  it('accepts a reference by id to a record of the same tenant, also one inserted earlier in the same transaction', async () => {
    await forTenant(db.orm.em, f.a).transactional(async (tx) => {
      const c = tx.create(Customer, {
        tenant: f.a,
        firstName: 'Tx',
        lastName: 'Early',
        timeZone: 'UTC',
        language: 'en',
      });
      await tx.flush();
      const fresh = tx.fork({ keepTransactionContext: true });
      fresh.create(Deal, {
        tenant: f.a,
        customer: c.id,
        title: 'Same tenant',
        amount: 5,
        currency: 'EUR',
        status: 'won',
        stage: 'closed',
      });
      await fresh.flush();
    });
    expect(await forTenant(db.orm.em, f.a).count(Deal, { title: 'Same tenant' })).toBe(1);
  });
});
