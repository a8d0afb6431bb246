export * from './csv';
export * from './exportColumns';
export * from './exportFileName';
export * from './exportEncoder';
