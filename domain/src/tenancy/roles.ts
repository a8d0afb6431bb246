export const ROLES = ['agent', 'marketer', 'manager', 'admin', 'ops'] as const;
export type Role = (typeof ROLES)[number];
