import { randomBytes, randomInt } from 'node:crypto';

const digits = (n: number): string =>
  String(randomInt(1, 10)) + Array.from({ length: n - 1 }, () => randomInt(0, 10)).join('');

/** Ids shaped like Meta's, so adapters that parse or store them see realistic values. */
export const newIds = {
  wamid: () => `wamid.HBgL${randomBytes(24).toString('base64')}`,
  instagramMid: () => `aWdfZAG1faXRlbToxOklH${randomBytes(24).toString('base64url')}`,
  instagramObjectId: () => digits(17),
  instagramScopedUserId: () => digits(16),
  fbtraceId: () => randomBytes(9).toString('base64url'),
  deliveryId: () => `whd_${randomBytes(8).toString('hex')}`,
  mailId: () => `mail_${randomBytes(8).toString('hex')}`,
  faultId: () => `fault_${randomBytes(6).toString('hex')}`,
};
