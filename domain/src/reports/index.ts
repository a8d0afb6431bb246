export * from './reportDocument';
export * from './reportRange';
