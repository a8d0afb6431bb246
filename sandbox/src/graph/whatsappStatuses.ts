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
  // One timer after the other, so the statuses are recorded (and their webhooks queued) in the
  // plan's order even when a loaded machine fires timers late; parallel timers could swap them.
  const next = (i: number): void => {
    const step = plan[i];
    if (!step) return;
    ctx.webhooks.later(statusDelayMs, () => {
      emitWhatsAppStatus(ctx, account, message, step.status, step.code);
      next(i + 1);
    });
  };
  next(0);
};
