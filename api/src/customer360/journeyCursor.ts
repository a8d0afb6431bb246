import type { JourneyCursor } from '@c360/store';

/** The cursor is opaque to clients: the last event's time and key, base64url-encoded. */
export const encodeJourneyCursor = (c: JourneyCursor): string =>
  Buffer.from(`${c.at.toISOString()}|${c.eventKey}`, 'utf8').toString('base64url');

const EVENT_KEY = /^[a-z_]+:[0-9a-f-]{36}$/;

/** The cursor a page handed out, or null when the text is not one. */
export const decodeJourneyCursor = (text: string): JourneyCursor | null => {
  const [at, eventKey, ...rest] = Buffer.from(text, 'base64url').toString('utf8').split('|');
  if (rest.length > 0 || !at || !eventKey || !EVENT_KEY.test(eventKey)) return null;
  const date = new Date(at);
  if (Number.isNaN(date.getTime()) || date.toISOString() !== at) return null;
  return { at: date, eventKey };
};
