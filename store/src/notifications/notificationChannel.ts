/**
 * The PostgreSQL LISTEN/NOTIFY channel that carries notification changes to every API process
 * (the live stream). A row trigger on `notification` sends `{"tenantId","userId","seq"}` when an
 * item becomes visible or a digest grows (`seq` set), and `{"tenantId","userId","seq":null}`
 * when read state changes; PostgreSQL delivers it on commit only and folds identical payloads
 * of one transaction (a "mark all read" sends one per user).
 */
export const NOTIFICATION_CHANNEL = 'c360_notification';

export type NotificationSignal = { tenantId: string; userId: string; seq: number | null };
