import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Password hashing with scrypt (memory-hard, in Node's standard library). The stored string
 * names its own algorithm and parameters, `scrypt$ln=15,r=8,p=1$<salt>$<hash>` (base64), so the
 * cost can be raised later and old hashes still verify (and can be spotted for rehashing).
 */
const LOG2_N = 15;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
const PREFIX = 'scrypt';

export type PasswordHashParams = { log2N: number; r: number; p: number };
export const PASSWORD_HASH_PARAMS: PasswordHashParams = { log2N: LOG2_N, r: R, p: P };

const derive = (
  password: string,
  salt: Buffer,
  params: PasswordHashParams,
  keyLength: number,
): Promise<Buffer> => {
  const N = 2 ** params.log2N;
  // scrypt needs 128 * N * r bytes; Node's default ceiling (32 MiB) is exactly that at N=2^15, r=8.
  const options: ScryptOptions = { N, r: params.r, p: params.p, maxmem: 256 * N * params.r };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, keyLength, options, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
};

export const hashPassword = async (password: string): Promise<string> => {
  if (typeof password !== 'string' || password.length === 0)
    throw new TypeError('password must be a non-empty string');
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(password, salt, PASSWORD_HASH_PARAMS, KEY_LENGTH);
  return `${PREFIX}$ln=${LOG2_N},r=${R},p=${P}$${salt.toString('base64')}$${key.toString('base64')}`;
};

type Parsed = { params: PasswordHashParams; salt: Buffer; key: Buffer };

const parse = (stored: string): Parsed | null => {
  const parts = stored.split('$');
  if (parts.length !== 4 || parts[0] !== PREFIX) return null;
  const match = /^ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})$/.exec(parts[1] ?? '');
  if (!match) return null;
  const params = { log2N: Number(match[1]), r: Number(match[2]), p: Number(match[3]) };
  // Bounds keep a tampered row from asking for gigabytes of memory.
  if (
    params.log2N < 10 ||
    params.log2N > 20 ||
    params.r < 1 ||
    params.r > 32 ||
    params.p < 1 ||
    params.p > 16
  )
    return null;
  const salt = Buffer.from(parts[2] ?? '', 'base64');
  const key = Buffer.from(parts[3] ?? '', 'base64');
  if (salt.length < 8 || key.length < 16) return null;
  return { params, salt, key };
};

/** True when `password` matches; false for a wrong password or a malformed stored hash. */
export const verifyPassword = async (password: string, stored: string): Promise<boolean> => {
  if (typeof password !== 'string' || typeof stored !== 'string') return false;
  const parsed = parse(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.params, parsed.key.length);
  return timingSafeEqual(key, parsed.key);
};

/** True when a stored hash uses weaker parameters than today's: rehash it at the next login. */
export const passwordNeedsRehash = (stored: string): boolean => {
  const parsed = parse(stored);
  return !parsed || parsed.params.log2N < LOG2_N || parsed.params.r < R || parsed.params.p < P;
};
