export * from './slaSettingsStore';
export * from './recordSlaBreach';
