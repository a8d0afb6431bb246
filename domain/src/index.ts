/**
 * @c360/domain: pure TypeScript shared by every process. Types and schemas, the calculators,
 * the policies. No I/O, no clock, no randomness: time comes in as an argument.
 */
export * from './config/defineConfig';
export * from './temporal/constants';
export * from './customer/preferences';
export * from './tenancy/roles';
export * from './errors/AppError';
export * from './analytics';

// Customer 360 read side: SLA badges and insight cards.
export * from './customer360/slaRisk';
export * from './customer360/insightCards';
export * from './segments';
export * from './exports';
export * from './reports';
export * from './channels';
export * from './replies';

// Notifications: categories, per-user deliveries and their defaults, the digest rule.
export * from './notifications';
export * from './engagement';
// SLA clocks (issue 6): tenant policies and the pure clock arithmetic.
export * from './sla';

// Post-resolution surveys (issue 6).
export * from './surveys';
export * from './engagement';

// Notifications: categories, per-user deliveries and their defaults, the digest rule.
export * from './notifications';
export * from './playbooks';
export * from './privacy';
