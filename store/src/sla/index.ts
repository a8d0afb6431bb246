export * from './slaSettingsStore';
export * from './recordSlaBreach';
export * from './openSlaTickets';
