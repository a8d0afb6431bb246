import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-hub-signature-256';

/** `sha256=<hex>` of the raw body, as Meta signs webhooks (and our mail relay signs inbound mail). */
export const hubSignatureOf = (rawBody: Buffer, secret: string): string =>
  `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;

/**
 * Whether `header` is the signature of exactly these bytes. Compared in constant time, so the
 * answer's timing tells an attacker nothing about how much of a forged signature was right.
 */
export const isValidHubSignature = (rawBody: Buffer, header: string | undefined, secret: string): boolean => {
  if (!header || !/^sha256=[0-9a-f]{64}$/i.test(header.trim())) return false;
  const expected = Buffer.from(hubSignatureOf(rawBody, secret), 'utf8');
  const given = Buffer.from(header.trim().toLowerCase(), 'utf8');
  return given.length === expected.length && timingSafeEqual(given, expected);
};
