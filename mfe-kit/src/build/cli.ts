/**
 * `c360-mfe <command>` run in an MFE's folder (npm runs workspace scripts there):
 *   build [--out DIR] [--version X.Y.Z] [--force]   production build into dist/ (or DIR); skipped
 *                                         when dist/ was built from the same sources
 *   manifest --out FILE                   write the manifest of every remote on its local port
 *   dev                                   development build, rebuilt on change, served with the API proxy
 *   serve [--dir DIR] [--port N] [--manifest FILE]   serve a build; /api goes to the API
 *   i18n-extract                          write src/i18n/en.json from the source (formatjs CLI)
 *   i18n-check                            fail when a message id is missing in en, fr or ar
 * `--package DIR` runs a command for that package from anywhere.
 * Environment: C360_API_ORIGIN (default http://127.0.0.1:3000).
 */
import { parseArgs } from 'node:util';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BuildOverrides } from './mfeConfig';
import type { Configuration } from 'webpack';
import { runWebpack, watchWebpack } from './runWebpack';
import { startMfeServer } from './mfeServer';
import { MFE_PORTS, type MfeName } from './ports';
import { localManifest } from './manifest';
import { extractMessages } from './extractMessages';
import { checkMessages } from './checkMessages';
import { BUILD_STAMP, builtFingerprint, sourceFingerprint } from './sourceFingerprint';

type ConfigFactory = (overrides?: BuildOverrides) => Configuration;

let packageDir = process.cwd();
// mfe-kit/src/build → the repository, where every mfe-<area> folder sits.
const REPO_ROOT = join(__dirname, '..', '..', '..');
const apiOrigin = process.env['C360_API_ORIGIN'] ?? 'http://127.0.0.1:3000';

const loadConfig = async (): Promise<ConfigFactory> => {
  const mod = (await import(join(packageDir, 'webpack.config.ts'))) as {
    default: ConfigFactory | { default: ConfigFactory };
  };
  const factory = mod.default;
  return typeof factory === 'function' ? factory : factory.default;
};

const mfeName = (config: Configuration): MfeName =>
  String(config.output?.uniqueName ?? '').replace(/^c360_/, '') as MfeName;

const serve = async (dir: string, name: MfeName, port?: string, manifest?: string) => {
  let manifestFile = manifest ? resolve(manifest) : undefined;
  if (name === 'shell' && !manifestFile) {
    manifestFile = join(mkdtempSync(join(tmpdir(), 'c360-manifest-')), 'mfe-manifest.json');
    writeFileSync(manifestFile, JSON.stringify(localManifest(REPO_ROOT), null, 2));
  }
  const listenPort = Number(port ?? MFE_PORTS[name]);
  await startMfeServer({ dir, port: listenPort, apiOrigin, manifestFile });
  console.log(`[mfe] ${name} on http://127.0.0.1:${listenPort} (api → ${apiOrigin})`);
};

const main = async () => {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      version: { type: 'string' },
      dir: { type: 'string' },
      port: { type: 'string' },
      manifest: { type: 'string' },
      package: { type: 'string' },
      force: { type: 'boolean', default: false },
    },
  });
  if (values.package) packageDir = resolve(values.package);
  const command = positionals[0];
  switch (command) {
    case 'build': {
      const factory = await loadConfig();
      const config = factory({
        mode: 'production',
        outDir: values.out ? resolve(values.out) : undefined,
        version: values.version,
      });
      const outDir = String(config.output?.path);
      const fingerprint = sourceFingerprint(packageDir, JSON.stringify(values));
      if (!values.force && builtFingerprint(outDir) === fingerprint) {
        console.log(`[mfe] ${mfeName(config)} is up to date in ${outDir}`);
        return;
      }
      await runWebpack(config);
      writeFileSync(join(outDir, BUILD_STAMP), fingerprint);
      console.log(`[mfe] built ${mfeName(config)} into ${outDir}`);
      return;
    }
    case 'manifest': {
      if (!values.out) throw new Error('manifest needs --out FILE');
      writeFileSync(resolve(values.out), `${JSON.stringify(localManifest(REPO_ROOT), null, 2)}\n`);
      return;
    }
    case 'dev': {
      const factory = await loadConfig();
      const outDir = join(packageDir, 'dist-dev');
      const config = factory({ mode: 'development', outDir });
      await watchWebpack(config);
      await serve(outDir, mfeName(config), values.port, values.manifest);
      return;
    }
    case 'serve': {
      const factory = await loadConfig();
      const config = factory({ mode: 'production' });
      await serve(
        resolve(values.dir ?? join(packageDir, 'dist')),
        mfeName(config),
        values.port,
        values.manifest,
      );
      return;
    }
    case 'i18n-extract': {
      const messages = extractMessages(packageDir);
      const sorted = Object.fromEntries(Object.entries(messages).sort(([a], [b]) => a.localeCompare(b)));
      writeFileSync(join(packageDir, 'src', 'i18n', 'en.json'), `${JSON.stringify(sorted, null, 2)}\n`);
      console.log(`[mfe] ${Object.keys(sorted).length} messages written to src/i18n/en.json`);
      return;
    }
    case 'i18n-check': {
      const { missing, unused } = checkMessages(packageDir);
      for (const [locale, ids] of Object.entries(unused)) {
        if (ids.length) console.log(`[mfe] ${locale}.json has unused ids: ${ids.join(', ')}`);
      }
      const bad = Object.entries(missing).filter(([, ids]) => ids.length > 0);
      for (const [locale, ids] of bad) console.error(`[mfe] ${locale}.json lacks: ${ids.join(', ')}`);
      if (bad.length) process.exit(1);
      console.log('[mfe] every message id is present in en, fr and ar');
      return;
    }
    default:
      console.error('usage: c360-mfe build|dev|serve|i18n-extract|i18n-check');
      process.exit(2);
  }
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
