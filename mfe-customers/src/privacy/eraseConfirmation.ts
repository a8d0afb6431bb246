/** The word an admin types to confirm an erasure: the same in every language, so it is never translated away. */
export const ERASE_WORD = 'ERASE';

/** True once the typed text is the confirmation word (surrounding spaces and case forgiven). */
export const isEraseConfirmed = (typed: string): boolean => typed.trim().toUpperCase() === ERASE_WORD;

/** The roles that may start data-subject requests (the API's `DSR_HANDLERS`). */
export const canHandleDsr = (roles: readonly string[]): boolean => roles.includes('admin');
