export * from './ticketEvents';
export * from './ticketRecords';
