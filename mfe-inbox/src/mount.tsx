import { areaLifecycles } from '@c360/mfe-kit';
import { InboxApp } from './InboxApp';
import { messages } from './i18n/messages';

/** The area's single-spa lifecycles, exposed to the shell as `inbox/mount`. */
export const { bootstrap, mount, unmount, update } = areaLifecycles(InboxApp, messages);
