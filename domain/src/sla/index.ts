export * from './slaCalendar';
export * from './slaSettings';
export * from './slaClock';
export * from './slaPlan';
