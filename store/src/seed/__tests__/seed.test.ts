import { CHANNELS } from '@c360/domain';
import { hashPassword, verifyPassword } from '../../auth/passwordHash';
import { resetDatabase } from '../../db/resetDatabase';
import { Customer, Deal, Message, Tenant, Ticket, User } from '../../entities';
import { forTenant } from '../../tenancy/forTenant';
import { useTestDatabase } from '../../testing/useTestDatabase';
import { DEMO_LOGINS, DEMO_TENANTS } from '../demoTenants';
import { seed, type SeedProgress } from '../seed';
import { ensureDemoChannelAccounts } from '../demoChannelAccounts';

const db = useTestDatabase();
const NOW = new Date('2025-06-15T00:00:00Z');
const CUSTOMERS = 50;
// One real scrypt hash shared by every seeded user: the hashing cost is not what these tests are about.
let demoHash: Promise<string> | undefined;
const fastHash = (password: string): Promise<string> => (demoHash ??= hashPassword(password));

const TABLES = [
  'tenant',
  'app_user',
  'customer',
  'deal',
  'ticket',
  'conversation',
  'message',
  'call',
  'knowledge_article',
  'knowledge_view',
  'conversion_event',
  'survey_request',
  'survey_response',
  'segment',
  'segment_membership',
  'template',
  'macro',
  'snippet',
  'asset',
  'notification',
  'notification_preference',
  'audit_log',
  'export_schedule',
  'retention_policy',
  'feature_flag',
];

const sql = <T>(query: string, params: unknown[] = []): Promise<T[]> =>
  db.orm.em.fork().getConnection().execute<T[]>(query, params);

/** One digest per table over every column (password hashes excepted: their salts are random). */
const digest = async (): Promise<Record<string, string>> => {
  const out: Record<string, string> = {};
  for (const table of TABLES) {
    const [row] = await sql<{ d: string; n: string }>(
      `select md5(coalesce(string_agg((to_jsonb(t) - 'password_hash')::text, '|' order by t.id), '')) as d, count(*) as n from "${table}" t`,
    );
    out[table] = `${row?.n}:${row?.d}`;
  }
  return out;
};

