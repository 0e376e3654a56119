/**
 * A short-lived cache for catalogue reads the queue repeats on every request (the point, its
 * services and counters, its hours today). Scoped per database handle, so two test databases in one
 * process never share entries. The catalogue changes rarely; another process sees a change within
 * the TTL, this process at once when the queue module itself changed it (forget).
 */
type Entry = { at: number; value: Promise<unknown> };
const stores = new WeakMap<object, Map<string, Entry>>();

export async function cached<T>(scope: object, key: string, ttlMs: number, load: () => Promise<T>): Promise<T> {
  let store = stores.get(scope);
  if (!store) stores.set(scope, (store = new Map()));
  const hit = store.get(key);
  const now = Date.now();
  if (hit && now - hit.at < ttlMs) return hit.value as Promise<T>;
  const value = load();
  store.set(key, { at: now, value });
  // A failed load is not remembered.
  value.catch(() => {
    if (store.get(key)?.value === value) store.delete(key);
  });
  if (store.size > 2000) for (const [k, e] of store) if (now - e.at >= ttlMs) store.delete(k);
  return value;
}

export function forget(scope: object, prefix = ''): void {
  const store = stores.get(scope);
  if (!store) return;
  for (const key of [...store.keys()]) if (key.startsWith(prefix)) store.delete(key);
}
