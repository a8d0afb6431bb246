import { useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { IntlProvider } from 'react-intl';
import { getMountedApps, navigateToUrl, triggerAppChange, unloadApplication } from 'single-spa';
import { textDirection, type Locale } from '@c360/mfe-kit';
import { LoginPage } from './auth/LoginPage';
import { login } from './auth/authApi';
import { clearSession, saveSession, type Session } from './auth/session';
import { Layout } from './layout/Layout';
import { visibleAreas } from './layout/areaAccess';
import { NotificationCenter } from './notifications/NotificationCenter';
import { notificationsApi } from './notifications/notificationsApi';
import { Toasts } from './notifications/Toasts';
import { useNotifications } from './notifications/useNotifications';
import { SHELL_MESSAGES } from './i18n/shellMessages';
import { saveLocale } from './localeChoice';
import { usePathname } from './routing/usePathname';
import { LOGIN_PATH } from './routing/routes';
import type { ShellState } from './shellState';
import type { AreaStatusStore } from './areas/areaStatus';

type Props = { shell: ShellState; status: AreaStatusStore; apiBaseUrl: string };

const SignedIn = ({
  session,
  shell,
  status,
  locale,
  onLocale,
  onSignOut,
  pathname,
}: {
  session: Session;
  shell: ShellState;
  status: AreaStatusStore;
  locale: Locale;
  onLocale: (l: Locale) => void;
  onSignOut: () => void;
  pathname: string;
}) => {
  const api = useMemo(() => notificationsApi(shell.apiAccess), [shell]);
  const notifications = useNotifications(api);
  // The areas' containers are on the page from here on: let single-spa mount the active one.
  useLayoutEffect(() => {
    shell.layoutReady = true;
    void triggerAppChange();
    return () => {
      shell.layoutReady = false;
      void triggerAppChange();
    };
  }, [shell]);
  return (
    <>
      <Layout
        session={session}
        pathname={pathname}
        locale={locale}
        onLocale={onLocale}
        onSignOut={onSignOut}
        status={status}
        notifications={<NotificationCenter {...notifications} />}
      />
      <Toasts toasts={notifications.state.toasts} onDismiss={notifications.dismissToast} />
    </>
  );
};

/** The shell's page: the login, or the layout with its areas, in the chosen language and direction. */
export const ShellApp = ({ shell, status, apiBaseUrl }: Props) => {
  const [session, setSession] = useState<Session | null>(shell.session);
  const [locale, setLocale] = useState<Locale>(shell.locale);
  const pathname = usePathname();

  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = textDirection(locale);
  }, [locale]);

  useEffect(() => {
    if (!session && pathname !== LOGIN_PATH) navigateToUrl(LOGIN_PATH);
    if (session && (pathname === LOGIN_PATH || pathname === '/')) {
      const first = visibleAreas(session.user.roles)[0];
      if (first) navigateToUrl(`/${first}`);
    }
  }, [session, pathname]);

  const changeLocale = (next: Locale) => {
    shell.locale = next;
    saveLocale(window.localStorage, next);
    setLocale(next);
    // Areas get the locale as a mount prop: remount the ones on screen with the new one.
    for (const name of getMountedApps()) void unloadApplication(name);
  };

  const signIn = (next: Session) => {
    saveSession(window.localStorage, next);
    shell.session = next;
    setSession(next);
  };

  const signOut = () => {
    clearSession(window.localStorage);
    shell.session = null;
    setSession(null);
    navigateToUrl(LOGIN_PATH);
  };

  return (
    <IntlProvider locale={locale} messages={SHELL_MESSAGES[locale]} defaultLocale="en">
      <div dir={textDirection(locale)} lang={locale} className="c360-root">
        {session ? (
          <SignedIn
            session={session}
            shell={shell}
            status={status}
            locale={locale}
            onLocale={changeLocale}
            onSignOut={signOut}
            pathname={pathname}
          />
        ) : (
          <LoginPage login={(credentials) => login(apiBaseUrl, credentials)} onSignedIn={signIn} />
        )}
      </div>
    </IntlProvider>
  );
};
