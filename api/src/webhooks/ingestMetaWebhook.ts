import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import {
  applyDeliveryStatus,
  forTenant,
  recordInboundMessage,
  resolveChannelAccounts,
  type ConversationChannel,
  type ResolvedChannelAccount,
} from '@c360/store';
import { answerSurveyFromFlow } from '../surveys/flowSurveyAnswer';
import { instagramWebhookEvents } from './instagramWebhookEvents';
import { whatsappWebhookEvents } from './whatsappWebhookEvents';

export type MetaIngestResult = {
  stored: number;
  duplicates: number;
  statuses: number;
  staleStatuses: number;
  /** Events for an account no tenant has configured, or statuses of messages we never sent. */
  ignored: number;
};

const accountsById = async (
  em: EntityManager,
  channel: ConversationChannel,
  ids: string[],
): Promise<Map<string, ResolvedChannelAccount>> => {
  const accounts = await resolveChannelAccounts(em, channel, [...new Set(ids)]);
  return new Map(accounts.map((a) => [a.externalAccountId, a]));
};

/**
 * Stores what a verified Meta webhook reports, each event in its account's tenant. Anything that
 * fails (the database is down) is thrown, so the API answers 5xx and Meta delivers the same
 * payload again later; the events already stored are then recognised by their ids.
 */
export const ingestMetaWebhook = async (
  rootEm: EntityManager,
  payload: unknown,
  now: Date,
  logger: Logger,
): Promise<MetaIngestResult> => {
  const result: MetaIngestResult = { stored: 0, duplicates: 0, statuses: 0, staleStatuses: 0, ignored: 0 };
  const object = (payload as { object?: unknown } | null)?.object;

  if (object === 'whatsapp_business_account') {
    const events = whatsappWebhookEvents(payload);
    const accounts = await accountsById(
      rootEm,
      'whatsapp',
      events.map((e) => e.phoneNumberId),
    );
    for (const event of events) {
      const account = accounts.get(event.phoneNumberId);
      if (!account) {
        result.ignored += 1;
        logger.warn(
          { phoneNumberId: event.phoneNumberId },
          'whatsapp webhook for an unconfigured phone number',
        );
        continue;
      }
      const em = forTenant(rootEm, account.tenantId);
      if (event.kind === 'status') {
        const outcome = await applyDeliveryStatus(em, {
          channel: 'whatsapp',
          providerMessageId: event.id,
          status: event.status,
          error: event.error,
        });
        if (outcome === 'updated') result.statuses += 1;
        else if (outcome === 'stale') result.staleStatuses += 1;
        else result.ignored += 1;
        continue;
      }
      const stored = await recordInboundMessage(em, {
        channel: 'whatsapp',
        contact: { channel: 'whatsapp', externalId: event.waId, name: event.name },
        providerMessageId: event.id,
        sentAt: event.sentAt,
        body: event.body,
        attachments: event.attachments,
        metadata: event.metadata,
        thread: { externalThreadId: event.waId, externalIds: { waId: event.waId } },
      });
      if (stored.duplicate) result.duplicates += 1;
      else result.stored += 1;
      // A survey answered in its WhatsApp Flow (issue 6); a redelivery finds it answered already.
      if (event.metadata.kind === 'flow_response')
        await answerSurveyFromFlow(
          rootEm,
          account.tenantId,
          event.metadata.interactive?.['response'],
          event.sentAt,
          logger,
        );
    }
    return result;
  }

  if (object === 'instagram') {
    const events = instagramWebhookEvents(payload, now);
    const accounts = await accountsById(
      rootEm,
      'instagram',
      events.map((e) => e.accountId),
    );
    for (const event of events) {
      const account = accounts.get(event.accountId);
      if (!account) {
        result.ignored += 1;
        logger.warn({ accountId: event.accountId }, 'instagram webhook for an unconfigured account');
        continue;
      }
      const stored = await recordInboundMessage(forTenant(rootEm, account.tenantId), {
        channel: 'instagram',
        contact: { channel: 'instagram', externalId: event.senderId, username: event.username },
        providerMessageId: event.id,
        sentAt: event.sentAt,
        body: event.body,
        attachments: event.attachments,
        metadata: event.metadata,
        thread: {
          externalThreadId: event.threadKey,
          externalIds: {
            instagramThreadId: event.threadKey,
            instagramKind: event.threadKind,
            ...(event.mediaId ? { instagramMediaId: event.mediaId } : {}),
          },
        },
      });
      if (stored.duplicate) result.duplicates += 1;
      else result.stored += 1;
    }
    return result;
  }

  return result;
};
