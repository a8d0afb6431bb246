/** WhatsApp's customer-service window: free-form messages are allowed this long after the customer's last message. */
export const WHATSAPP_SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;

/** When the window closes, or null when the customer never wrote (only templates may open a thread). */
export const serviceWindowClosesAt = (lastInboundAt: Date | null): Date | null =>
  lastInboundAt ? new Date(lastInboundAt.getTime() + WHATSAPP_SERVICE_WINDOW_MS) : null;

/** Whether a free-form (non-template) WhatsApp message may be sent at `now`. */
export const isServiceWindowOpen = (lastInboundAt: Date | null, now: Date): boolean => {
  const closes = serviceWindowClosesAt(lastInboundAt);
  return closes !== null && now.getTime() < closes.getTime();
};
