import { DEMO_LOGINS, DEMO_PASSWORD } from '../seed/demoTenants';

/** Prints the demo logins for the launcher's banner. */
console.log(`    password for every demo login: ${DEMO_PASSWORD}`);
for (const l of DEMO_LOGINS) console.log(`    tenant ${l.tenant.padEnd(8)} ${l.role.padEnd(9)} ${l.email}`);
