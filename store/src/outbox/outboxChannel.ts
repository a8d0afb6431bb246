/**
 * The PostgreSQL LISTEN/NOTIFY channel the outbox relay waits on. A statement-level trigger on
 * `outbox_event` notifies it; PostgreSQL delivers the notification only when the inserting
 * transaction commits (never for a rollback), and folds duplicates within one transaction.
 */
export const OUTBOX_CHANNEL = 'c360_outbox';
