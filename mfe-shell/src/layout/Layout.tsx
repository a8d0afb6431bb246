import { untypedMessages } from '@c360/mfe-kit';
import type { ReactNode } from 'react';
import { defineMessages, FormattedMessage } from 'react-intl';
import { navigateToUrl } from 'single-spa';
import type { Locale } from '@c360/mfe-kit';
import type { Session } from '../auth/session';
import { AREAS } from '../remotes/manifest';
import type { AreaStatusStore } from '../areas/areaStatus';
import { areaOfPath } from '../routing/routes';
import { visibleAreas } from './areaAccess';
import { AreaOutlet, areaLabel } from './AreaOutlet';
import { LocaleSwitcher } from './LocaleSwitcher';

const messages = untypedMessages(
  defineMessages({
    nav: { id: 'shell.nav.label', defaultMessage: 'Main navigation' },
    signOut: { id: 'shell.signOut', defaultMessage: 'Sign out' },
    chooseArea: { id: 'shell.chooseArea', defaultMessage: 'Choose an area in the navigation.' },
    noArea: { id: 'shell.noArea', defaultMessage: 'Your role gives you no area of the dashboard.' },
  }),
);

type Props = {
  session: Session;
  pathname: string;
  locale: Locale;
  onLocale: (locale: Locale) => void;
  onSignOut: () => void;
  status: AreaStatusStore;
  notifications: ReactNode;
};

/** Header (tenant, navigation by role, language, notifications, user) and one outlet per area. */
export const Layout = ({ session, pathname, locale, onLocale, onSignOut, status, notifications }: Props) => {
  const allowed = visibleAreas(session.user.roles);
  const current = areaOfPath(pathname);
  return (
    <div className="c360-shell">
      <header className="c360-header">
        <strong className="c360-tenant">{session.tenant.name}</strong>
        <nav aria-label="main" className="c360-nav">
          <span hidden>
            <FormattedMessage {...messages.nav} />
          </span>
          {allowed.map((area) => (
            <a
              key={area}
              href={`/${area}`}
              onClick={(event) => {
                event.preventDefault();
                navigateToUrl(`/${area}`);
              }}
              aria-current={current === area ? 'page' : undefined}
              data-testid={`nav-${area}`}
            >
              <FormattedMessage {...areaLabel(area)} />
            </a>
          ))}
        </nav>
        <div className="c360-header-end">
          <LocaleSwitcher locale={locale} onChange={onLocale} />
          {notifications}
          <span className="c360-user" data-testid="current-user">
            {session.user.name}
          </span>
          <button type="button" onClick={onSignOut}>
            <FormattedMessage {...messages.signOut} />
          </button>
        </div>
      </header>
      <main className="c360-main">
        {allowed.length === 0 && (
          <p>
            <FormattedMessage {...messages.noArea} />
          </p>
        )}
        {allowed.length > 0 && !current && (
          <p>
            <FormattedMessage {...messages.chooseArea} />
          </p>
        )}
        {AREAS.filter((area) => allowed.includes(area)).map((area) => (
          <AreaOutlet key={area} area={area} active={current === area} status={status} />
        ))}
      </main>
    </div>
  );
};
