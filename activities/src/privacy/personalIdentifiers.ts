/**
 * The strings that identify a customer in free text: each e-mail address, each phone number as
 * stored and as bare digits, and the full name. Short strings (under 5 characters) are left out:
 * they would match unrelated text.
 */
export const personalIdentifiers = (customer: {
  emails: string[];
  phones: string[];
  first_name: string;
  last_name: string;
}): string[] => {
  const found = new Set<string>();
  for (const email of customer.emails) found.add(email.trim());
  for (const phone of customer.phones) {
    found.add(phone.trim());
    const digits = phone.replace(/\D/g, '');
    if (digits.length >= 7) found.add(digits);
  }
  const fullName = `${customer.first_name} ${customer.last_name}`.trim();
  found.add(fullName);
  return [...found].filter((s) => s.length >= 5);
};

/** A PostgreSQL regular expression matching the string literally. */
export const literalPattern = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
