import { useState, type FormEvent } from 'react';
import { createRoot } from 'react-dom/client';
import { createApiClient } from './apiClient';
import type { CurrentUser, Locale, MountProps } from './mountProps';
import { isLocale } from './textDirection';

type LifecycleFn = (props: never) => Promise<unknown>;
/** An area's lifecycles as its `./mount` module exports them (a function or a list of them). */
type Lifecycles = { bootstrap: LifecycleFn | LifecycleFn[]; mount: LifecycleFn | LifecycleFn[] };

const run = async (lifecycle: LifecycleFn | LifecycleFn[], props: object) => {
  for (const fn of Array.isArray(lifecycle) ? lifecycle : [lifecycle])
    await (fn as (p: object) => Promise<unknown>)(props);
};

type Signed = { accessToken: string; user: CurrentUser };

const BASE_URL = '/api/v1';

/**
 * A remote's own page for working on it alone (`npm run dev -w mfe-<area>`): sign in against the
 * API through the remote's dev server, then mount the area's lifecycles exactly as the shell does.
 */
export const renderStandalone = (name: string, lifecycles: Lifecycles): void => {
  const root = document.getElementById('root');
  if (!root) throw new Error('the page has no #root element');
  const host = document.createElement('div');
  const area = document.createElement('div');
  root.append(host, area);

  const mountArea = async (signed: Signed, locale: Locale) => {
    document.documentElement.lang = locale;
    document.documentElement.dir = locale === 'ar' ? 'rtl' : 'ltr';
    const props: MountProps & { name: string; domElement: HTMLElement } = {
      name,
      domElement: area,
      api: { baseUrl: BASE_URL, getToken: () => signed.accessToken },
      locale,
      user: signed.user,
      navigate: (path: string) => window.history.pushState(null, '', path),
    };
    await run(lifecycles.bootstrap, props);
    await run(lifecycles.mount, props);
  };

  const SignIn = () => {
    const [error, setError] = useState<string | null>(null);
    const [done, setDone] = useState(false);
    const submit = async (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      const form = new FormData(event.currentTarget);
      try {
        const signed = await createApiClient({ baseUrl: BASE_URL, getToken: () => null }).post<Signed>(
          '/auth/login',
          { tenant: form.get('tenant'), email: form.get('email'), password: form.get('password') },
        );
        const locale = form.get('locale');
        setDone(true);
        await mountArea(signed, isLocale(locale) ? locale : 'en');
      } catch (failure) {
        setError(failure instanceof Error ? failure.message : String(failure));
      }
    };
    if (done) return <p>{`${name} (standalone, v${__MFE_VERSION__})`}</p>;
    return (
      <form onSubmit={(event) => void submit(event)} aria-label="standalone login">
        <strong>{name} — standalone</strong> <input name="tenant" placeholder="tenant" required />{' '}
        <input name="email" placeholder="e-mail" required />{' '}
        <input name="password" type="password" required />{' '}
        <select name="locale" defaultValue="en">
          <option value="en">en</option>
          <option value="fr">fr</option>
          <option value="ar">ar</option>
        </select>{' '}
        <button type="submit">Sign in</button>
        {error && <span role="alert"> {error}</span>}
      </form>
    );
  };
  createRoot(host).render(<SignIn />);
};
