import type { ReactElement } from 'react';
import { render } from '@testing-library/react';
import { IntlProvider } from 'react-intl';
import type { Locale, MountProps } from '@c360/mfe-kit';
import { AreaProvider } from '../../area/AreaContext';
import { messages } from '../../i18n/messages';

export const testUser: MountProps['user'] = {
  id: '00000000-0000-4000-8000-000000000001',
  tenantId: '00000000-0000-4000-8000-000000000002',
  email: 'agent@acme.test',
  name: 'Agent',
  roles: ['agent'],
};

/** Renders a piece of the area as the shell would: its messages in `locale`, the area's context. */
export const renderInArea = (
  ui: ReactElement,
  options: { locale?: Locale; navigate?: (path: string) => void; user?: MountProps['user'] } = {},
) => {
  const locale = options.locale ?? 'en';
  const props: MountProps = {
    api: { baseUrl: 'http://127.0.0.1:9/api/v1', getToken: () => null },
    locale,
    user: options.user ?? testUser,
    navigate: options.navigate ?? (() => undefined),
  };
  return render(
    <IntlProvider locale={locale} messages={messages[locale]} defaultLocale="en">
      <AreaProvider props={props}>{ui}</AreaProvider>
    </IntlProvider>,
  );
};
