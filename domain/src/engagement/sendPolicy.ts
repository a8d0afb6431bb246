import { isServiceWindowOpen } from '../channels/serviceWindow';
import { localDayOf, startOfNextLocalDay } from './localDay';
import { quietHoursEndAfter, type QuietHours } from './quietHours';
import type { SendChannel, SendContent, SendPurpose, SendSourceKind } from './sendRequest';

/** What the policy needs to know about the customer and the message, loaded by an activity. */
export type SendPolicyInput = {
  now: Date;
  notBefore: Date | null;
  channel: SendChannel;
  contentType: SendContent['type'];
  purpose: SendPurpose;
  /** The customer's opt-in on this channel (Instagram has none: false). */
  optedIn: boolean;
  quietHours: QuietHours | null;
  /** The zone of the customer's day (quiet hours' zone, else the customer's, else the tenant's). */
  timeZone: string;
  /** The customer's last WhatsApp message in the conversation, for the 24-hour window. */
  lastInboundAt: Date | null;
};

export type SendPlan =
  | { kind: 'skip'; reason: 'not_opted_in' | 'window_closed' }
  /** Send at `at`; `localDay` is the customer's day it counts against for the cap. */
  | { kind: 'send'; at: Date; localDay: string; heldBy: 'quiet_hours' | 'not_before' | null };

/** WhatsApp messages that are not templates are free-form: only inside the customer-service window. */
export const isFreeForm = (channel: SendChannel, contentType: SendContent['type']): boolean =>
  channel === 'whatsapp' && contentType !== 'template';

/** Agents' replies (scheduled or by hand) are conversation, not outreach: they do not count against the cap. */
export const countsAgainstCap = (sourceKind: SendSourceKind): boolean =>
  sourceKind !== 'scheduled_reply' && sourceKind !== 'manual';

/**
 * The next allowed moment of a send: not before `notBefore`, outside quiet hours (both
 * purposes), opted in for marketing, and a free-form WhatsApp message only while the window
 * is open at that moment (outside it only an approved template may go). Pure: `now` comes in.
 */
export const planSend = (input: SendPolicyInput): SendPlan => {
  if (input.purpose === 'marketing' && !input.optedIn) return { kind: 'skip', reason: 'not_opted_in' };
  const earliest =
    input.notBefore && input.notBefore.getTime() > input.now.getTime() ? input.notBefore : input.now;
  const at = input.quietHours ? quietHoursEndAfter(earliest, input.quietHours) : earliest;
  if (isFreeForm(input.channel, input.contentType) && !isServiceWindowOpen(input.lastInboundAt, at))
    return { kind: 'skip', reason: 'window_closed' };
  const heldBy =
    at.getTime() !== earliest.getTime() ? 'quiet_hours' : earliest !== input.now ? 'not_before' : null;
  return { kind: 'send', at, localDay: localDayOf(at, input.timeZone), heldBy };
};

/**
 * Where a send goes when its day's cap is full: the first allowed moment of the customer's next
 * day (after quiet hours). Deferred, never dropped.
 */
export const nextDaySlot = (
  from: Date,
  quietHours: QuietHours | null,
  timeZone: string,
): { at: Date; localDay: string } => {
  const next = startOfNextLocalDay(from, timeZone);
  const at = quietHours ? quietHoursEndAfter(next, quietHours) : next;
  return { at, localDay: localDayOf(at, timeZone) };
};
