import { createAreaContext } from '@c360/mfe-kit';
import { createInboxApi } from '../api/inboxApi';

/**
 * The inbox area's context: its API module, what the shell gave (for components of other areas
 * shown here, the customer summary), the user, the locale and the path it shows.
 */
export const { AreaProvider, useArea } = createAreaContext((props) => ({
  api: createInboxApi(props.api),
  access: props.api,
}));
