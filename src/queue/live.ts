/**
 * Live updates for display boards, consoles and live ticket pages. Every queue change NOTIFYs the
 * channel `satupintu_queue` inside its transaction (delivered on commit); each server process
 * LISTENs once — PGlite in-process, PostgreSQL on a dedicated connection — and fans the event out
 * to its Server-Sent-Event subscribers of that point. So a call made on one process reaches a
 * board connected to another.
 */
import pg from 'pg';
import type { Database } from '../db/client.ts';

export const QUEUE_CHANNEL = 'satupintu_queue';

export type QueueEvent = { r: string; p: string; t: string; n?: string; c?: string | null };
type Listener = (event: QueueEvent) => void;

export class QueueHub {
  private readonly listeners = new Map<string, Set<Listener>>();
  private stopListening: (() => Promise<void>) | null = null;
  private starting: Promise<void> | null = null;
  private closed = false;
  private retryMs = 500;

  constructor(
    private readonly database: Database,
    private readonly log: { warn(obj: object, msg: string): void; info?(obj: object, msg: string): void },
  ) {}

  /** Subscribes to one point's events; returns the unsubscribe function. Starts listening on first use. */
  async subscribe(pointId: string, listener: Listener): Promise<() => void> {
    await this.start();
    let set = this.listeners.get(pointId);
    if (!set) this.listeners.set(pointId, (set = new Set()));
    set.add(listener);
    return () => {
      set!.delete(listener);
      if (!set!.size) this.listeners.delete(pointId);
    };
  }

  get subscriberCount(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }

  private dispatch(payload: string | undefined): void {
    if (!payload) return;
    let event: QueueEvent;
    try {
      event = JSON.parse(payload) as QueueEvent;
    } catch {
      return;
    }
    for (const listener of this.listeners.get(event.p) ?? []) {
      try {
        listener(event);
      } catch (error) {
        this.log.warn({ err: error }, 'queue live listener failed');
      }
    }
  }

  /** After a lost connection every subscriber refetches: events during the gap are not replayed. */
  private resyncAll(): void {
    for (const [pointId, set] of this.listeners) for (const listener of set) listener({ r: '', p: pointId, t: 'resync' });
  }

  start(): Promise<void> {
    if (this.stopListening || this.closed) return Promise.resolve();
    this.starting ??= this.connect().finally(() => {
      this.starting = null;
    });
    return this.starting;
  }

  private async connect(): Promise<void> {
    if (this.database.kind === 'pglite') {
      const unsubscribe = await this.database.pglite!.listen(QUEUE_CHANNEL, (payload) => this.dispatch(payload));
      this.stopListening = unsubscribe;
      return;
    }
    const client = new pg.Client(this.database.pool!.options);
    client.on('notification', (message) => {
      if (message.channel === QUEUE_CHANNEL) this.dispatch(message.payload);
    });
    const lost = (error?: Error) => {
      if (this.closed || this.stopListening !== stop) return;
      this.stopListening = null;
      this.log.warn({ err: error }, 'queue LISTEN connection lost; reconnecting');
      setTimeout(() => {
        void this.start()
          .then(() => this.resyncAll())
          .catch((e) => this.log.warn({ err: e }, 'queue LISTEN reconnect failed'));
      }, this.retryMs).unref();
      this.retryMs = Math.min(this.retryMs * 2, 30_000);
    };
    const stop = async () => {
      client.removeAllListeners('error');
      client.on('error', () => undefined);
      await client.end().catch(() => undefined);
    };
    client.on('error', lost);
    client.on('end', () => lost());
    await client.connect();
    await client.query(`LISTEN ${QUEUE_CHANNEL}`);
    this.retryMs = 500;
    this.stopListening = stop;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listeners.clear();
    if (this.starting) await this.starting.catch(() => undefined);
    const stop = this.stopListening;
    this.stopListening = null;
    if (stop) await stop();
  }
}