describe('demo data seeder', () => {
  let first: Record<string, string>;
  const progress: SeedProgress[] = [];

  beforeAll(async () => {
    const result = await seed({
      orm: db.orm,
      customersPerTenant: CUSTOMERS,
      seed: 7,
      now: NOW,
      batchSize: 20,
      hashPassword: fastHash,
      onProgress: (p) => progress.push(p),
    });
    expect(result.customers).toBe(2 * CUSTOMERS);
    first = await digest();
  });

  it('loads two tenants with every kind of record, reporting progress per batch', async () => {
    const counts = Object.fromEntries(Object.entries(first).map(([t, d]) => [t, Number(d.split(':')[0])]));
    expect(counts['tenant']).toBe(2);
    expect(counts['customer']).toBe(2 * CUSTOMERS);
    for (const table of TABLES)
      expect({ table, n: counts[table] }).toEqual({ table, n: expect.any(Number) as number });
    for (const table of TABLES.filter((t) => t !== 'tenant'))
      expect({ table, positive: (counts[table] ?? 0) > 0 }).toEqual({ table, positive: true });
    expect(progress.map((p) => p.customersDone)).toEqual([20, 40, 50, 70, 90, 100]);
    expect(progress.at(-1)?.customersTotal).toBe(100);
  });

  it('spreads customers over many time zones and languages, channels and ticket outcomes', async () => {
    const [spread] = await sql<{ zones: string; languages: string }>(
      'select count(distinct time_zone) as zones, count(distinct language) as languages from customer',
    );
    expect(Number(spread?.zones)).toBeGreaterThanOrEqual(12);
    expect(Number(spread?.languages)).toBeGreaterThanOrEqual(5);
    const channels = await sql<{ channel: string }>('select distinct channel from conversation order by 1');
    expect(channels.map((c) => c.channel)).toEqual(['email', 'instagram', 'whatsapp']);
    const [sla] = await sql<{ breached: string; met: string }>(
      `select count(*) filter (where first_response_breached or resolution_breached) as breached,
              count(*) filter (where not first_response_breached and not resolution_breached) as met from ticket`,
    );
    expect(Number(sla?.breached)).toBeGreaterThan(0);
    expect(Number(sla?.met)).toBeGreaterThan(Number(sla?.breached));
    const kinds = await sql<{ kind: string }>('select distinct kind from survey_response order by 1');
    expect(kinds.map((k) => k.kind)).toEqual(['csat', 'nps']);
  });

  it('dates nothing after `now`', async () => {
    const checks = [
      ['customer', 'created_at'],
      ['customer', 'updated_at'],
      ['deal', 'closed_at'],
      ['ticket', 'resolved_at'],
      ['message', 'sent_at'],
      ['call', 'started_at'],
      ['audit_log', 'created_at'],
      ['survey_response', 'answered_at'],
      ['conversion_event', 'occurred_at'],
    ];
    for (const [table, column] of checks) {
      const [row] = await sql<{ late: string }>(
        `select count(*) as late from "${table}" where "${column}" > ?`,
        [NOW.toISOString()],
      );
      expect({ table, column, late: Number(row?.late) }).toEqual({ table, column, late: 0 });
    }
  });

  it('keeps each customer’s consent trail consistent with their stored preferences', async () => {
    const rows = await sql<{
      id: string;
      prefs: { channels: Record<string, { optedIn: boolean }> };
      last: Record<string, boolean> | null;
    }>(
      `select c.id, c.custom_fields->'marketingPreferences' as prefs,
              (select jsonb_object_agg(channel, opted) from (
                 select distinct on (a.after->>'channel') a.after->>'channel' as channel, (a.after->>'optedIn')::boolean as opted
                 from audit_log a where a.tenant_id = c.tenant_id and a.entity_type = 'customer' and a.entity_id = c.id::text
                   and a.action in ('consent.granted', 'consent.revoked')
                 order by a.after->>'channel', a.created_at desc) x) as last
       from customer c`,
    );
    expect(rows.length).toBe(2 * CUSTOMERS);
    for (const row of rows) {
      for (const channel of CHANNELS) {
        expect({ id: row.id, channel, stored: row.prefs.channels[channel]?.optedIn }).toEqual({
          id: row.id,
          channel,
          stored: row.last?.[channel] ?? false,
        });
      }
    }
  });

  it('gives working demo logins and rows the ORM reads back through the tenant filter', async () => {
    const root = db.orm.em.fork();
    for (const t of DEMO_TENANTS) {
      const tenant = await root.findOneOrFail(Tenant, { slug: t.slug });
      const em = forTenant(db.orm.em, tenant.id);
      const login = DEMO_LOGINS.find((l) => l.tenant === t.slug && l.role === 'agent')!;
      const user = await em.findOneOrFail(User, { email: login.email }, { populate: ['passwordHash'] });
      expect(await verifyPassword(login.password, user.passwordHash.unwrap() ?? '')).toBe(true);
      expect(user.roles).toEqual(['agent']);
      expect(await em.count(Customer)).toBe(CUSTOMERS);
      const customer = await em.findOneOrFail(Customer, { isVip: false }, { orderBy: { id: 'asc' } });
      expect(customer.customFields.marketingPreferences.language).toBe(customer.language);
      const deals = await em.find(Deal, {}, { limit: 5 });
      expect(deals.every((d) => typeof d.amount === 'number' && d.currency === t.currency)).toBe(true);
      expect(await em.count(Ticket)).toBeGreaterThan(0);
      expect(await em.count(Message)).toBeGreaterThan(0);
    }
  });

  it('links every row to rows that exist, although it writes without per-row foreign-key checks', async () => {
    const fks = await sql<{ child: string; column: string; parent: string; parent_column: string }>(
      `select cl.relname as child, a.attname as column, pl.relname as parent, pa.attname as parent_column
       from pg_constraint c
       join pg_class cl on cl.oid = c.conrelid join pg_class pl on pl.oid = c.confrelid
       join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
       join pg_attribute pa on pa.attrelid = c.confrelid and pa.attnum = c.confkey[1]
       where c.contype = 'f' and cardinality(c.conkey) = 1 and cl.relnamespace = 'public'::regnamespace`,
    );
    expect(fks.length).toBeGreaterThan(40);
    for (const fk of fks) {
      const [row] = await sql<{ orphans: string }>(
        `select count(*) as orphans from "${fk.child}" c where c."${fk.column}" is not null
         and not exists (select 1 from "${fk.parent}" p where p."${fk.parent_column}" = c."${fk.column}")`,
      );
      expect({ ...fk, orphans: Number(row?.orphans) }).toEqual({ ...fk, orphans: 0 });
    }
    // Rows that point to a customer point to one of their own tenant.
    for (const table of [
      'deal',
      'ticket',
      'conversation',
      'call',
      'knowledge_view',
      'conversion_event',
      'survey_request',
      'survey_response',
      'segment_membership',
    ]) {
      const [row] = await sql<{ n: string }>(
        `select count(*) as n from "${table}" x join customer c on c.id = x.customer_id where c.tenant_id <> x.tenant_id`,
      );
      expect({ table, crossTenant: Number(row?.n) }).toEqual({ table, crossTenant: 0 });
    }
  });

  it("gives acme the sandbox's built-in WhatsApp and Instagram accounts, and each tenant a support mailbox", async () => {
    const accounts = await sql<{
      slug: string;
      channel: string;
      external_account_id: string;
      enabled: boolean;
    }>(
      `select t.slug, a.channel, a.external_account_id, a.enabled
       from channel_account a join tenant t on t.id = a.tenant_id order by a.channel, t.slug`,
    );
    expect(accounts).toEqual([
      { slug: 'acme', channel: 'email', external_account_id: 'support@acme.test', enabled: true },
      { slug: 'globex', channel: 'email', external_account_id: 'support@globex.test', enabled: true },
      { slug: 'acme', channel: 'instagram', external_account_id: '17841400000000001', enabled: true },
      { slug: 'acme', channel: 'whatsapp', external_account_id: '100000000000001', enabled: true },
    ]);
  });

  it('gives demo tenants seeded before channel accounts existed their accounts, once', async () => {
    const before = await sql<{ n: string }>('select count(*) as n from channel_account');
    await sql(
      `delete from channel_account where external_account_id in ('support@globex.test', '100000000000001')`,
    );
    expect(await ensureDemoChannelAccounts(db.orm)).toBe(2);
    expect(await ensureDemoChannelAccounts(db.orm)).toBe(0);
    const after = await sql<{ slug: string; n: string }>(
      `select t.slug, count(*) as n from channel_account a join tenant t on t.id = a.tenant_id group by t.slug order by t.slug`,
    );
    expect(after).toEqual([
      { slug: 'acme', n: '3' },
      { slug: 'globex', n: '1' },
    ]);
    expect(before[0]?.n).toBe('4');
  });

  it('refuses to seed a database that already holds the demo tenants', async () => {
    await expect(
      seed({ orm: db.orm, customersPerTenant: 1, now: NOW, hashPassword: fastHash }),
    ).rejects.toThrow(/already holds demo tenant acme, globex/);
  });

  it('gives the same data for the same seed whatever the batch size, and other data for another seed', async () => {
    await resetDatabase(db.url);
    await seed({
      orm: db.orm,
      customersPerTenant: CUSTOMERS,
      seed: 7,
      now: NOW,
      batchSize: 1000,
      hashPassword: fastHash,
    });
    expect(await digest()).toEqual(first);

    await resetDatabase(db.url);
    await seed({ orm: db.orm, customersPerTenant: CUSTOMERS, seed: 8, now: NOW, hashPassword: fastHash });
    const other = await digest();
    expect(other['customer']).not.toEqual(first['customer']);
    expect(other['customer']?.split(':')[0]).toBe(String(2 * CUSTOMERS));
  });
  it('takes one customer count per demo tenant, and refuses a list of the wrong length before writing', async () => {
    await resetDatabase(db.url);
    await expect(
      seed({ orm: db.orm, customersPerTenant: [3], now: NOW, hashPassword: fastHash }),
    ).rejects.toThrow(/one count or 2 \(one per demo tenant\), got 1/);
    await expect(
      seed({ orm: db.orm, customersPerTenant: [3, -1], now: NOW, hashPassword: fastHash }),
    ).rejects.toThrow(/integer from 0 to 1000000, got -1/);
    expect(await sql('select id from tenant')).toEqual([]);

    const seeded = await seed({ orm: db.orm, customersPerTenant: [5, 2], now: NOW, hashPassword: fastHash });
    expect(seeded.customers).toBe(7);
    expect(
      await sql<{ slug: string; n: string }>(
        `select t.slug, count(c.id) as n from tenant t left join customer c on c.tenant_id = t.id group by t.slug order by t.slug`,
      ),
    ).toEqual([
      { slug: 'acme', n: '5' },
      { slug: 'globex', n: '2' },
    ]);
  });
});
