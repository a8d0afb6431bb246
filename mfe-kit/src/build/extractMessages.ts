import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const formatjsCli = (): string => require.resolve('@formatjs/cli/bin/formatjs');

/**
 * The messages an MFE's source declares (`defineMessages`, `<FormattedMessage>`, `intl.formatMessage`),
 * extracted by the formatjs CLI: `{ id: defaultMessage }`. Ids are explicit, so they stay stable.
 */
export const extractMessages = (packageDir: string): Record<string, string> => {
  const tmp = mkdtempSync(join(tmpdir(), 'c360-i18n-'));
  const outFile = join(tmp, 'en.json');
  try {
    execFileSync(
      process.execPath,
      [
        formatjsCli(),
        'extract',
        'src/**/*.{ts,tsx}',
        '--ignore',
        'src/**/__tests__/**',
        '--format',
        'simple',
        '--throws',
        '--out-file',
        outFile,
      ],
      { cwd: packageDir, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    return JSON.parse(readFileSync(outFile, 'utf8')) as Record<string, string>;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
};
