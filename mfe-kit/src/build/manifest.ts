import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REMOTE_AREAS, MFE_PORTS } from './ports';

export type MfeManifest = { areas: Record<string, { entry: string; version: string }> };

const versionOf = (repoRoot: string, area: string): string => {
  const file = join(repoRoot, `mfe-${area}`, 'package.json');
  return existsSync(file)
    ? (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version
    : 'unknown';
};

/** The manifest for every remote on its default local port (what `./c360 up` serves). */
export const localManifest = (repoRoot: string, host = '127.0.0.1'): MfeManifest => ({
  areas: Object.fromEntries(
    REMOTE_AREAS.map((area) => [
      area,
      { entry: `http://${host}:${MFE_PORTS[area]}/remoteEntry.js`, version: versionOf(repoRoot, area) },
    ]),
  ),
});
