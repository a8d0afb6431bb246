import type { Page } from 'playwright-core';

export type LoadedShare = { version: string; from: string; useIn: string[] };

/**
 * The copies of a shared package the page actually loaded, read from the Module Federation
 * runtime's share scopes (`__FEDERATION__`): one entry per provider and version that was loaded.
 */
export const loadedShares = (page: Page, pkg: string): Promise<LoadedShare[]> =>
  page.evaluate((name) => {
    type Entry = { loaded?: boolean; from?: string; useIn?: string[] };
    const found = new Map<string, { version: string; from: string; useIn: Set<string> }>();
    const seen = new Set<unknown>();
    const visit = (node: unknown, depth: number) => {
      if (!node || typeof node !== 'object' || seen.has(node) || depth > 6) return;
      seen.add(node);
      for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
        if (key === name && value && typeof value === 'object') {
          for (const [version, entry] of Object.entries(value as Record<string, Entry>)) {
            if (!entry?.loaded) continue;
            const id = `${version}@${entry.from ?? '?'}`;
            const known = found.get(id) ?? { version, from: entry.from ?? '?', useIn: new Set<string>() };
            (entry.useIn ?? []).forEach((u) => known.useIn.add(u));
            found.set(id, known);
          }
        } else if (key !== 'lib' && key !== 'get' && key !== 'loading') {
          visit(value, depth + 1);
        }
      }
    };
    visit((globalThis as { __FEDERATION__?: unknown }).__FEDERATION__, 0);
    return [...found.values()].map((f) => ({ version: f.version, from: f.from, useIn: [...f.useIn].sort() }));
  }, pkg);
