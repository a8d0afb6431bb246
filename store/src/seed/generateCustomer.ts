import {
  CHANNELS,
  defaultMarketingPreferences,
  type ConsentChannel,
  type MarketingPreferences,
} from '@c360/domain';
import { DEAL_TITLES, DEMO_REGIONS, phrasesFor, TAGS, TICKET_SUBJECTS } from './demoContent';
import type { DemoTenant } from './demoTenants';
import type { SeedRandom } from './seedRandom';

/** A row as PostgreSQL stores it: column name → value (dates as ISO strings). */
export type Row = Record<string, unknown>;

/** Tables a customer's rows go to, in foreign-key order. */
export const CUSTOMER_TABLES = [
  'customer',
  'deal',
  'ticket',
  'conversation',
  'message',
  'call',
  'knowledge_view',
  'conversion_event',
  'survey_request',
  'survey_response',
  'audit_log',
  'segment_membership',
] as const;
export type CustomerTable = (typeof CUSTOMER_TABLES)[number];
export type CustomerRows = Record<CustomerTable, Row[]>;

export const emptyCustomerRows = (): CustomerRows =>
  Object.fromEntries(CUSTOMER_TABLES.map((t) => [t, []])) as unknown as CustomerRows;

/** What the customers of one tenant are generated against: its ids and settings. */
export type TenantSeedContext = {
  tenantId: string;
  tenant: DemoTenant;
  tenantIndex: number;
  agentIds: string[];
  articles: { id: string; language: string }[];
  segments: { id: string; matches: (c: GeneratedCustomer) => boolean }[];
};

/** The facts segments are evaluated on. */
export type GeneratedCustomer = {
  language: string;
  isVip: boolean;
  lifecycleStage: string;
  revenue: number;
  optedIn: ConsentChannel[];
  churnRisk: number;
};

/**
 * A rough first guess at the scores, in the shape used before the calculators existed. The store
 * reads it as "not scored yet" (see `storedScores`) until the rescore workflow replaces it; it is
 * still generated so the random stream, hence every seeded row, stays the same.
 */
type SeededScores = {
  computedAt: string;
  rfm: { recency: number; frequency: number; monetary: number; label: string };
  clv: { value: number; currency: string; trend: number };
  health: { score: number; factors: { name: string; impact: number }[] };
  churn: { risk: number; drivers: string[] };
};

const DAY = 86_400_000;
const HOUR = 3_600_000;
const MINUTE = 60_000;

const iso = (ms: number): string => new Date(ms).toISOString();
const money = (n: number): number => Math.round(n * 100) / 100;

/** ASCII local part for an e-mail address from a name in any script. */
const asciiSlug = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');

const REGION_WEIGHTS = DEMO_REGIONS.map((r) => [r, r.weight] as const);

/** Why and where consent changed: [reason, source]. Changes made through an agent have a user as actor. */
const CONSENT_GRANTS: Record<ConsentChannel, readonly (readonly [string, string])[]> = {
  email: [
    ['signed up for offers', 'signup_form'],
    ['ticked the box at checkout', 'checkout'],
    ['updated preferences', 'preference_center'],
    ['asked an agent', 'agent'],
  ],
  whatsapp: [
    ['replied START', 'whatsapp_keyword'],
    ['ticked the box at checkout', 'checkout'],
    ['asked an agent', 'agent'],
  ],
  sms: [
    ['replied START', 'sms_keyword'],
    ['ticked the box at checkout', 'checkout'],
    ['asked an agent', 'agent'],
  ],
};
const CONSENT_REVOKES: readonly (readonly [string, string])[] = [
  ['too many messages', 'preference_center'],
  ['asked an agent', 'agent'],
];

/**
 * Generates one customer and everything around them: orders, tickets with their SLA outcome,
 * conversations with messages, calls, knowledge views, funnel events, surveys, consent history
 * and segment memberships. `index` is the customer's position in the tenant (its seed), `now`
 * the moment the data set is "as of": nothing happens after it.
 */
