import { describe, expect, it } from 'vitest';
import { classifyFailure, discard, enqueue, flushOnce, flushQueue, queueKey, readQueue, type KeyValueStore } from './offline-queue.ts';

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

const KEY = queueKey('kader-1');
const networkDown = Object.assign(new Error('Tidak ada sambungan'), { status: 0, code: 'network' });
const badRequest = Object.assign(new Error('NIK tidak valid'), { status: 400, code: 'validation_failed' });
const serverDown = Object.assign(new Error('Bad gateway'), { status: 502, code: 'http_502' });

/** A server that records each client id once, as the real one does. */
function fakeServer() {
  const recorded = new Map<string, Record<string, unknown>>();
  const calls: string[] = [];
  return {
    recorded,
    calls,
    send: async (body: Record<string, unknown>) => {
      const id = String(body.clientId);
      calls.push(id);
      const replayed = recorded.has(id);
      if (!replayed) recorded.set(id, body);
      return { replayed };
    },
  };
}

describe('the kader report queue', () => {
  it('keeps a report with its client id, once per client id, per person', () => {
    const store = memoryStore();
    enqueue(store, KEY, { clientId: 'c-1', body: { name: 'Ibu A' }, savedAt: '2026-11-29T01:00:00Z' });
    enqueue(store, KEY, { clientId: 'c-1', body: { name: 'Ibu A (ralat)' }, savedAt: '2026-11-29T01:01:00Z' });
    enqueue(store, KEY, { clientId: 'c-2', body: { name: 'Ibu B' }, savedAt: '2026-11-29T01:02:00Z' });
    const list = readQueue(store, KEY);
    expect(list.map((r) => [r.clientId, r.body.name, r.body.clientId])).toEqual([
      ['c-1', 'Ibu A (ralat)', 'c-1'],
      ['c-2', 'Ibu B', 'c-2'],
    ]);
    expect(readQueue(store, queueKey('kader-2'))).toEqual([]);
    expect(discard(store, KEY, 'c-1').map((r) => r.clientId)).toEqual(['c-2']);
    discard(store, KEY, 'c-2');
    expect(store.data.size).toBe(0);
  });

  it('reads a damaged store as empty instead of failing the form', () => {
    const store = memoryStore();
    store.setItem(KEY, '{not json');
    expect(readQueue(store, KEY)).toEqual([]);
    store.setItem(KEY, JSON.stringify([{ clientId: 'ok', body: {}, savedAt: 'x', attempts: 0 }, { nope: 1 }, null]));
    expect(readQueue(store, KEY).map((r) => r.clientId)).toEqual(['ok']);
  });

  it('tells no signal from a refusal', () => {
    expect(classifyFailure(networkDown)).toBe('network');
    expect(classifyFailure(new TypeError('Failed to fetch'))).toBe('network');
    expect(classifyFailure(serverDown)).toBe('retry');
    expect(classifyFailure({ status: 401 })).toBe('retry');
    expect(classifyFailure(badRequest)).toBe('rejected');
    expect(classifyFailure({ status: 403 })).toBe('rejected');
  });

  it('sends oldest first and empties the queue', async () => {
    const store = memoryStore();
    const server = fakeServer();
    for (const id of ['a', 'b', 'c']) enqueue(store, KEY, { clientId: id, body: { name: id }, savedAt: '' });
    const result = await flushQueue(store, KEY, server.send);
    expect(result).toMatchObject({ sent: ['a', 'b', 'c'], left: [], stoppedBy: null });
    expect(server.calls).toEqual(['a', 'b', 'c']);
  });

  it('stops at the first network failure and keeps the rest, counting the attempt', async () => {
    const store = memoryStore();
    const server = fakeServer();
    for (const id of ['a', 'b', 'c']) enqueue(store, KEY, { clientId: id, body: {}, savedAt: '' });
    let n = 0;
    const result = await flushQueue(store, KEY, async (body) => {
      if (++n === 2) throw networkDown;
      return server.send(body);
    });
    expect(result.sent).toEqual(['a']);
    expect(result.stoppedBy).toBe('network');
    expect(result.left.map((r) => [r.clientId, r.attempts])).toEqual([
      ['b', 1],
      ['c', 0],
    ]);
    // Signal again: the rest goes, and 'a' is not sent a second time.
    await flushQueue(store, KEY, server.send);
    expect(server.calls).toEqual(['a', 'b', 'c']);
    expect(readQueue(store, KEY)).toEqual([]);
  });

  it('marks a refused report for the kader and goes on with the next', async () => {
    const store = memoryStore();
    const server = fakeServer();
    enqueue(store, KEY, { clientId: 'bad', body: { nik: '123' }, savedAt: '' });
    enqueue(store, KEY, { clientId: 'good', body: {}, savedAt: '' });
    const result = await flushQueue(store, KEY, async (body) => {
      if (body.clientId === 'bad') throw badRequest;
      return server.send(body);
    });
    expect(result.sent).toEqual(['good']);
    expect(result.left).toEqual([expect.objectContaining({ clientId: 'bad', rejected: 'NIK tidak valid', attempts: 1 })]);
    // A refused report is not sent again by itself.
    await flushQueue(store, KEY, server.send);
    expect(server.calls).toEqual(['good']);
  });

  it('a send whose answer was lost is sent again and arrives once (the server replays its client id)', async () => {
    const store = memoryStore();
    const server = fakeServer();
    enqueue(store, KEY, { clientId: 'lost-answer', body: { name: 'Ibu C' }, savedAt: '' });
    // The request reached the server, the answer did not reach the phone.
    await flushQueue(store, KEY, async (body) => {
      await server.send(body);
      throw networkDown;
    });
    expect(readQueue(store, KEY)).toHaveLength(1);
    await flushQueue(store, KEY, server.send);
    expect(server.calls).toEqual(['lost-answer', 'lost-answer']);
    expect(server.recorded.size).toBe(1);
    expect(readQueue(store, KEY)).toEqual([]);
  });

  it('runs one round at a time when the online event and the page load both ask', async () => {
    const store = memoryStore();
    const server = fakeServer();
    enqueue(store, KEY, { clientId: 'x', body: {}, savedAt: '' });
    const [one, two] = await Promise.all([flushOnce(store, KEY, server.send), flushOnce(store, KEY, server.send)]);
    expect(one).toBe(two);
    expect(server.calls).toEqual(['x']);
  });
});
