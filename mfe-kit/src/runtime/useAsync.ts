import { useCallback, useEffect, useRef, useState } from 'react';

export type AsyncState<T> = {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
  /** Replaces the data without a request (an answer from a write already holds the new state). */
  setData: (data: T) => void;
};

/** Runs `load` when its dependencies change; a stale answer never overwrites a newer one. */
export const useAsync = <T>(load: () => Promise<T>, deps: readonly unknown[]): AsyncState<T> => {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);
  const latest = useRef(0);
  useEffect(() => {
    const run = ++latest.current;
    setLoading(true);
    load().then(
      (value) => {
        if (run !== latest.current) return;
        setData(value);
        setError(undefined);
        setLoading(false);
      },
      (failure: unknown) => {
        if (run !== latest.current) return;
        setError(failure);
        setLoading(false);
      },
    );
    // `load` is a fresh closure each render; the caller's deps say when it really changes.
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data, error, loading, reload, setData };
};
