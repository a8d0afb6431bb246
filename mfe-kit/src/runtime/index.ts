/**
 * Runtime helpers bundled into each MFE (not federated): the mount props contract, the API client
 * with the bearer token, single-spa lifecycles with react-intl, text direction by locale, and the
 * data-loading hook, the area context, the error notice and the inline styles every area uses.
 */
export type { Locale, Role, CurrentUser, ApiAccess, MountProps } from './mountProps';
export { createApiClient, ApiError, type ApiClient } from './apiClient';
export { textDirection, isLocale } from './textDirection';
export { areaLifecycles, type Messages } from './areaLifecycles';
export { downloadBlob } from './downloadBlob';
export { renderStandalone } from './renderStandalone';
export { untypedMessages } from './untypedMessages';
export { useAsync, type AsyncState } from './useAsync';
export { createAreaContext, type AreaBase } from './createAreaContext';
export { ErrorNotice } from './ErrorNotice';
export { badge, card, chip, grid, muted, row } from './areaStyles';
