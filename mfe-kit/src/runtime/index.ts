/**
 * Runtime helpers bundled into each MFE (not federated): the mount props contract, the API client
 * with the bearer token, single-spa lifecycles with react-intl, text direction by locale, and the
 * data-loading hook every area uses.
 */
export type { Locale, Role, CurrentUser, ApiAccess, MountProps } from './mountProps';
export { createApiClient, ApiError, type ApiClient } from './apiClient';
export { textDirection, isLocale } from './textDirection';
export { areaLifecycles, type Messages } from './areaLifecycles';
export { downloadBlob } from './downloadBlob';
export { renderStandalone } from './renderStandalone';
export { untypedMessages } from './untypedMessages';
export { useAsync, type AsyncState } from './useAsync';
