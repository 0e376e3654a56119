/**
 * The kader's outbox for pregnancy reports on a weak signal. A report that cannot reach the
 * server (offline, or the request fails on the network) is kept on the phone with its client id;
 * it is sent again when the phone comes back online and whenever the page loads. The server
 * records a client id once (a second send answers "replayed"), so a report sent twice — two tabs,
 * a retry while the first was in flight — still arrives once. Nothing here touches the DOM or the
 * network itself: storage and sending are passed in, so the rules are unit-tested.
 */

/** What localStorage offers (and what a test fakes). */
export type KeyValueStore = { getItem(key: string): string | null; setItem(key: string, value: string): void; removeItem(key: string): void };

export type QueuedReport = {
  clientId: string;
  body: Record<string, unknown>;
  /** ISO instant the kader saved it. */
  savedAt: string;
  attempts: number;
  /** The server refused it (bad data): kept, with its message, until the kader discards it. */
  rejected?: string;
};

/** One queue per signed-in person: a shared phone never sends one kader's report under another's name. */
export const queueKey = (userId: string) => `sakina.pendingReports.v1.${userId}`;

export function readQueue(store: KeyValueStore, key: string): QueuedReport[] {
  try {
    const raw = store.getItem(key);
    if (!raw) return [];
    const list = JSON.parse(raw) as unknown;
    if (!Array.isArray(list)) return [];
    return list.filter((x): x is QueuedReport => !!x && typeof x === 'object' && typeof (x as QueuedReport).clientId === 'string' && typeof (x as QueuedReport).body === 'object');
  } catch {
    return [];
  }
}

function writeQueue(store: KeyValueStore, key: string, list: QueuedReport[]): void {
  if (list.length) store.setItem(key, JSON.stringify(list));
  else store.removeItem(key);
}

/** Keeps a report; the same client id twice stays one entry (the later body wins). */
export function enqueue(store: KeyValueStore, key: string, report: Omit<QueuedReport, 'attempts'> & { attempts?: number }): QueuedReport[] {
  const list = readQueue(store, key).filter((r) => r.clientId !== report.clientId);
  list.push({ attempts: 0, ...report, body: { ...report.body, clientId: report.clientId } });
  writeQueue(store, key, list);
  return list;
}

export function discard(store: KeyValueStore, key: string, clientId: string): QueuedReport[] {
  const list = readQueue(store, key).filter((r) => r.clientId !== clientId);
  writeQueue(store, key, list);
  return list;
}

/** How a failed send is treated: `network` waits for signal, `rejected` needs the kader, `retry` tries again later. */
export type Failure = 'network' | 'rejected' | 'retry';

/** A failure from the API client (`ApiError`-like: status 0 = no answer at all). */
export function classifyFailure(error: unknown): Failure {
  const e = error as { status?: number; code?: string } | null;
  if (!e || typeof e.status !== 'number' || e.status === 0 || e.code === 'network') return 'network';
  // A gateway without its server, a timeout, too many requests: the report is fine, try again later.
  if (e.status === 408 || e.status === 429 || e.status >= 500) return 'retry';
  // 401 (signed out on this phone): keep it until she signs in again.
  if (e.status === 401) return 'retry';
  return 'rejected';
}

export type FlushResult = { sent: string[]; left: QueuedReport[]; stoppedBy: Failure | null };

/**
 * Sends what is waiting, oldest first, one at a time. A sent (or replayed) report leaves the
 * queue at once, so a crash mid-way loses nothing and repeats nothing the server has not seen;
 * a network failure stops the round (no signal for the rest either); a refusal marks that
 * report and goes on with the next.
 */
export async function flushQueue(store: KeyValueStore, key: string, send: (body: Record<string, unknown>) => Promise<unknown>): Promise<FlushResult> {
  const sent: string[] = [];
  let stoppedBy: Failure | null = null;
  for (const report of readQueue(store, key)) {
    if (report.rejected) continue;
    try {
      await send({ ...report.body, clientId: report.clientId });
      sent.push(report.clientId);
      discard(store, key, report.clientId);
    } catch (error) {
      const failure = classifyFailure(error);
      const list = readQueue(store, key).map((r) =>
        r.clientId === report.clientId ? { ...r, attempts: r.attempts + 1, ...(failure === 'rejected' ? { rejected: (error as Error).message || 'rejected' } : {}) } : r,
      );
      writeQueue(store, key, list);
      if (failure !== 'rejected') {
        stoppedBy = failure;
        break;
      }
    }
  }
  return { sent, left: readQueue(store, key), stoppedBy };
}

/** One round at a time per page: the online event and the page load may both ask. */
let running: Promise<FlushResult> | null = null;
export function flushOnce(store: KeyValueStore, key: string, send: (body: Record<string, unknown>) => Promise<unknown>): Promise<FlushResult> {
  if (!running) running = flushQueue(store, key, send).finally(() => (running = null));
  return running;
}
