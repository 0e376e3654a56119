/** Reports kept on the phone until there is signal: the hook that sends them, and the list that shows them. */
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api.ts';
import { formatDateTime } from '../format.ts';
import { useLang } from '../i18n/use-lang.ts';
import { Alert, Button, Card } from '../kit/index.ts';
import { useSession } from '../session.tsx';
import { useF } from './field-messages.ts';
import { classifyFailure, discard, enqueue, flushOnce, queueKey, readQueue, type KeyValueStore, type QueuedReport } from './offline-queue.ts';

/** localStorage, or a no-op store where the browser refuses it (the form then only sends online). */
function browserStore(): KeyValueStore {
  try {
    const probe = '__sakina_probe__';
    localStorage.setItem(probe, '1');
    localStorage.removeItem(probe);
    return localStorage;
  } catch {
    return { getItem: () => null, setItem: () => undefined, removeItem: () => undefined };
  }
}

const send = (body: Record<string, unknown>) => api.post('/api/sakina/reports', body);

/** Web Locks keep two tabs of one phone from sending the same round at once (the server would replay anyway). */
function withLock<T>(run: () => Promise<T>): Promise<T> {
  const locks = (navigator as Navigator & { locks?: { request(name: string, cb: () => Promise<T>): Promise<unknown> } }).locks;
  return locks ? (locks.request('sakina-report-queue', run) as Promise<T>) : run();
}

export type ReportQueue = {
  pending: QueuedReport[];
  /** How many kept reports reached the server since this page opened. */
  delivered: number;
  flushing: boolean;
  /** Sends now or keeps it: 'sent' (with the server's answer), 'queued' when there is no signal. Throws a refusal. */
  submit<T>(clientId: string, body: Record<string, unknown>): Promise<{ kind: 'sent'; result: T } | { kind: 'queued' }>;
  flush(): Promise<void>;
  remove(clientId: string): void;
};

export function useReportQueue(): ReportQueue {
  const { user } = useSession();
  const key = queueKey(user?.id ?? 'anonymous');
  const [store] = useState(browserStore);
  const [pending, setPending] = useState<QueuedReport[]>(() => readQueue(store, key));
  const [delivered, setDelivered] = useState(0);
  const [flushing, setFlushing] = useState(false);

  const flush = useCallback(async () => {
    if (!readQueue(store, key).some((r) => !r.rejected)) return setPending(readQueue(store, key));
    setFlushing(true);
    try {
      const result = await withLock(() => flushOnce(store, key, send));
      if (result.sent.length) setDelivered((n) => n + result.sent.length);
    } finally {
      setPending(readQueue(store, key));
      setFlushing(false);
    }
  }, [store, key]);

  useEffect(() => {
    // On load, when the phone says it is online again, and every 30 s while something waits.
    void flush();
    const online = () => void flush();
    window.addEventListener('online', online);
    const timer = window.setInterval(() => {
      if (navigator.onLine && readQueue(store, key).some((r) => !r.rejected)) void flush();
    }, 30_000);
    return () => {
      window.removeEventListener('online', online);
      window.clearInterval(timer);
    };
  }, [flush, store, key]);

  const keep = (clientId: string, body: Record<string, unknown>) => {
    setPending(enqueue(store, key, { clientId, body, savedAt: new Date().toISOString() }));
  };

  return {
    pending,
    delivered,
    flushing,
    async submit<T>(clientId: string, body: Record<string, unknown>) {
      if (!navigator.onLine) {
        keep(clientId, body);
        return { kind: 'queued' as const };
      }
      try {
        const result = await api.post<T>('/api/sakina/reports', { ...body, clientId });
        return { kind: 'sent' as const, result };
      } catch (error) {
        if (classifyFailure(error) === 'rejected') throw error;
        keep(clientId, body);
        return { kind: 'queued' as const };
      }
    },
    flush,
    remove(clientId: string) {
      setPending(discard(store, key, clientId));
    },
  };
}

/** The reports still on this phone, said plainly: not official until they reach the midwife. */
export function PendingReports({ queue }: { queue: ReportQueue }) {
  const f = useF();
  const lang = useLang();
  const { pending, delivered, flushing } = queue;
  return (
    <>
      {delivered > 0 && (
        <Alert tone="success">
          <p data-testid="delivered-later">{f.offline.sentLater(delivered)}</p>
        </Alert>
      )}
      {pending.length > 0 && (
        <Card title={f.offline.pendingList} className="sk-pending">
          <p data-testid="pending-count" aria-live="polite">
            <strong>{f.offline.pending(pending.length)}</strong>
          </p>
          <p className="muted">{f.offline.savedOnPhoneLead}</p>
          <ul className="sk-list">
            {pending.map((r) => (
              <li key={r.clientId} className="sk-item" data-testid="pending-report">
                <div className="sk-item__top">
                  <span className="sk-item__name">{typeof r.body.name === 'string' && r.body.name ? r.body.name : f.offline.unnamed}</span>
                  <span className="sk-item__meta">{f.offline.storedAt(formatDateTime(r.savedAt, lang))}</span>
                </div>
                {r.rejected ? (
                  <>
                    <p className="field__error">{f.offline.rejected(r.rejected)}</p>
                    <Button variant="secondary" size="small" onClick={() => queue.remove(r.clientId)}>
                      {f.offline.discard}
                    </Button>
                  </>
                ) : (
                  <p className="sk-item__meta">{f.offline.failed}</p>
                )}
              </li>
            ))}
          </ul>
          {pending.some((r) => !r.rejected) && (
            <p className="section">
              <Button variant="secondary" busy={flushing} onClick={() => void queue.flush()}>
                {flushing ? f.offline.sending : f.offline.sendNow}
              </Button>
            </p>
          )}
        </Card>
      )}
    </>
  );
}
