export * from './reportParams';
