/** The default playbooks' settings and pure decisions (drop thresholds, re-entry, engagement). */
export * from './playbookSettings';
export * from './healthDrop';
export * from './reentryRule';
export * from './engagement';
export * from './playbookIds';
export * from './playbookEvents';
