import { hashPassword, passwordNeedsRehash, verifyPassword } from '../passwordHash';

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('demo1234');
    expect(await verifyPassword('demo1234', stored)).toBe(true);
    expect(await verifyPassword('demo1235', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('writes a self-describing string with a fresh salt each time', async () => {
    const [a, b] = await Promise.all([hashPassword('same'), hashPassword('same')]);
    expect(a).toMatch(/^scrypt\$ln=15,r=8,p=1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
    expect(a).not.toBe(b);
    expect(passwordNeedsRehash(a)).toBe(false);
  });

  it('treats Unicode forms of the same password alike', async () => {
    const stored = await hashPassword('caf\u00e9');
    expect(await verifyPassword('cafe\u0301', stored)).toBe(true);
  });

  it('verifies hashes made with other parameters and flags weaker ones for rehash', async () => {
    const stored = await hashPassword('pw');
    const [, , salt, key] = stored.split('$');
    // Same salt and key under different (claimed) parameters must not verify...
    expect(await verifyPassword('pw', `scrypt$ln=14,r=8,p=1$${salt}$${key}`)).toBe(false);
    // ...and a weaker hash is reported for rehashing.
    expect(passwordNeedsRehash(`scrypt$ln=14,r=8,p=1$${salt}$${key}`)).toBe(true);
  });

  it('returns false, not an exception, for malformed or hostile stored values', async () => {
    for (const bad of [
      '',
      'plain',
      'bcrypt$x$y$z',
      'scrypt$ln=40,r=8,p=1$AAAAAAAAAAAAAAAAAAAAAA==$AAAA',
      'scrypt$ln=15,r=8,p=1$$',
    ]) {
      expect(await verifyPassword('pw', bad)).toBe(false);
      expect(passwordNeedsRehash(bad)).toBe(true);
    }
  });
});
