import type { EntityManager } from '@mikro-orm/postgresql';
import {
  applyPreferencesPatch,
  CHANNELS,
  notFound,
  type ConsentChannel,
  type MarketingPreferences,
  type MarketingPreferencesPatch,
} from '@c360/domain';
import {
  appendOutboxEvent,
  AuditLog,
  CONSENT_ACTIONS,
  CONSENT_GRANTED,
  CONSENT_REVOKED,
  Customer,
  forTenant,
  type ConsentChangedPayload,
} from '@c360/store';
import type { Principal } from '../auth/principal';
import { lockCustomer, preferencesOf } from './customerRecords';
import type { ConsentEventView } from './preferencesSchemas';

const CONSENT_ACTION_LIST = [CONSENT_ACTIONS.granted, CONSENT_ACTIONS.revoked];

export type ChangeContext = { actor: Principal; requestId: string; reason: string | null; source: string };

type ConsentEvent = { channel: ConsentChannel; granted: boolean; previouslyGranted: boolean };

const toConsentEventView = (row: AuditLog): ConsentEventView => {
  const after = row.after ?? {};
  const before = row.before ?? {};
  const channel = CHANNELS.find((c) => c === after['channel']) ?? 'email';
  return {
    id: row.id,
    customerId: row.entityId,
    action: row.action === CONSENT_ACTIONS.granted ? 'consent.granted' : 'consent.revoked',
    channel,
    granted: after['optedIn'] === true,
    previouslyGranted: typeof before['optedIn'] === 'boolean' ? before['optedIn'] : null,
    reason: row.reason ?? null,
    source: row.source ?? null,
    actorType: row.actorType,
    actorId: row.actorId ?? null,
    requestId: row.requestId ?? null,
    at: row.createdAt.toISOString(),
  };
};

/**
 * A customer's marketing preferences and their consent trail. A change and its audit rows are
 * one transaction, on a locked customer row: the trail never disagrees with the preferences.
 */
export const preferencesRecords = (rootEm: EntityManager, tenantId: string, now: () => Date) => {
  const scoped = () => forTenant(rootEm, tenantId);

  const change = async (
    customerId: string,
    patch: MarketingPreferencesPatch,
    ctx: ChangeContext,
    // The consent route records the customer's statement even when it confirms the current state.
    reaffirm?: ConsentChannel,
  ): Promise<{ preferences: MarketingPreferences; consentEvents: ConsentEventView[] }> =>
    scoped().transactional(async (em) => {
      const customer = await lockCustomer(em, customerId);
      const current = preferencesOf(customer);
      const { next, consentChanges } = applyPreferencesPatch(current, patch);
      const at = now();

      const events: ConsentEvent[] = consentChanges.map((c) => ({
        ...c,
        previouslyGranted: current.channels[c.channel].optedIn,
      }));
      if (reaffirm && !events.some((e) => e.channel === reaffirm)) {
        const optedIn = current.channels[reaffirm].optedIn;
        events.push({ channel: reaffirm, granted: optedIn, previouslyGranted: optedIn });
      }

      const audit = (action: string, before: Record<string, unknown>, after: Record<string, unknown>) =>
        em.create(AuditLog, {
          tenant: tenantId,
          actorType: 'user',
          actorId: ctx.actor.userId,
          action,
          entityType: 'customer',
          entityId: customer.id,
          before,
          after,
          reason: ctx.reason,
          source: ctx.source,
          requestId: ctx.requestId,
          createdAt: at,
        });

      const rows = events.map((e) =>
        audit(
          e.granted ? CONSENT_ACTIONS.granted : CONSENT_ACTIONS.revoked,
          { channel: e.channel, optedIn: e.previouslyGranted },
          { channel: e.channel, optedIn: e.granted },
        ),
      );
      const settingsChanged =
        next.language !== current.language ||
        JSON.stringify(next.quietHours) !== JSON.stringify(current.quietHours);
      if (settingsChanged) {
        audit(
          'preferences.updated',
          { language: current.language, quietHours: current.quietHours },
          { language: next.language, quietHours: next.quietHours },
        );
      }
      if (consentChanges.length > 0 || settingsChanged) {
        customer.customFields = { ...customer.customFields, marketingPreferences: next };
      }
      // Workflows hear of real changes only (a reaffirmed consent changes nothing downstream).
      for (const c of consentChanges) {
        const payload: ConsentChangedPayload = {
          customerId: customer.id,
          channel: c.channel,
          changedAt: at.toISOString(),
          source: ctx.source,
        };
        appendOutboxEvent(em, {
          type: c.granted ? CONSENT_GRANTED : CONSENT_REVOKED,
          aggregateType: 'customer',
          aggregateId: customer.id,
          payload,
        });
      }
      await em.flush();
      return { preferences: next, consentEvents: rows.map(toConsentEventView) };
    });

  return {
    get: async (customerId: string): Promise<MarketingPreferences> => {
      const customer = await scoped().findOne(Customer, { id: customerId });
      if (!customer) throw notFound('customer', customerId);
      return preferencesOf(customer);
    },

    change,

    consentLog: async (customerId: string, page: number, pageSize: number) => {
      const em = scoped();
      if ((await em.count(Customer, { id: customerId })) === 0) throw notFound('customer', customerId);
      const [rows, total] = await em.findAndCount(
        AuditLog,
        { entityType: 'customer', entityId: customerId, action: { $in: CONSENT_ACTION_LIST } },
        { orderBy: { createdAt: 'desc', id: 'desc' }, limit: pageSize, offset: (page - 1) * pageSize },
      );
      return { items: rows.map(toConsentEventView), total };
    },
  };
};
