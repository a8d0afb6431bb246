import type { EntityManager } from '@mikro-orm/postgresql';
import {
  buildTenantScoringModel,
  churnTrainingSamples,
  computeClv,
  rfmValues,
  type AnalyticsSettings,
  type ChurnSample,
  type RfmValues,
  type TenantScoringModel,
} from '@c360/domain';
import type { TenantScoreModelData } from '../entities/TenantScoreModel';
import { listCustomerIdsAfter } from '../search/customerDocument';
import { loadAnalyticsSettings, settingsFingerprint } from './analyticsSettings';
import { loadCustomerFacts } from './loadCustomerFacts';

export type TenantModelProgress = { customers: number };

/**
 * Derives the tenant-level score inputs from every customer of the tenant, read a page at a
 * time: the RFM quintile cut points (from customers who bought), the CLV cut-offs of the VIP
 * rule, and the churn model trained on the tenant's own history (the default weights when it
 * has too few churned or retained customers).
 */
export const computeTenantScoreModel = async (
  em: EntityManager,
  tenantId: string,
  settings: AnalyticsSettings,
  now: Date,
  options: { pageSize?: number; onPage?: (progress: TenantModelProgress) => void } = {},
): Promise<{ model: TenantScoreModelData; population: number }> => {
  const pageSize = options.pageSize ?? 2_000;
  const rfmPopulation: RfmValues[] = [];
  const clvPopulation: number[] = [];
  const samples: ChurnSample[] = [];
  let population = 0;
  for (let afterId: string | null = null; ; ) {
    const ids = await listCustomerIdsAfter(em, tenantId, afterId, pageSize);
    if (ids.length === 0) break;
    const states = await loadCustomerFacts(em, tenantId, ids, now, {
      engagementWindowDays: settings.engagement.windowDays,
      withMessages: false,
    });
    for (const { facts } of states) {
      const rfm = rfmValues(facts.deals, settings.rfm.windowDays, now);
      if (rfm) rfmPopulation.push(rfm);
      clvPopulation.push(computeClv(facts.deals, settings.clv, now).total);
    }
    samples.push(
      ...churnTrainingSamples(
        states.map((s) => s.facts),
        settings.churn.churnAfterDays,
        now,
      ),
    );
    population += states.length;
    options.onPage?.({ customers: population });
    afterId = ids[ids.length - 1] ?? null;
  }
  const { rfmThresholds, vipThresholds, churnModel } = buildTenantScoringModel(settings, {
    rfmValues: rfmPopulation,
    clvTotals: clvPopulation,
    churnSamples: samples,
  });
  return { population, model: { rfmThresholds, vipThresholds, churnModel } };
};

/** Stores (or replaces) a tenant's model. */
export const saveTenantScoreModel = async (
  em: EntityManager,
  tenantId: string,
  settings: AnalyticsSettings,
  computed: { model: TenantScoreModelData; population: number },
  computedAt: Date,
): Promise<void> => {
  await em.execute(
    `insert into tenant_score_model (id, tenant_id, created_at, model, settings_fingerprint, population, computed_at, updated_at)
     values (gen_random_uuid(), ?, now(), ?::jsonb, ?, ?, ?, now())
     on conflict (tenant_id) do update set model = excluded.model, settings_fingerprint = excluded.settings_fingerprint,
       population = excluded.population, computed_at = excluded.computed_at, updated_at = now()`,
    [
      tenantId,
      JSON.stringify(computed.model),
      settingsFingerprint(settings),
      computed.population,
      computedAt.toISOString(),
    ],
  );
};

/** The cached model, if there is one computed with these very settings. */
export const loadTenantScoreModel = async (
  em: EntityManager,
  tenantId: string,
  settings: AnalyticsSettings,
): Promise<TenantScoreModelData | null> => {
  const [row] = await em.execute<{ model: TenantScoreModelData; settings_fingerprint: string }[]>(
    `select model, settings_fingerprint from tenant_score_model where tenant_id = ?`,
    [tenantId],
  );
  return row && row.settings_fingerprint === settingsFingerprint(settings) ? row.model : null;
};

/**
 * What a recompute needs at tenant level: the settings and the cached model, computed (and
 * cached) first when it is missing or was computed with other settings.
 */
export const tenantScoringModel = async (
  em: EntityManager,
  tenantId: string,
  now: Date,
): Promise<TenantScoringModel> => {
  const settings = await loadAnalyticsSettings(em, tenantId);
  let model = await loadTenantScoreModel(em, tenantId, settings);
  if (!model) {
    const computed = await computeTenantScoreModel(em, tenantId, settings, now);
    await saveTenantScoreModel(em, tenantId, settings, computed, now);
    model = computed.model;
  }
  return { settings, ...model };
};
