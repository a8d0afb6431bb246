/**
 * Build-time tooling shared by the MFEs (Node only, never bundled): the webpack config factory,
 * the static server with the API proxy, the manifest shape, ports and the i18n check.
 */
export { createMfeConfig, type MfeConfigOptions, type BuildOverrides } from './mfeConfig';
export { SHARED_SINGLETONS } from './sharedSingletons';
export { startMfeServer, type MfeServerOptions } from './mfeServer';
export { MFE_PORTS, REMOTE_AREAS, type MfeName } from './ports';
export { localManifest, type MfeManifest } from './manifest';
export { LOCALES } from './locales';
export { extractMessages } from './extractMessages';
export { checkMessages, assertMessagesComplete, type MessageCheck } from './checkMessages';
export { runWebpack } from './runWebpack';
