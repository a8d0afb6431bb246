import { FormattedMessage } from 'react-intl';
import type { MountProps } from '@c360/mfe-kit';
import { AreaProvider, useArea } from './area/AreaContext';
import { parseRoute } from './area/routes';
import { CustomerForm } from './edit/CustomerForm';
import { CustomerList } from './list/CustomerList';
import { Profile360Page } from './profile/Profile360Page';
import { SegmentBuilder } from './segments/SegmentBuilder';

const Page = () => {
  const { path } = useArea();
  const route = parseRoute(path);
  switch (route.page) {
    case 'list':
      return <CustomerList />;
    case 'new':
      return <CustomerForm />;
    case 'segments':
      return <SegmentBuilder />;
    case 'profile':
      return <Profile360Page key={route.customerId} customerId={route.customerId} tab={route.tab} />;
    case 'edit':
      return <CustomerForm customerId={route.customerId} />;
    case 'notFound':
      return (
        <p role="alert">
          <FormattedMessage id="customers.notFound" defaultMessage="This page does not exist in Customers." />
        </p>
      );
  }
};

/** The customers area: list, 360 profile, preferences, journey, segments, create and edit. */
export const CustomersApp = (props: MountProps) => (
  <AreaProvider props={props}>
    <div data-testid="customers-area" data-version={__MFE_VERSION__} style={{ padding: 12 }}>
      <Page />
    </div>
  </AreaProvider>
);
