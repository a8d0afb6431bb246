import { createAreaContext } from '@c360/mfe-kit';
import { createCustomersApi } from '../api/customersApi';

/** The customers area's context: its API module, the user, the locale and the path it shows. */
export const { AreaProvider, useArea } = createAreaContext((props) => ({
  api: createCustomersApi(props.api),
}));