export const generateCustomer = (
  rng: SeedRandom,
  ctx: TenantSeedContext,
  seed: number,
  index: number,
  now: number,
  out: CustomerRows,
): void => {
  rng.reseed([seed, ctx.tenantIndex, index]);
  const { tenantId, tenant } = ctx;
  const industry = tenant.industry;
  const region = rng.weighted(REGION_WEIGHTS);
  const { firstName, lastName } = rng.name(region.language);
  const customerId = rng.uuid();
  // Skewed towards recent sign-ups: a growing business.
  const createdAt = now - Math.floor(Math.pow(rng.float(0, 1), 1.6) * 3 * 365 * DAY) - rng.int(HOUR, DAY);
  const language = region.language;

  const local =
    asciiSlug(firstName) && asciiSlug(lastName)
      ? `${asciiSlug(firstName)}.${asciiSlug(lastName)}`
      : rng.faker.internet
          .username()
          .toLowerCase()
          .replace(/[^a-z0-9._]/g, '');
  const emails = [`${local}${rng.int(1, 999)}@example.${region.tld}`];
  if (rng.chance(0.15)) emails.push(`${local}@work-mail.test`);
  // E.164: ten national digits under the North American plan, nine elsewhere (close enough for a demo).
  const phones = rng.chance(0.85)
    ? [
        `+${region.dial}${region.dial === '1' ? rng.int(2_000_000_000, 9_999_999_999) : rng.int(200_000_000, 999_999_999)}`,
      ]
    : [];
  const tags = rng.some(
    TAGS,
    rng.weighted([
      [0, 35],
      [1, 35],
      [2, 20],
      [3, 10],
    ] as const),
  );

  // Preferences and the consent trail that leads to them.
  const prefs: MarketingPreferences = defaultMarketingPreferences(language);
  const optInRate: Record<ConsentChannel, number> = {
    email: 0.62,
    whatsapp: phones.length ? 0.48 : 0,
    sms: phones.length ? 0.27 : 0,
  };
  const optedIn: ConsentChannel[] = [];
  for (const channel of CHANNELS) {
    const final = rng.chance(optInRate[channel]);
    prefs.channels[channel] = { optedIn: final };
    if (final) optedIn.push(channel);
    // History: a grant at sign-up or later; sometimes a revoke, and a grant again.
    const steps: boolean[] = [];
    if (final) {
      if (rng.chance(0.15)) steps.push(true, false);
      steps.push(true);
    } else if (rng.chance(0.25)) steps.push(true, false);
    let at = createdAt + rng.int(0, 5) * MINUTE;
    let previous = false;
    for (const [step, granted] of steps.entries()) {
      // Later steps come days or months apart, strictly in order, and never after `now`.
      if (step > 0) at = Math.min(now - (steps.length - step) * MINUTE, at + rng.int(1, 200) * DAY);
      const keyword = channel === 'email' ? 'unsubscribe_link' : `${channel}_keyword`;
      const [reason, source] = granted
        ? rng.pick(CONSENT_GRANTS[channel])
        : rng.pick([
            ...CONSENT_REVOKES,
            channel === 'email' ? ['clicked unsubscribe', keyword] : ['replied STOP', keyword],
          ] as const);
      const byAgent = source === 'agent';
      out.audit_log.push({
        id: rng.uuid(),
        tenant_id: tenantId,
        created_at: iso(at),
        actor_type: byAgent ? 'user' : 'customer',
        actor_id: byAgent ? rng.pick(ctx.agentIds) : customerId,
        action: granted ? 'consent.granted' : 'consent.revoked',
        entity_type: 'customer',
        entity_id: customerId,
        before: { channel, optedIn: previous },
        after: { channel, optedIn: granted },
        reason,
        source,
        request_id: null,
      });
      previous = granted;
    }
  }
  if (rng.chance(0.4)) {
    const start = rng.pick(['20:00', '21:00', '22:00', '23:00']);
    const end = rng.pick(['07:00', '08:00', '09:00']);
    prefs.quietHours = { start, end, timeZone: region.zone };
  }

  // Orders.
  const dealCount = rng.weighted([
    [0, 18],
    [1, 28],
    [2, 20],
    [3, 12],
    [4, 8],
    [5, 6],
    [7, 5],
    [10, 3],
  ] as const);
  const wonAt: number[] = [];
  let openDeals = 0;
  let revenue = 0;
  for (let d = 0; d < dealCount; d++) {
    const created = createdAt + Math.floor(rng.float(0, 1) * (now - createdAt));
    const status =
      created > now - 14 * DAY && rng.chance(0.5)
        ? 'open'
        : rng.weighted([
            ['won', 78],
            ['lost', 22],
          ] as const);
    const amount =
      industry === 'retail'
        ? money(Math.exp(rng.float(Math.log(15), Math.log(600))))
        : money(rng.pick([19.99, 29.99, 39.99, 59.99, 89.99, 249]) * rng.int(1, 12));
    if (status === 'open') openDeals++;
    const closed =
      status === 'open' ? null : Math.min(now - MINUTE, created + rng.int(0, 7) * DAY + rng.int(0, DAY));
    if (status === 'won' && closed !== null) {
      wonAt.push(closed);
      revenue += amount;
      out.conversion_event.push(
        {
          id: rng.uuid(),
          tenant_id: tenantId,
          created_at: iso(closed),
          customer_id: customerId,
          type: 'checkout_started',
          value: null,
          currency: null,
          occurred_at: iso(closed - rng.int(2, 40) * MINUTE),
          properties: {},
        },
        {
          id: rng.uuid(),
          tenant_id: tenantId,
          created_at: iso(closed),
          customer_id: customerId,
          type: 'purchase',
          value: amount,
          currency: tenant.currency,
          occurred_at: iso(closed),
          properties: { channel: rng.pick(['web', 'app', 'store']) },
        },
      );
    }
    out.deal.push({
      id: rng.uuid(),
      tenant_id: tenantId,
      created_at: iso(created),
      customer_id: customerId,
      title: rng.pick(DEAL_TITLES[industry]),
      amount,
      currency: tenant.currency,
      status,
      stage:
        status === 'won'
          ? 'closed_won'
          : status === 'lost'
            ? 'closed_lost'
            : rng.pick(['qualification', 'proposal', 'negotiation', 'checkout']),
      closed_at: closed === null ? null : iso(closed),
      updated_at: iso(closed ?? created),
    });
  }
  // The top of the funnel: a visit, the sign-up, and some abandoned carts.
  out.conversion_event.push(
    {
      id: rng.uuid(),
      tenant_id: tenantId,
      created_at: iso(createdAt),
      customer_id: customerId,
      type: 'visit',
      value: null,
      currency: null,
      occurred_at: iso(createdAt - rng.int(1, 30) * MINUTE),
      properties: { source: rng.pick(['search', 'social', 'email', 'direct', 'referral']) },
    },
    {
      id: rng.uuid(),
      tenant_id: tenantId,
      created_at: iso(createdAt),
      customer_id: customerId,
      type: 'signup',
      value: null,
      currency: null,
      occurred_at: iso(createdAt),
      properties: {},
    },
  );
  for (
    let a = rng.weighted([
      [0, 60],
      [1, 30],
      [2, 10],
    ] as const);
    a > 0;
    a--
  ) {
    const at = createdAt + Math.floor(rng.float(0, 1) * (now - createdAt));
    out.conversion_event.push({
      id: rng.uuid(),
      tenant_id: tenantId,
      created_at: iso(at),
      customer_id: customerId,
      type: 'add_to_cart',
      value: null,
      currency: null,
      occurred_at: iso(at),
      properties: {},
    });
  }

  const isVip = revenue > (industry === 'retail' ? 1500 : 2500) || rng.chance(0.02);
  const lastWon = wonAt.length ? Math.max(...wonAt) : null;
  const sinceLastWon = lastWon === null ? null : (now - lastWon) / DAY;

  // Tickets, with their SLA outcome.
  const phrases = phrasesFor(language);
  const ticketCount = rng.weighted([
    [0, 45],
    [1, 33],
    [2, 13],
    [3, 6],
    [5, 3],
  ] as const);
  const tickets: {
    id: string;
    subject: string;
    createdAt: number;
    resolvedAt: number | null;
    status: string;
  }[] = [];
  let breaches = 0;
  for (let t = 0; t < ticketCount; t++) {
    const created = createdAt + Math.floor(rng.float(0, 1) * (now - createdAt));
    const ageDays = (now - created) / DAY;
    const status =
      ageDays < 3
        ? rng.weighted([
            ['open', 50],
            ['pending', 25],
            ['resolved', 25],
          ] as const)
        : rng.weighted([
            ['resolved', 55],
            ['closed', 38],
            ['pending', 4],
            ['open', 3],
          ] as const);
    const vipPolicy = isVip;
    const firstDue = created + (vipPolicy ? 1 : 4) * HOUR;
    const resolutionDue = created + (vipPolicy ? 8 : 48) * HOUR;
    // Most tickets get a first answer in time; a tail is late.
    const firstDelay = rng.chance(0.82)
      ? rng.int(2, vipPolicy ? 55 : 220) * MINUTE
      : rng.int(vipPolicy ? 61 : 241, 24 * 60) * MINUTE;
    const responded = status === 'open' && rng.chance(0.6) ? null : Math.min(now, created + firstDelay);
    const resolved =
      status === 'resolved' || status === 'closed'
        ? Math.min(
            now,
            created +
              (rng.chance(0.8)
                ? rng.int(1, vipPolicy ? 7 : 40) * HOUR
                : rng.int(vipPolicy ? 9 : 49, 240) * HOUR),
          )
        : null;
    const firstBreached = responded === null ? firstDue < now : responded > firstDue;
    const resolutionBreached = resolved === null ? resolutionDue < now : resolved > resolutionDue;
    if (firstBreached || resolutionBreached) breaches++;
    const subject = rng.pick(TICKET_SUBJECTS[industry]);
    const id = rng.uuid();
    tickets.push({ id, subject, createdAt: created, resolvedAt: resolved, status });
    out.ticket.push({
      id,
      tenant_id: tenantId,
      created_at: iso(created),
      customer_id: customerId,
      subject,
      description: rng.pick(phrases.customer),
      status,
      priority: vipPolicy
        ? rng.weighted([
            ['high', 60],
            ['urgent', 20],
            ['normal', 20],
          ] as const)
        : rng.weighted([
            ['normal', 65],
            ['low', 20],
            ['high', 12],
            ['urgent', 3],
          ] as const),
      team: rng.pick(
        industry === 'retail' ? ['orders', 'returns', 'payments'] : ['technical', 'billing', 'mobile'],
      ),
      assignee_id: rng.chance(0.9) ? rng.pick(ctx.agentIds) : null,
      sla_policy: vipPolicy ? 'vip' : 'standard',
      first_response_due_at: iso(firstDue),
      resolution_due_at: iso(resolutionDue),
      first_response_breached: firstBreached,
      resolution_breached: resolutionBreached,
      first_responded_at: responded === null ? null : iso(responded),
      resolved_at: resolved === null ? null : iso(resolved),
      auto_resolved: resolved !== null && rng.chance(0.08),
      updated_at: iso(resolved ?? responded ?? created),
    });
  }

  // Conversations and their messages.
  const conversationCount = rng.weighted([
    [0, 28],
    [1, 42],
    [2, 20],
    [3, 10],
  ] as const);
  let sentimentSum = 0;
  let sentimentCount = 0;
  let lastTouch = createdAt;
  for (let c = 0; c < conversationCount; c++) {
    const channel = optedIn.includes('whatsapp')
      ? rng.weighted([
          ['whatsapp', 60],
          ['email', 25],
          ['instagram', 15],
        ] as const)
      : phones.length
        ? rng.weighted([
            ['email', 55],
            ['instagram', 30],
            ['whatsapp', 15],
          ] as const)
        : rng.weighted([
            ['email', 65],
            ['instagram', 35],
          ] as const);
    const ticket = tickets.length && rng.chance(0.6) ? rng.pick(tickets) : null;
    const conversationId = rng.uuid();
    const start = ticket ? ticket.createdAt : createdAt + Math.floor(rng.float(0, 1) * (now - createdAt));
    const agentId = rng.pick(ctx.agentIds);
    const domain = tenant.domain;
    const rootMessageId = `<${rng.hex(16)}@${channel === 'email' ? 'mail.example.test' : domain}>`;
    const instagramKind = rng.weighted([
      ['dm', 70],
      ['comment', 20],
      ['story_reply', 10],
    ] as const);
    const instagramThreadId = `ig_thread_${rng.hex(12)}`;
    const waId = (phones[0] ?? '').replace(/\D/g, '');
    const subject = channel === 'email' ? (ticket?.subject ?? rng.pick(TICKET_SUBJECTS[industry])) : null;
    const count = rng.int(2, 8);
    let at = start;
    let lastInbound: number | null = null;
    const references: string[] = [];
    let previousEmailId: string | null = null;
    for (let m = 0; m < count && at <= now; m++) {
      const inbound = m % 2 === 0 || rng.chance(0.15);
      const body = inbound ? rng.pick(phrases.customer) : rng.pick(phrases.agent);
      const emailMessageId =
        channel === 'email'
          ? m === 0
            ? rootMessageId
            : `<${rng.hex(16)}@${inbound ? 'mail.example.test' : domain}>`
          : null;
      const sentiment = inbound && rng.chance(0.9) ? Math.round(rng.float(-1, 1) * 1000) / 1000 : null;
      if (sentiment !== null) {
        sentimentSum += sentiment;
        sentimentCount++;
      }
      if (inbound) lastInbound = at;
      const id = rng.uuid();
      out.message.push({
        id,
        tenant_id: tenantId,
        created_at: iso(at),
        conversation_id: conversationId,
        channel,
        direction: inbound ? 'inbound' : 'outbound',
        author_id: inbound ? null : agentId,
        body,
        html: channel === 'email' && !inbound ? `<p>${body}</p><p>— ${tenant.name}</p>` : null,
        attachments:
          inbound && rng.chance(0.05)
            ? [{ fileName: 'photo.jpg', contentType: 'image/jpeg', size: rng.int(40_000, 2_000_000) }]
            : [],
        provider_message_id:
          channel === 'whatsapp'
            ? `wamid.${rng.hex(24)}`
            : channel === 'instagram'
              ? `ig.${rng.hex(20)}`
              : null,
        email_message_id: emailMessageId,
        in_reply_to: previousEmailId,
        email_references: channel === 'email' ? [...references] : [],
        delivery_status: inbound
          ? 'received'
          : rng.weighted([
              ['read', 55],
              ['delivered', 35],
              ['sent', 7],
              ['failed', 3],
            ] as const),
        delivery_error: null,
        idempotency_key: inbound ? null : `seed:${id}`,
        sent_at: iso(at),
        sentiment,
      });
      if (emailMessageId) {
        references.push(emailMessageId);
        previousEmailId = emailMessageId;
      }
      lastTouch = Math.max(lastTouch, at);
      at += rng.int(1, 600) * MINUTE;
    }
    const lastMessageAt = Math.min(at, now);
    out.conversation.push({
      id: conversationId,
      tenant_id: tenantId,
      created_at: iso(start),
      customer_id: customerId,
      channel,
      status:
        now - lastMessageAt > 7 * DAY
          ? 'closed'
          : rng.weighted([
              ['open', 60],
              ['pending', 25],
              ['snoozed', 5],
              ['closed', 10],
            ] as const),
      assignee_id: agentId,
      ticket_id: ticket?.id ?? null,
      subject,
      external_thread_id:
        channel === 'whatsapp' ? waId : channel === 'instagram' ? instagramThreadId : rootMessageId,
      external_ids:
        channel === 'whatsapp'
          ? { waId }
          : channel === 'instagram'
            ? {
                instagramKind,
                instagramThreadId,
                ...(instagramKind === 'dm' ? {} : { instagramMediaId: rng.hex(15) }),
              }
            : { emailRootMessageId: rootMessageId },
      last_message_at: iso(lastTouch),
      last_inbound_at: lastInbound === null ? null : iso(lastInbound),
      updated_at: iso(lastTouch),
    });
  }

  // Calls, with transcripts.
  for (
    let k = rng.weighted([
      [0, 72],
      [1, 22],
      [2, 6],
    ] as const);
    k > 0;
    k--
  ) {
    const ticket = tickets.length && rng.chance(0.5) ? rng.pick(tickets) : null;
    const started = ticket
      ? ticket.createdAt + rng.int(5, 600) * MINUTE
      : createdAt + Math.floor(rng.float(0, 1) * (now - createdAt));
    const lines: string[] = [];
    for (let l = rng.int(4, 8); l > 0; l--)
      lines.push(
        l % 2 === 0 ? `Customer: ${rng.pick(phrases.customer)}` : `Agent: ${rng.pick(phrases.agent)}`,
      );
    const topic = ticket?.subject ?? rng.pick(TICKET_SUBJECTS[industry]);
    out.call.push({
      id: rng.uuid(),
      tenant_id: tenantId,
      created_at: iso(Math.min(started, now)),
      customer_id: customerId,
      ticket_id: ticket?.id ?? null,
      agent_id: rng.pick(ctx.agentIds),
      direction: rng.weighted([
        ['inbound', 75],
        ['outbound', 25],
      ] as const),
      duration_seconds: rng.int(45, 1800),
      transcript: lines.join('\n'),
      summary: `Customer called about "${topic}". ${rng.pick(['Issue resolved on the call.', 'Follow-up needed.', 'Escalated to the second line.', 'Refund agreed.'])}`,
      action_items: rng.some(
        [
          'Send a confirmation e-mail',
          'Call back within 24 h',
          'Issue a refund',
          'Open a technical ticket',
          'Offer a discount code',
        ],
        rng.int(0, 2),
      ),
      started_at: iso(Math.min(started, now)),
    });
    lastTouch = Math.max(lastTouch, Math.min(started, now));
  }

  // Knowledge views: in the customer's language when an article exists in it.
  const inLanguage = ctx.articles.filter((a) => a.language === language);
  const pool = inLanguage.length ? inLanguage : ctx.articles;
  for (
    let v = rng.weighted([
      [0, 45],
      [1, 30],
      [2, 15],
      [4, 10],
    ] as const);
    v > 0 && pool.length;
    v--
  ) {
    const viewed = createdAt + Math.floor(rng.float(0, 1) * (now - createdAt));
    out.knowledge_view.push({
      id: rng.uuid(),
      tenant_id: tenantId,
      created_at: iso(viewed),
      article_id: rng.pick(pool).id,
      customer_id: customerId,
      viewed_at: iso(viewed),
      duration_seconds: rng.int(5, 600),
    });
  }

  // Surveys: CSAT after most resolved tickets, NPS now and then.
  const surveyChannel = optedIn.includes('whatsapp')
    ? 'whatsapp'
    : optedIn.includes('email')
      ? 'email'
      : 'web';
  const survey = (kind: 'csat' | 'nps', ticketId: string | null, sentAt: number): void => {
    const requestId = rng.uuid();
    const expiresAt = sentAt + 7 * DAY;
    const answered = rng.chance(0.55) ? Math.min(now, sentAt + rng.int(5, 72 * 60) * MINUTE) : null;
    const reminded =
      answered === null || answered > sentAt + DAY ? (sentAt + DAY <= now ? sentAt + DAY : null) : null;
    out.survey_request.push({
      id: requestId,
      tenant_id: tenantId,
      created_at: iso(sentAt),
      ticket_id: ticketId,
      customer_id: customerId,
      kind,
      channel: surveyChannel,
      token: rng.token(),
      status:
        answered !== null
          ? 'answered'
          : expiresAt < now
            ? 'expired'
            : reminded !== null
              ? 'reminded'
              : 'sent',
      sent_at: iso(sentAt),
      reminded_at: reminded === null ? null : iso(reminded),
      expires_at: iso(expiresAt),
      updated_at: iso(answered ?? reminded ?? sentAt),
    });
    if (answered === null) return;
    const score =
      kind === 'csat'
        ? rng.weighted([
            [5, 45],
            [4, 25],
            [3, 12],
            [2, 8],
            [1, 10],
          ] as const)
        : rng.weighted([
            [10, 22],
            [9, 20],
            [8, 18],
            [7, 12],
            [6, 8],
            [5, 6],
            [3, 6],
            [1, 4],
            [0, 4],
          ] as const);
    const low = kind === 'csat' ? score <= 2 : score <= 6;
    out.survey_response.push({
      id: rng.uuid(),
      tenant_id: tenantId,
      created_at: iso(answered),
      request_id: requestId,
      customer_id: customerId,
      kind,
      score,
      comment: rng.chance(0.35)
        ? low
          ? rng.pick(['Too slow.', 'Still not fixed.', 'Nobody listened.'])
          : rng.pick(['Quick and friendly.', 'Great help, thanks!', 'Solved in minutes.'])
        : null,
      channel: surveyChannel,
      answered_at: iso(answered),
    });
  };
  for (const t of tickets)
    if (t.resolvedAt !== null && rng.chance(0.7)) survey('csat', t.id, Math.min(now, t.resolvedAt + HOUR));
  if (wonAt.length && rng.chance(0.12))
    survey('nps', null, Math.min(now, createdAt + Math.floor(rng.float(0.2, 1) * (now - createdAt))));

  // Scores, as the calculators would store them.
  const frequency = wonAt.length;
  const r =
    sinceLastWon === null
      ? 1
      : sinceLastWon < 30
        ? 5
        : sinceLastWon < 90
          ? 4
          : sinceLastWon < 180
            ? 3
            : sinceLastWon < 365
              ? 2
              : 1;
  const f = frequency >= 6 ? 5 : frequency >= 4 ? 4 : frequency >= 2 ? 3 : frequency >= 1 ? 2 : 1;
  const mThresholds = industry === 'retail' ? [60, 200, 500, 1200] : [100, 400, 900, 2000];
  const mScore = 1 + mThresholds.filter((x) => revenue >= x).length;
  const label =
    r >= 4 && f >= 4
      ? 'champions'
      : r >= 3 && f >= 3
        ? 'loyal'
        : r <= 2 && f >= 3
          ? 'at_risk'
          : r >= 4 && f <= 2
            ? 'new'
            : r <= 2
              ? 'hibernating'
              : 'potential';
  const avgSentiment = sentimentCount ? sentimentSum / sentimentCount : 0;
  const health = Math.max(
    0,
    Math.min(100, Math.round(30 + r * 8 + f * 4 + avgSentiment * 15 - breaches * 10)),
  );
  const churnRisk =
    Math.round(
      Math.max(0, Math.min(1, 1 - health / 100 + (sinceLastWon !== null && sinceLastWon > 180 ? 0.15 : 0))) *
        100,
    ) / 100;
  const scores: SeededScores | null =
    frequency === 0 && rng.chance(0.5)
      ? null
      : {
          computedAt: iso(now),
          rfm: { recency: r, frequency: f, monetary: mScore, label },
          clv: {
            value: money(frequency ? (revenue / Math.max(1, (now - createdAt) / (365 * DAY))) * 3 : 0),
            currency: tenant.currency,
            trend: Math.round(rng.float(-0.3, 0.4) * 100) / 100,
          },
          health: {
            score: health,
            factors: [
              { name: 'recency', impact: (r - 3) * 8 },
              { name: 'frequency', impact: (f - 3) * 4 },
              { name: 'sentiment', impact: Math.round(avgSentiment * 15) },
              { name: 'sla_breaches', impact: -breaches * 10 },
            ],
          },
          churn: {
            risk: churnRisk,
            drivers: [
              ...(sinceLastWon === null || sinceLastWon > 90 ? ['no recent purchase'] : []),
              ...(breaches ? ['SLA breaches'] : []),
              ...(avgSentiment < -0.2 ? ['negative sentiment'] : []),
            ],
          },
        };

  const lifecycleStage =
    frequency === 0
      ? openDeals > 0
        ? 'prospect'
        : 'lead'
      : sinceLastWon !== null && sinceLastWon > 365
        ? 'churned'
        : churnRisk > 0.7 || (sinceLastWon !== null && sinceLastWon > 180)
          ? 'at_risk'
          : frequency >= 3
            ? 'loyal'
            : 'customer';

  out.customer.push({
    id: customerId,
    tenant_id: tenantId,
    created_at: iso(createdAt),
    first_name: firstName,
    last_name: lastName,
    emails,
    phones,
    time_zone: region.zone,
    language,
    tags: isVip ? [...tags, 'vip'] : tags,
    owner_id: isVip || rng.chance(0.3) ? rng.pick(ctx.agentIds) : null,
    lifecycle_stage: lifecycleStage,
    is_vip: isVip,
    scores,
    custom_fields: {
      marketingPreferences: prefs,
      ...(rng.chance(0.3) ? { loyaltyTier: rng.pick(['bronze', 'silver', 'gold']) } : {}),
    },
    updated_at: iso(Math.min(now, Math.max(createdAt, lastTouch))),
  });

  const facts: GeneratedCustomer = { language, isVip, lifecycleStage, revenue, optedIn, churnRisk };
  for (const segment of ctx.segments) {
    if (!segment.matches(facts)) continue;
    out.segment_membership.push({
      id: rng.uuid(),
      tenant_id: tenantId,
      created_at: iso(now),
      segment_id: segment.id,
      customer_id: customerId,
      entered_at: iso(now),
    });
  }
};
