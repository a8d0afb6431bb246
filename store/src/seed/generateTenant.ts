import { ROLES, type Role } from '@c360/domain';
import { FEATURE_FLAG_DEFAULTS } from './featureFlagDefaults';
import { KNOWLEDGE_ARTICLES } from './demoContent';
import type { DemoTenant } from './demoTenants';
import type { GeneratedCustomer, Row, TenantSeedContext } from './generateCustomer';
import type { SeedRandom } from './seedRandom';

/** Tables a tenant's own set-up goes to, in foreign-key order. */
export const TENANT_TABLES = [
  'tenant',
  'app_user',
  'knowledge_article',
  'segment',
  'template',
  'macro',
  'snippet',
  'asset',
  'feature_flag',
  'notification',
  'notification_preference',
  'export_schedule',
  'retention_policy',
  'audit_log',
  'channel_account',
] as const;
export type TenantTable = (typeof TENANT_TABLES)[number];
export type TenantRows = Record<TenantTable, Row[]>;

/** Users per tenant: one demo login per role, plus a few more agents to spread the work. */
export const EXTRA_AGENTS = 3;
export const USERS_PER_TENANT = ROLES.length + EXTRA_AGENTS;

const DAY = 86_400_000;
const iso = (ms: number): string => new Date(ms).toISOString();
const ascii = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');

type SegmentSpec = {
  name: string;
  description: string;
  definition: Record<string, unknown>;
  matches: (c: GeneratedCustomer) => boolean;
};

/**
 * Saved segments of the demo. Definitions are in the segment filter language (@c360/domain,
 * `segments/README.md`); memberships are computed from the same facts here.
 */
const segmentSpecs = (tenant: DemoTenant): SegmentSpec[] => {
  const bigSpender = tenant.industry === 'retail' ? 1000 : 1500;
  return [
    {
      name: 'VIP customers',
      description: 'Customers flagged VIP',
      definition: { field: 'vip', op: 'isTrue' },
      matches: (c) => c.isVip,
    },
    {
      name: 'At risk',
      description: 'At-risk lifecycle stage or high churn risk',
      definition: {
        or: [
          { field: 'lifecycleStage', op: 'eq', value: 'at_risk' },
          { field: 'churn.probability', op: 'gte', value: 0.7 },
        ],
      },
      matches: (c) => c.lifecycleStage === 'at_risk' || c.churnRisk >= 0.7,
    },
    {
      name: 'French speakers',
      description: 'Customers whose language is French',
      definition: { field: 'language', op: 'eq', value: 'fr' },
      matches: (c) => c.language === 'fr',
    },
    {
      name: 'WhatsApp opted in',
      description: 'Reachable on WhatsApp',
      definition: { field: 'optedIn', op: 'has', value: 'whatsapp' },
      matches: (c) => c.optedIn.includes('whatsapp'),
    },
    {
      name: 'Big spenders',
      description: `Won orders worth ${bigSpender} ${tenant.currency} or more`,
      definition: { field: 'revenueWon', op: 'gte', value: bigSpender },
      matches: (c) => c.revenue >= bigSpender,
    },
  ];
};

/**
 * A tenant, its users (password hashes made by the caller), knowledge base, segments,
 * templates, macros, snippets, assets, flags, notifications, schedules and retention policies.
 */
