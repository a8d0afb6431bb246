/**
 * @c360/domain: pure TypeScript shared by every process. Types and schemas, the calculators,
 * the policies. No I/O, no clock, no randomness: time comes in as an argument.
 */
export * from './config/defineConfig';
export * from './temporal/constants';
export * from './customer/preferences';
export * from './tenancy/roles';
export * from './errors/AppError';
