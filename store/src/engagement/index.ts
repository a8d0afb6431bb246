export * from './sendSlots';
