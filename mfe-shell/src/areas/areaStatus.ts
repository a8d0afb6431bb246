import type { AreaName } from '../remotes/manifest';

/** What the shell knows of an area: shown, on its way, or not available (its server is down, ...). */
export type AreaState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'mounted'; version: string | null }
  | { kind: 'unavailable'; reason: string };

type Listener = () => void;

// One object, so useSyncExternalStore sees an unchanged snapshot as unchanged.
const IDLE: AreaState = { kind: 'idle' };

/** A tiny store the React layout reads with useSyncExternalStore. */
export const createAreaStatus = () => {
  let states: Partial<Record<AreaName, AreaState>> = {};
  const listeners = new Set<Listener>();
  return {
    get: (area: AreaName): AreaState => states[area] ?? IDLE,
    snapshot: () => states,
    set: (area: AreaName, state: AreaState) => {
      states = { ...states, [area]: state };
      listeners.forEach((listener) => listener());
    },
    subscribe: (listener: Listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
};

export type AreaStatusStore = ReturnType<typeof createAreaStatus>;
