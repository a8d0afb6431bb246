import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const KIT_RUNTIME = join(__dirname, '..', 'runtime');

const formatjsCli = (): string => require.resolve('@formatjs/cli/bin/formatjs');

/** True when the package bundles the kit's runtime (it lists `@c360/mfe-kit` as a dependency). */
const usesKitRuntime = (packageDir: string): boolean => {
  const manifest = join(packageDir, 'package.json');
  if (!existsSync(manifest)) return false;
  const { dependencies } = JSON.parse(readFileSync(manifest, 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  return Boolean(dependencies?.['@c360/mfe-kit']);
};

/**
 * The messages an MFE's source declares (`defineMessages`, `<FormattedMessage>`, `intl.formatMessage`),
 * extracted by the formatjs CLI: `{ id: defaultMessage }`. Ids are explicit, so they stay stable.
 * A package that bundles the kit's runtime also carries the kit's few strings (`kit.*`, the error
 * notice), in its own words per locale.
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
        ...(usesKitRuntime(packageDir) ? [`${relative(packageDir, KIT_RUNTIME)}/**/*.{ts,tsx}`] : []),
        '--ignore',
        '**/__tests__/**',
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
