import { getRescoreStatus, startRescore } from '@c360/workflows';
import { runMain, runTenantCli } from './tenantRunCli';

/**
 * `rescore [--all | --tenant <id|slug>] [--wait]`: starts a rescore workflow per tenant and,
 * with --wait, prints what each did once it completes. The worker process must be running.
 */
runMain(() =>
  runTenantCli(
    {
      name: 'rescore',
      start: startRescore,
      status: getRescoreStatus,
      describe: (status) => {
        const p = status?.progress;
        return `${status?.status}, ${p?.scored} scored of ${p?.total}, ${p?.changed} changed, ${p?.events} events raised`;
      },
    },
    process.argv.slice(2),
  ),
);
