import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { SendContent, SendOutcome } from '@c360/domain';

/** The customer revoked consent on a channel: a held marketing send on it is given up at once. */
export const consentRevokedSignal = defineSignal<[{ channel: string }]>('consentRevoked');
/** Give up the send if it has not gone yet (recorded as skipped: cancelled). */
export const cancelSendSignal = defineSignal<[]>('cancelSend');
/** Move the send: not before `notBefore` (ISO); the policy still applies. */
export const rescheduleSignal = defineSignal<[{ notBefore: string }]>('reschedule');
/** Replace what the send carries before it goes (a scheduled reply edited). */
export const updateSendContentSignal = defineSignal<[{ content: SendContent }]>('updateSendContent');

export type SendPhase = 'planning' | 'held' | 'sending' | 'done';

export type SendStatus = {
  phase: SendPhase;
  /** When the send is planned to go (ISO), once planned. */
  plannedAt: string | null;
  /** Why it is held: quiet hours, a requested time, or the day's cap. */
  heldBy: 'quiet_hours' | 'not_before' | 'frequency_cap' | null;
  outcome: SendOutcome | null;
};

export const sendStatusQuery = defineQuery<SendStatus>('sendStatus');
