import { createHmac } from 'node:crypto';

/** Meta's `X-Hub-Signature-256` value: `sha256=` and the hex HMAC-SHA256 of the exact body bytes. */
export const hubSignature = (secret: string, body: string | Buffer): string =>
  `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
