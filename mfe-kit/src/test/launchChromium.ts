import { chromium, type Browser } from 'playwright-core';

/**
 * Debian's chromium (installed by deploy/local/chromium.sh), headless. The flags keep it off the
 * network it cannot reach here (background services, component updates, sync) and sandbox-free
 * as root.
 */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env['C360_CHROMIUM'] ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
