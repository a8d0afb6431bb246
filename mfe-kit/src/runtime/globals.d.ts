/** Compiled in by the webpack config (DefinePlugin); jest sets them as globals. */
declare const __MFE_NAME__: string;
declare const __MFE_VERSION__: string;
