import { clearSession, loadSession, saveSession, type Session } from '../session';

const session: Session = {
  accessToken: 'token',
  expiresAt: '2026-06-15T13:00:00.000Z',
  user: { id: 'u1', tenantId: 't1', email: 'a@acme.test', name: 'Ada', roles: ['manager'] },
  tenant: { id: 't1', slug: 'acme', name: 'Acme' },
};

describe('session storage', () => {
  beforeEach(() => window.localStorage.clear());

  it('gives back a saved session until it expires', () => {
    saveSession(window.localStorage, session);
    expect(loadSession(window.localStorage, new Date('2026-06-15T12:59:59Z'))).toEqual(session);
    expect(loadSession(window.localStorage, new Date('2026-06-15T13:00:00Z'))).toBeNull();
  });

  it('ignores a malformed entry and forgets a cleared one', () => {
    window.localStorage.setItem('c360.session', '{"accessToken":1');
    expect(loadSession(window.localStorage, new Date('2026-06-15T12:00:00Z'))).toBeNull();
    saveSession(window.localStorage, session);
    clearSession(window.localStorage);
    expect(loadSession(window.localStorage, new Date('2026-06-15T12:00:00Z'))).toBeNull();
  });
});
