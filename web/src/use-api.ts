import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from './api.ts';

export type Loaded<T> = { data: T | null; error: ApiError | null; loading: boolean; reload(): void };

/** GETs a resource on mount (and when path or query change); `reload()` fetches it again. */
export function useApi<T>(path: string | null, query?: Record<string, string | number | undefined>): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [loading, setLoading] = useState(path !== null);
  const [tick, setTick] = useState(0);
  const key = JSON.stringify(query ?? {});
  const latest = useRef(0);

  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    const ticket = ++latest.current;
    setLoading(true);
    api
      .get<T>(path, JSON.parse(key) as Record<string, string>, controller.signal)
      .then((result) => {
        if (ticket !== latest.current) return;
        setData(result);
        setError(null);
      })
      .catch((e: unknown) => {
        if (ticket !== latest.current || (e as Error).name === 'AbortError') return;
        setError(e instanceof ApiError ? e : new ApiError(0, 'unexpected', String(e), String(e)));
      })
      .finally(() => {
        if (ticket === latest.current) setLoading(false);
      });
    return () => controller.abort();
  }, [path, key, tick]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload };
}
