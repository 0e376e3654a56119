import { useEffect, useRef, useState } from 'react';

export type QueueEvent = { type: string; number: string | null };

/**
 * Server-Sent Events of a point (a call, a new ticket, a counter opening …). EventSource reconnects
 * by itself; after a reconnect the caller reloads, since events during the gap are not replayed.
 * Returns whether the stream is connected.
 */
export function useQueueEvents(pointCode: string | null, onEvent: (event: QueueEvent) => void): boolean {
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    if (!pointCode || typeof EventSource === 'undefined') return;
    const source = new EventSource(`/api/queue/points/${encodeURIComponent(pointCode)}/events`);
    let opened = false;
    source.addEventListener('open', () => {
      setConnected(true);
      // A reconnect: something may have happened meanwhile.
      if (opened) handler.current({ type: 'resync', number: null });
      opened = true;
    });
    source.addEventListener('error', () => setConnected(false));
    const listener = (e: MessageEvent<string>) => {
      try {
        handler.current(JSON.parse(e.data) as QueueEvent);
      } catch {
        /* ignore a malformed event */
      }
    };
    source.addEventListener('queue', listener as EventListener);
    source.addEventListener('resync', () => handler.current({ type: 'resync', number: null }));
    return () => source.close();
  }, [pointCode]);
  return connected;
}
