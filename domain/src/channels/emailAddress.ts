/**
 * Plus-addressing for threads: the platform sends from `support+<token>@shop.example` (the
 * tenant's mailbox with a tag), so a reply that lost its threading headers still names its thread
 * in the address it goes to.
 */
const ADDRESS = /^([^@\s+]+)(?:\+([^@\s]*))?@([^@\s]+)$/;

/** The mailbox an address delivers to, without its tag, lower-cased: `Support+x@Shop.example` → `support@shop.example`. */
export const mailboxOf = (address: string): string | null => {
  const m = ADDRESS.exec(address.trim());
  return m ? `${m[1]}@${m[3]}`.toLowerCase() : null;
};

/** The tag of a plus-address (`support+abc@x` → `abc`), or null. */
export const addressTagOf = (address: string): string | null => {
  const m = ADDRESS.exec(address.trim());
  return m?.[2] ? m[2] : null;
};

/** The reply address of a thread: the mailbox with the thread token as its tag. */
export const threadReplyAddress = (mailbox: string, token: string): string => {
  const m = ADDRESS.exec(mailbox.trim());
  if (!m) throw new TypeError(`not an email address: ${mailbox}`);
  if (!/^[a-z0-9]+$/i.test(token)) throw new TypeError('a thread token is letters and digits only');
  return `${m[1]}+${token}@${m[3]}`.toLowerCase();
};

const UUID_HEX = /^[0-9a-f]{32}$/i;

/** A conversation's thread token: its id without dashes (unguessable, and needs no lookup table). */
export const threadTokenOfConversation = (conversationId: string): string =>
  conversationId.replace(/-/g, '').toLowerCase();

/** The conversation id a thread token names, or null for any other tag. */
export const conversationIdOfThreadToken = (token: string): string | null => {
  if (!UUID_HEX.test(token)) return null;
  const t = token.toLowerCase();
  return `${t.slice(0, 8)}-${t.slice(8, 12)}-${t.slice(12, 16)}-${t.slice(16, 20)}-${t.slice(20)}`;
};
