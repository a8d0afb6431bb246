export type AreaName = 'customers' | 'analytics' | 'inbox';

export const AREAS: AreaName[] = ['customers', 'analytics', 'inbox'];

export type AreaEntry = { entry: string; version: string };

/** `/mfe-manifest.json`: which build of each area the dashboard loads. */
export type MfeManifest = { areas: Partial<Record<AreaName, AreaEntry>> };

const isEntry = (value: unknown): value is AreaEntry =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as AreaEntry).entry === 'string' &&
  typeof (value as AreaEntry).version === 'string';

/** Keeps the well-formed area entries of a manifest; anything else is dropped, not trusted. */
export const parseManifest = (raw: unknown): MfeManifest => {
  const areas = (raw as { areas?: unknown } | null)?.areas;
  if (typeof areas !== 'object' || areas === null) return { areas: {} };
  const result: MfeManifest = { areas: {} };
  for (const area of AREAS) {
    const entry = (areas as Record<string, unknown>)[area];
    if (isEntry(entry)) result.areas[area] = { entry: entry.entry, version: entry.version };
  }
  return result;
};

/** Fetched at run time (never cached), so a new deploy of an area is picked up on the next load. */
export const fetchManifest = async (url = '/mfe-manifest.json'): Promise<MfeManifest> => {
  const response = await fetch(url, { cache: 'no-store' });
  if (!response.ok) throw new Error(`the remote manifest answered ${response.status}`);
  return parseManifest(await response.json());
};
