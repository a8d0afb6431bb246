/** A customer or a record that feeds their profile changed: reindex them, re-evaluate segments. */
export const CUSTOMER_CHANGED = 'customer.changed';
/** A customer was removed: drop them from the index and from every segment. */
export const CUSTOMER_DELETED = 'customer.deleted';

export type CustomerChangedPayload = { customerId: string; reasons: string[] };
export type CustomerDeletedPayload = { customerId: string };
