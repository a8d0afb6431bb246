import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** The file in a build folder that records which sources it was built from. */
export const BUILD_STAMP = '.c360-build';

const SKIP = new Set(['node_modules', 'dist', 'dist-dev']);

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    if (SKIP.has(name) || name.startsWith('.')) return [];
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });

/**
 * A hash of everything a build depends on that we own: the package's files, the kit's sources,
 * the lock file and the build options. Equal hashes mean the existing build is still the one.
 */
export const sourceFingerprint = (packageDir: string, options: string): string => {
  const hash = createHash('sha256').update(options);
  const kitDir = join(__dirname, '..', '..');
  const root = join(packageDir, '..');
  for (const file of [
    ...files(packageDir),
    ...files(join(kitDir, 'src')),
    join(root, 'package-lock.json'),
  ].sort()) {
    if (!existsSync(file)) continue;
    hash.update(relative(root, file)).update(readFileSync(file));
  }
  return hash.digest('hex');
};

export const builtFingerprint = (outDir: string): string | null => {
  const stamp = join(outDir, BUILD_STAMP);
  return existsSync(stamp) ? readFileSync(stamp, 'utf8') : null;
};
