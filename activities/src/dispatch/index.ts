export * from './dispatchTypes';
export * from './createDispatcher';
export * from './allRoutes';
