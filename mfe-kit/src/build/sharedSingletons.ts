/**
 * What every MFE shares through Module Federation: one React, one ReactDOM and one react-intl for
 * the whole page (two Reacts break hooks; two react-intls lose the locale context). Eager in no one,
 * so every container waits for the share scope to settle before rendering.
 */
export const SHARED_SINGLETONS = {
  react: { singleton: true, requiredVersion: '^19.0.0' },
  'react-dom': { singleton: true, requiredVersion: '^19.0.0' },
  'react-intl': { singleton: true, requiredVersion: '^12.0.0' },
};
