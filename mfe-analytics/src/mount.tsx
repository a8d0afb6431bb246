/** The analytics area's public surface: its single-spa lifecycles (exposed as `./mount`). */
import { areaLifecycles } from '@c360/mfe-kit';
import { AnalyticsApp } from './AnalyticsApp';
import { ANALYTICS_MESSAGES } from './i18n/analyticsMessages';

export const { bootstrap, mount, unmount, update } = areaLifecycles(AnalyticsApp, ANALYTICS_MESSAGES);
