/** Where each MFE's server listens by default; the API is on 3000. */
export const MFE_PORTS = { shell: 3100, customers: 3101, analytics: 3102, inbox: 3103 } as const;

export type MfeName = keyof typeof MFE_PORTS;

export const REMOTE_AREAS = ['customers', 'analytics', 'inbox'] as const;