export const generateTenant = (
  rng: SeedRandom,
  tenant: DemoTenant,
  tenantIndex: number,
  seed: number,
  now: number,
  passwordHashes: string[],
): { rows: TenantRows; context: TenantSeedContext } => {
  rng.reseed([seed, tenantIndex, -1]);
  const rows = Object.fromEntries(TENANT_TABLES.map((t) => [t, []])) as unknown as TenantRows;
  const tenantId = rng.uuid();
  const founded = now - 3 * 365 * DAY - 30 * DAY;
  const at = (daysAgo: number): string => iso(now - daysAgo * DAY);
  const base = { tenant_id: tenantId };

  rows.tenant.push({
    id: tenantId,
    name: tenant.name,
    slug: tenant.slug,
    time_zone: tenant.timeZone,
    settings: {
      currency: tenant.currency,
      industry: tenant.industry,
      surveyDelayMinutes: 60,
      defaultLanguage: tenant.slug === 'acme' ? 'fr' : 'en',
    },
    created_at: iso(founded),
    updated_at: iso(founded),
  });

  const staffLanguage = tenant.slug === 'acme' ? 'fr' : 'en';
  const users: { id: string; roles: Role[]; email: string }[] = [];
  const hashes = [...passwordHashes];
  const addUser = (roles: Role[], email: string, name: string): string => {
    const id = rng.uuid();
    users.push({ id, roles, email });
    rows.app_user.push({
      ...base,
      id,
      created_at: iso(founded + DAY),
      email,
      name,
      password_hash: hashes.shift(),
      roles,
      settings: { locale: tenant.slug === 'acme' ? 'fr' : 'en' },
      is_active: true,
      last_login_at: null,
      updated_at: iso(founded + DAY),
    });
    return id;
  };
  for (const role of ROLES) {
    const { firstName, lastName } = rng.name(staffLanguage);
    addUser([role], `${role}@${tenant.domain}`, `${firstName} ${lastName} (${role})`);
  }
  for (let i = 0; i < EXTRA_AGENTS; i++) {
    const { firstName, lastName } = rng.name(staffLanguage);
    addUser(
      ['agent'],
      `${ascii(firstName)}.${ascii(lastName)}${i + 1}@${tenant.domain}`,
      `${firstName} ${lastName}`,
    );
  }
  const agentIds = users.filter((u) => u.roles.includes('agent')).map((u) => u.id);
  const userId = (role: Role): string => users.find((u) => u.roles.includes(role))!.id;

  const articles = KNOWLEDGE_ARTICLES[tenant.industry].map((a) => {
    const id = rng.uuid();
    const slug = a.title
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
    rows.knowledge_article.push({
      ...base,
      id,
      created_at: at(rng.int(200, 900)),
      title: a.title,
      slug: slug || `article-${id.slice(0, 8)}`,
      body: `${a.title}\n\n${rng.faker.lorem.paragraphs(3)}`,
      language: a.language,
      tags: a.tags,
      status: 'published',
      updated_at: at(rng.int(1, 199)),
    });
    return { id, language: a.language };
  });

  const segments = segmentSpecs(tenant).map((s) => {
    const id = rng.uuid();
    rows.segment.push({
      ...base,
      id,
      created_at: at(rng.int(30, 300)),
      name: s.name,
      description: s.description,
      owner_id: userId('marketer'),
      definition: s.definition,
      cached_count: null,
      counted_at: null,
      updated_at: at(rng.int(1, 29)),
    });
    return { id, matches: s.matches };
  });

  const template = (
    t: Partial<Row> & { name: string; channel: string; language: string; body: string },
  ): string => {
    const id = rng.uuid();
    rows.template.push({
      ...base,
      id,
      created_at: at(rng.int(60, 400)),
      category: null,
      subject: null,
      html: null,
      parameters: [],
      provider_template_name: null,
      approval_status: 'not_required',
      favorite_user_ids: [],
      updated_at: at(rng.int(1, 59)),
      ...t,
    });
    return id;
  };
  const orderUpdate = template({
    name: 'order_update',
    channel: 'whatsapp',
    language: 'en',
    category: 'utility',
    body: 'Hi {{1}}, your order {{2}} is on its way.',
    parameters: ['firstName', 'orderNumber'],
    provider_template_name: 'order_update',
    approval_status: 'approved',
  });
  template({
    name: 'order_update',
    channel: 'whatsapp',
    language: 'fr',
    category: 'utility',
    body: 'Bonjour {{1}}, votre commande {{2}} est en route.',
    parameters: ['firstName', 'orderNumber'],
    provider_template_name: 'order_update',
    approval_status: 'approved',
  });
  template({
    name: 'csat_survey',
    channel: 'whatsapp',
    language: 'en',
    category: 'utility',
    body: 'How did we do, {{1}}? Reply with a score from 1 to 5.',
    parameters: ['firstName'],
    provider_template_name: 'csat_survey',
    approval_status: 'approved',
  });
  template({
    name: 'csat_survey',
    channel: 'whatsapp',
    language: 'fr',
    category: 'utility',
    body: 'Comment nous sommes-nous débrouillés, {{1}} ? Répondez par une note de 1 à 5.',
    parameters: ['firstName'],
    provider_template_name: 'csat_survey',
    approval_status: 'approved',
  });
  template({
    name: 'spring_offer',
    channel: 'whatsapp',
    language: 'en',
    category: 'marketing',
    body: 'Spring offer for you, {{1}}: {{2}} off until Sunday.',
    parameters: ['firstName', 'discount'],
    provider_template_name: 'spring_offer',
    approval_status: 'pending',
  });
  template({
    name: 'welcome',
    channel: 'email',
    language: 'en',
    subject: `Welcome to ${tenant.name}`,
    body: 'Hello {{firstName}},\n\nWelcome aboard!',
    html: '<p>Hello {{firstName}},</p><p>Welcome aboard!</p>',
    parameters: ['firstName'],
  });
  template({
    name: 'welcome',
    channel: 'email',
    language: 'fr',
    subject: `Bienvenue chez ${tenant.name}`,
    body: 'Bonjour {{firstName}},\n\nBienvenue !',
    html: '<p>Bonjour {{firstName}},</p><p>Bienvenue !</p>',
    parameters: ['firstName'],
  });
  template({
    name: 'survey_link',
    channel: 'email',
    language: 'en',
    subject: 'How did we do?',
    body: 'Tell us about your experience: {{surveyUrl}}',
    html: '<p>Tell us about your experience: <a href="{{surveyUrl}}">answer the survey</a></p>',
    parameters: ['surveyUrl'],
  });
  template({
    name: 'thanks_comment',
    channel: 'instagram',
    language: 'en',
    body: 'Thanks for your comment, {{firstName}}! We have sent you a DM.',
    parameters: ['firstName'],
  });

  const macro = (name: string, description: string, actions: unknown[], favorite: boolean): void => {
    rows.macro.push({
      ...base,
      id: rng.uuid(),
      created_at: at(rng.int(30, 300)),
      name,
      description,
      actions,
      favorite_user_ids: favorite ? [userId('agent')] : [],
      updated_at: at(rng.int(1, 29)),
    });
  };
  macro(
    'Refund issued',
    'Confirm the refund, tag it and resolve',
    [
      { type: 'reply', body: 'Your refund has been issued; it takes 3 to 5 days to appear.' },
      { type: 'tag', tags: ['refund'] },
      { type: 'resolve' },
    ],
    true,
  );
  macro(
    'Escalate to billing',
    'Hand over to the billing team with high priority',
    [
      { type: 'assign', team: 'billing' },
      { type: 'set_priority', priority: 'high' },
    ],
    false,
  );
  macro(
    'Order on its way',
    'Send the order update template and resolve',
    [{ type: 'reply', templateId: orderUpdate }, { type: 'resolve' }],
    true,
  );

  for (const [shortcut, title, body] of [
    ['/thanks', 'Thanks', 'Thank you for your patience!'],
    ['/refund', 'Refund timing', 'Refunds take 3 to 5 business days to appear on your statement.'],
    ['/delay', 'Delivery delay', 'We are sorry for the delay; your parcel is on its way.'],
    ['/hours', 'Opening hours', 'Our team is available Monday to Saturday, 8:00 to 20:00.'],
    ['/bye', 'Closing', 'Have a great day!'],
  ] as const) {
    rows.snippet.push({
      ...base,
      id: rng.uuid(),
      created_at: at(rng.int(30, 300)),
      shortcut,
      title,
      body,
      language: 'en',
      updated_at: at(rng.int(1, 29)),
    });
  }

  const assetNames =
    tenant.industry === 'retail'
      ? ['catalogue.pdf', 'return-label.pdf', 'size-guide.png']
      : ['router-guide.pdf', 'tariffs.pdf', 'coverage-map.png'];
  for (const fileName of assetNames) {
    const id = rng.uuid();
    rows.asset.push({
      ...base,
      id,
      created_at: at(rng.int(10, 300)),
      file_name: fileName,
      content_type: fileName.endsWith('.pdf') ? 'application/pdf' : 'image/png',
      size_bytes: rng.int(20_000, 4_000_000),
      storage_key: `${tenant.slug}/assets/${id}/${fileName}`,
      uploaded_by_id: userId('admin'),
    });
  }

  for (const [key, enabled] of FEATURE_FLAG_DEFAULTS) {
    rows.feature_flag.push({
      ...base,
      id: rng.uuid(),
      created_at: iso(founded),
      key,
      enabled,
      description: null,
      updated_at: iso(founded),
    });
  }

  for (const user of users.filter(
    (u) => ROLES.includes(u.roles[0]!) && u.email.startsWith(`${u.roles[0]}@`),
  )) {
    const samples = [
      { category: 'sla', title: 'A ticket is about to breach its first-response SLA', link: '/inbox' },
      { category: 'vip', title: 'A new VIP customer was detected', link: '/customers' },
      { category: 'survey', title: 'A customer gave a low CSAT score', link: '/analytics' },
      { category: 'export', title: 'Your weekly export is ready', link: '/analytics/exports' },
      { category: 'system', title: 'Welcome to Customer 360', link: null },
    ];
    for (const n of rng.some(samples, 3)) {
      const created = now - rng.int(1, 72) * 3_600_000;
      rows.notification.push({
        ...base,
        id: rng.uuid(),
        created_at: iso(created),
        user_id: user.id,
        category: n.category,
        title: n.title,
        body: null,
        link: n.link,
        read_at: rng.chance(0.4) ? iso(created + 600_000) : null,
      });
    }
    rows.notification_preference.push({
      ...base,
      id: rng.uuid(),
      created_at: iso(founded + DAY),
      user_id: user.id,
      category: 'export',
      delivery: 'email',
      updated_at: iso(founded + DAY),
    });
  }

  const vipSegment = segments[0]!.id;
  rows.export_schedule.push(
    {
      ...base,
      id: rng.uuid(),
      created_at: at(90),
      name: 'Weekly CSAT report',
      owner_id: userId('manager'),
      report_template: 'csat',
      format: 'pdf',
      formats: ['pdf'],
      segment_id: null,
      filters: { rangeDays: 7, interval: 'day' },
      cron: '0 8 * * 1',
      time_zone: tenant.timeZone,
      recipients: [`manager@${tenant.domain}`],
      columns: [],
      overlap_policy: 'SKIP',
      catchup_window_seconds: 3600,
      enabled: true,
      temporal_schedule_id: null,
      last_run_at: null,
      updated_at: at(90),
    },
    {
      ...base,
      id: rng.uuid(),
      created_at: at(60),
      name: 'VIP customers export',
      owner_id: userId('marketer'),
      report_template: 'segment_members',
      format: 'csv',
      formats: ['csv'],
      segment_id: vipSegment,
      filters: { segmentId: vipSegment },
      cron: '0 6 * * *',
      time_zone: tenant.timeZone,
      recipients: [`marketer@${tenant.domain}`],
      columns: [],
      overlap_policy: 'SKIP',
      catchup_window_seconds: 3600,
      enabled: true,
      temporal_schedule_id: null,
      last_run_at: null,
      updated_at: at(60),
    },
  );

  for (const [target, days, action] of [
    ['messages', 730, 'delete'],
    ['calls', 365, 'delete'],
    ['notifications', 90, 'delete'],
    ['audit_log', 2555, 'delete'],
    ['inactive_customers', 1095, 'anonymize'],
  ] as const) {
    rows.retention_policy.push({
      ...base,
      id: rng.uuid(),
      created_at: iso(founded),
      target,
      retention_days: days,
      action,
      enabled: target !== 'inactive_customers',
      last_run_at: null,
      updated_at: iso(founded),
    });
  }

  rows.audit_log.push({
    ...base,
    id: rng.uuid(),
    created_at: iso(founded + DAY),
    actor_type: 'system',
    actor_id: null,
    action: 'tenant.created',
    entity_type: 'tenant',
    entity_id: tenantId,
    before: null,
    after: { name: tenant.name, slug: tenant.slug },
    reason: 'demo data',
    source: 'seed',
    request_id: null,
  });

  // Last, so the random draws of every row above stay what they were.
  for (const account of tenant.channelAccounts) {
    rows.channel_account.push({
      ...base,
      id: rng.uuid(),
      created_at: iso(founded),
      channel: account.channel,
      external_account_id: account.externalAccountId,
      display_name: account.displayName,
      settings: account.settings,
      enabled: true,
      updated_at: iso(founded),
    });
  }

  return { rows, context: { tenantId, tenant, tenantIndex, agentIds, articles, segments } };
};
