import { registerRemotes, loadRemote } from '@module-federation/enhanced/runtime';
import { fetchManifest, type AreaName, type MfeManifest } from './manifest';

let manifest: Promise<MfeManifest> | undefined;

/**
 * The manifest, fetched once per page, with every area registered as a Module Federation remote
 * (container name = area name). Works from the shell's page and from the shell's exposed module
 * loaded inside another area alike.
 */
export const areaManifest = (): Promise<MfeManifest> =>
  (manifest ??= fetchManifest().then((loaded) => {
    registerRemotes(
      Object.entries(loaded.areas).map(([name, area]) => ({ name, entry: area.entry, alias: name })),
      { force: true },
    );
    return loaded;
  })).catch((error: unknown) => {
    manifest = undefined;
    throw error;
  });

/** One exposed module of an area, e.g. `loadAreaModule('customers', './CustomerSummary')`. */
export const loadAreaModule = async <T>(area: AreaName, exposed: string): Promise<T> => {
  const loaded = await areaManifest();
  if (!loaded.areas[area]) throw new Error(`the manifest has no entry for ${area}`);
  const module = await loadRemote<T>(`${area}/${exposed.replace(/^\.\//, '')}`);
  if (!module) throw new Error(`${area} did not provide ${exposed}`);
  return module;
};
