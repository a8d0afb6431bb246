import { advanceDeliveryStatus, type OutboundDeliveryStatus } from '@c360/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode } from '@mikro-orm/core';
import { Message } from '../entities/Message';
import type { ConversationChannel } from '../entities/vocabulary';

export type DeliveryStatusReport = {
  channel: ConversationChannel;
  providerMessageId: string;
  status: OutboundDeliveryStatus;
  error?: string | null;
};

export type DeliveryStatusOutcome = 'updated' | 'stale' | 'unknown_message';

/**
 * Applies a provider's status report to the outbound message it names, in the EntityManager's
 * tenant. The row is locked so two reports racing cannot both read `sent`; the status only moves
 * forward (see `advanceDeliveryStatus`), so a late or repeated webhook is `stale` and changes nothing.
 */
export const applyDeliveryStatus = (
  em: EntityManager,
  report: DeliveryStatusReport,
): Promise<DeliveryStatusOutcome> =>
  em.fork({ keepTransactionContext: true }).transactional(async (tx) => {
    const message = await tx.findOne(
      Message,
      { channel: report.channel, providerMessageId: report.providerMessageId, direction: 'outbound' },
      { lockMode: LockMode.PESSIMISTIC_WRITE },
    );
    if (!message) return 'unknown_message';
    const current = message.deliveryStatus === 'received' ? 'sent' : message.deliveryStatus;
    const next = advanceDeliveryStatus(current, report.status);
    if (!next) return 'stale';
    message.deliveryStatus = next;
    if (next === 'failed') message.deliveryError = report.error ?? 'the provider reported a failure';
    return 'updated';
  });
