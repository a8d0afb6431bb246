import { MIGRATIONS_TABLE } from '../ormOptions';
import { resetDatabase } from '../resetDatabase';
import { useTestDatabase } from '../../testing/useTestDatabase';

const db = useTestDatabase();

const query = <T>(sql: string, params: unknown[] = []): Promise<T[]> =>
  db.orm.em.fork().getConnection().execute<T[]>(sql, params);

describe('schema', () => {
  it('matches the entity definitions exactly (a change to an entity needs a migration)', async () => {
    const diff = await db.orm.schema.getUpdateSchemaSQL({ wrap: false });
    expect(diff.trim()).toBe('');
  });

  it('has the indexes the common queries need', async () => {
    const rows = await query<{ indexname: string; indexdef: string }>(
      `select indexname, indexdef from pg_indexes where schemaname = 'public'`,
    );
    const defs = rows.map((r) => r.indexdef.replace(/public\./g, ''));
    const expected = [
      /ON customer USING btree \(tenant_id, updated_at\)/,
      /ON message USING btree \(conversation_id, sent_at\)/,
      /ON deal USING btree \(customer_id\)/,
      /ON ticket USING btree \(customer_id, status\)/,
      /ON audit_log USING btree \(entity_type, entity_id, created_at\)/,
      /UNIQUE INDEX segment_membership_segment_id_customer_id_unique ON segment_membership USING btree \(segment_id, customer_id\)/,
      /ON segment_membership USING btree \(customer_id\)/,
      /ON outbox_event USING btree \(processed_at, id\) WHERE \(processed_at IS NULL\)/,
      /UNIQUE INDEX message_tenant_id_idempotency_key_unique ON message USING btree \(tenant_id, idempotency_key\)/,
      /UNIQUE INDEX feature_flag_tenant_id_key_unique ON feature_flag USING btree \(tenant_id, key\)/,
      /UNIQUE INDEX app_user_tenant_id_email_unique ON app_user USING btree \(tenant_id, email\)/,
    ];
    for (const pattern of expected) expect(defs.some((d) => pattern.test(d))).toBe(true);
  });

  it('carries a tenant_id foreign key on every table but the tenant, the outbox and the migrations log', async () => {
    const tables = await query<{ table_name: string }>(
      `select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
    );
    const withTenantFk = await query<{ table_name: string }>(
      `select tc.table_name from information_schema.table_constraints tc
       join information_schema.key_column_usage k on k.constraint_name = tc.constraint_name and k.table_name = tc.table_name
       where tc.constraint_type = 'FOREIGN KEY' and k.column_name = 'tenant_id'`,
    );
    const fk = new Set(withTenantFk.map((r) => r.table_name));
    const missing = tables
      .map((t) => t.table_name)
      .filter((t) => !fk.has(t) && !['tenant', 'outbox_event', MIGRATIONS_TABLE].includes(t));
    expect(missing).toEqual([]);
    expect(tables.length).toBeGreaterThanOrEqual(27);
  });

  it('refuses values outside the closed sets and bad scores in the database itself', async () => {
    const [t] = await query<{ id: string }>(
      `insert into tenant (id, name, slug, time_zone, settings, created_at, updated_at)
       values (gen_random_uuid(), 'T', 'schema-t', 'UTC', '{}', now(), now()) returning id`,
    );
    await expect(
      query(
        `insert into app_user (id, tenant_id, created_at, email, name, password_hash, roles, settings, updated_at)
         values (gen_random_uuid(), ?, now(), 'x@y.test', 'X', 'h', '{root}', '{}', now())`,
        [t!.id],
      ),
    ).rejects.toThrow(/app_user_roles_check/);
    await expect(
      query(
        `insert into app_user (id, tenant_id, created_at, email, name, password_hash, roles, settings, updated_at)
         values (gen_random_uuid(), ?, now(), 'Upper@y.test', 'X', 'h', '{agent}', '{}', now())`,
        [t!.id],
      ),
    ).rejects.toThrow(/app_user_email_check/);
    await expect(
      query(
        `insert into tenant (id, name, slug, time_zone, settings, created_at, updated_at) values (gen_random_uuid(), 'T', 'Bad Slug', 'UTC', '{}', now(), now())`,
      ),
    ).rejects.toThrow(/tenant_slug_check/);
  });

  it('resets a database to an empty, fully migrated schema', async () => {
    await query(
      `insert into tenant (id, name, slug, time_zone, settings, created_at, updated_at) values (gen_random_uuid(), 'R', 'reset-me', 'UTC', '{}', now(), now())`,
    );
    const applied = await resetDatabase(db.url);
    expect(applied.length).toBeGreaterThanOrEqual(1);
    expect(await query(`select * from tenant`)).toEqual([]);
    const [seq] = await query<{ v: string }>(`select nextval('search_document_version_seq') as v`);
    expect(Number(seq?.v)).toBe(1);
  });
});
