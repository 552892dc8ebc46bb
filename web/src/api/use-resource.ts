import { useCallback, useEffect, useState } from 'react';
import { api } from './client';

/** Loads JSON from the API; `reload` after a change. Ignores answers that arrive after the path changed. */
export function useResource<T>(path: string | undefined) {
  const [data, setData] = useState<T>();
  // Which path `data` came from: after a switch it still holds the previous path's answer until the new one arrives.
  const [loadedPath, setLoadedPath] = useState<string>();
  const [error, setError] = useState<unknown>();
  const [version, setVersion] = useState(0);

  useEffect(() => {
    if (!path) return;
    const controller = new AbortController();
    api<T>(path, { signal: controller.signal })
      .then((value) => {
        setData(value);
        setLoadedPath(path);
        setError(undefined);
      })
      .catch((reason: unknown) => {
        if (!controller.signal.aborted) setError(reason);
      });
    return () => controller.abort();
  }, [path, version]);

  const reload = useCallback(() => setVersion((value) => value + 1), []);
  return { data, loadedPath, error, reload, loading: data === undefined && error === undefined };
}

/**
 * Fills a form from the first answer for each path (React's "adjust state while rendering" pattern): the
 * reload after saving refreshes what the page shows around the form but keeps what was typed meanwhile.
 */
export function useFillOnFirstLoad<T>(resource: { data: T | undefined; loadedPath: string | undefined }, fill: (data: T) => void): void {
  const [filledFrom, setFilledFrom] = useState<string>();
  if (resource.data !== undefined && resource.loadedPath !== filledFrom) {
    setFilledFrom(resource.loadedPath);
    fill(resource.data);
  }
}
