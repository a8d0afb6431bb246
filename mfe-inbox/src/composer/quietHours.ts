import type { QuietHours } from '../api/types';

export type QuietHoursState = { inQuietHours: false } | { inQuietHours: true; endsAt: Date };

const minutesOf = (clock: string): number => {
  const [h, m] = clock.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

/** The wall-clock minute of the day at `now` in `timeZone`. */
const localMinute = (now: Date, timeZone: string): number => {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(now);
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? 0);
  const minute = Number(parts.find((p) => p.type === 'minute')?.value ?? 0);
  return hour * 60 + minute;
};

/**
 * Whether `now` falls in the customer's quiet hours (a daily window in their time zone; a start
 * after the end crosses midnight), and when the window ends. Pure: the time comes in.
 */
export const quietHoursState = (quietHours: QuietHours | null, now: Date): QuietHoursState => {
  if (!quietHours) return { inQuietHours: false };
  const start = minutesOf(quietHours.start);
  const end = minutesOf(quietHours.end);
  const current = localMinute(now, quietHours.timeZone);
  const inside = start < end ? current >= start && current < end : current >= start || current < end;
  if (!inside) return { inQuietHours: false };
  const minutesLeft = (end - current + 1440) % 1440;
  const endsAt = new Date(now.getTime() + minutesLeft * 60_000);
  endsAt.setUTCSeconds(0, 0);
  return { inQuietHours: true, endsAt };
};
