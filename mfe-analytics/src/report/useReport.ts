import { useEffect, useState } from 'react';

export type ReportState<T> =
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'failed'; message: string };

/** Loads a report whenever `key` changes; an answer for an older key is dropped. */
export const useReport = <T>(key: string, load: () => Promise<T>): ReportState<T> => {
  const [state, setState] = useState<ReportState<T>>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    setState({ status: 'loading' });
    load().then(
      (data) => current && setState({ status: 'ready', data }),
      (error: unknown) =>
        current &&
        setState({ status: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
    // `load` is a new closure each render; the key says when its inputs changed.
  }, [key]);
  return state;
};
