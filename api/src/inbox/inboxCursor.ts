import type { InboxCursor } from '@c360/store';
import { AppError } from '@c360/domain';

/** Opaque to clients: the last row's sort key (a PostgreSQL timestamp or `infinity`) and id, base64url. */
export const encodeInboxCursor = (c: InboxCursor): string =>
  Buffer.from(`${c.key}|${c.id}`, 'utf8').toString('base64url');

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const KEY = /^(infinity|\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,6})?[+-]\d{2}(:\d{2})?)$/;

/** The cursor a page handed out; anything else is a 400 naming `query.cursor`. */
export const decodeInboxCursor = (text: string | undefined): InboxCursor | undefined => {
  if (text === undefined) return undefined;
  const [key, id, ...rest] = Buffer.from(text, 'base64url').toString('utf8').split('|');
  if (rest.length > 0 || !key || !id || !KEY.test(key) || !ID.test(id))
    throw new AppError('validation', 'invalid cursor', {
      fields: [{ path: 'query.cursor', message: 'is not a cursor this API handed out' }],
    });
  return { key, id };
};
