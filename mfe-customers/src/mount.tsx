import { areaLifecycles } from '@c360/mfe-kit';
import { CustomersApp } from './CustomersApp';
import { messages } from './i18n/messages';

/** The area's single-spa lifecycles, exposed to the shell as `customers/mount`. */
export const { bootstrap, mount, unmount, update } = areaLifecycles(CustomersApp, messages);
