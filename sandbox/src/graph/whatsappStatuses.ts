import type { SandboxContext } from '../sandboxContext';
import type { SentWhatsAppMessage, WhatsAppAccount, WhatsAppStatus } from '../state/sandboxState';
import { deliveryFailures, whatsappStatusUpdate } from '../webhooks/whatsappEvents';

/** Records a status on a sent message and delivers its webhook. */
export const emitWhatsAppStatus = (
  ctx: SandboxContext,
  account: WhatsAppAccount,
  message: SentWhatsAppMessage,
  status: WhatsAppStatus,
  errorCode?: number,
) => {
  const at = new Date();
  message.statuses.push({ status, at: at.toISOString(), ...(errorCode === undefined ? {} : { errorCode }) });
  const error =
    status === 'failed'
      ? {
          code: errorCode ?? 131026,
          title: deliveryFailures[errorCode ?? 131026] ?? 'Message failed to send',
          details: 'sandbox: delivery failure',
        }
      : undefined;
  return ctx.webhooks.send(
    'whatsapp',
    JSON.stringify(whatsappStatusUpdate(account, message, status, at, error)),
  );
};

/**
 * After an accepted send, Meta reports the message's progress by webhook; the sandbox does the
 * same with the configured statuses, or `sent` then `failed` when a delivery failure was injected.
 */
export const scheduleWhatsAppStatuses = (
  ctx: SandboxContext,
  account: WhatsAppAccount,
  message: SentWhatsAppMessage,
  failure: { code: number } | null,
) => {
  const { statusDelayMs, autoStatuses } = ctx.state.settings;
  const plan: { status: WhatsAppStatus; code?: number }[] = failure
    ? [{ status: 'sent' }, { status: 'failed', code: failure.code }]
    : autoStatuses.map((status) => ({ status }));
  plan.forEach((step, i) =>
    ctx.webhooks.later(statusDelayMs * (i + 1), () =>
      emitWhatsAppStatus(ctx, account, message, step.status, step.code),
    ),
  );
};
