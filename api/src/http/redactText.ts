const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
// Seven or more digits, possibly split by spaces, dots, dashes or brackets: phone numbers.
const PHONE = /\+?\d[\d\s().-]{5,}\d/g;

/**
 * Masks e-mail addresses and phone numbers in free text. Error messages from drivers can quote
 * the row they failed on (a unique-violation detail, an SQL statement with its values), and
 * those messages end up in logs.
 */
export const redactText = (text: string): string => text.replace(EMAIL, '[email]').replace(PHONE, '[phone]');
