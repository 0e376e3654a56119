import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../app.ts';
import { openDatabase, type Database } from '../db/client.ts';
import { createTestPlatform, testConfig, type TestPlatform } from '../../tests/support/app.ts';
import { MPP, withQueueDemo } from './testing.ts';

/**
 * Two servers on one database, as in a deployment with several processes: a call made through
 * server A reaches a display board connected to server B by Server-Sent Events, through
 * PostgreSQL LISTEN/NOTIFY (on PGlite the same channel, in-process).
 */
let platform: TestPlatform;
let second: { app: App; database: Database; url: string; ownDatabase: boolean };
let firstUrl: string;

beforeAll(async () => {
  platform = await createTestPlatform({ catalogue: true });
  await withQueueDemo(platform);
  await platform.app.listen({ port: 0, host: '127.0.0.1' });
  firstUrl = `http://127.0.0.1:${(platform.app.server.address() as AddressInfo).port}`;
  // On PostgreSQL the second server gets its own connection pool, like another process would.
  const ownDatabase = platform.database.kind === 'postgresql';
  const database = ownDatabase ? await openDatabase({ kind: 'postgresql', url: String(platform.database.pool!.options.connectionString), poolSize: 3 }) : platform.database;
  const { app } = await buildApp({ config: testConfig(), database, now: () => platform.clock.now, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  second = { app, database, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`, ownDatabase };
  // Seeding the catalogue takes a while on a busy machine: more than the default hook timeout.
}, 300_000);

afterAll(async () => {
  await second?.app.close();
  if (second?.ownDatabase) await second.database.close();
  await platform?.close();
});

/** Reads an SSE stream until `until` matches the text so far, or the time runs out. */
async function readEvents(url: string, trigger: () => Promise<unknown>, until: RegExp, timeoutMs = 15_000): Promise<string> {
  const controller = new AbortController();
  const res = await fetch(url, { signal: controller.signal, headers: { accept: 'text/event-stream' } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + timeoutMs;
  let triggered = false;
  try {
    while (Date.now() < deadline) {
      const chunk = await Promise.race([reader.read(), new Promise<null>((r) => setTimeout(() => r(null), 250))]);
      if (chunk && !chunk.done) text += decoder.decode(chunk.value, { stream: true });
      if (!triggered && text.includes('event: hello')) {
        triggered = true;
        await trigger();
      }
      if (until.test(text)) return text;
      if (chunk?.done) break;
    }
    return text;
  } finally {
    controller.abort();
    await reader.cancel().catch(() => undefined);
  }
}

describe('live updates across servers', () => {
  it('a call through server A reaches the board on server B, and the board reads the new state', async () => {
    const admin = await platform.as('admin');
    const kiosk = (await admin.post(`/api/queue/points/${MPP}/kiosks`, { name: 'Kios' })).json().token;
    const loket = await platform.as('loket');
    expect((await loket.post('/api/queue/console/sign-in', { point: MPP, counter: 'A' })).statusCode).toBe(200);

    const text = await readEvents(
      `${second.url}/api/queue/points/${MPP}/events`,
      async () => {
        const issued = await fetch(`${firstUrl}/api/queue/points/${MPP}/tickets`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-kiosk-token': kiosk }, body: JSON.stringify({ service: 'ktp-el-baru' }) });
        expect(issued.status).toBe(201);
        const call = await loket.post('/api/queue/console/call-next');
        expect(call.statusCode).toBe(200);
      },
      /"type":"call","number":"A001"/,
    );
    expect(text).toMatch(/event: queue\ndata: \{"type":"ticket"/);
    expect(text).toMatch(/event: queue\ndata: \{"type":"call","number":"A001"\}/);
    const board = await (await fetch(`${second.url}/api/queue/points/${MPP}/board`)).json();
    expect(board.lastCalls[0]).toMatchObject({ number: 'A001', counter: 'A' });
  });

  it('a server shutting down ends its open streams instead of waiting for them', async () => {
    const { app } = await buildApp({ config: testConfig(), database: platform.database, now: () => platform.clock.now, logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}/api/queue/points/${MPP}/events`;
    const res = await fetch(url);
    const reader = res.body!.getReader();
    await reader.read(); // the stream is open
    const started = Date.now();
    await app.close();
    expect(Date.now() - started).toBeLessThan(5_000);
    // The client sees its stream end (and EventSource would reconnect to another server).
    let done = false;
    for (let i = 0; i < 20 && !done; i++) done = (await reader.read().catch(() => ({ done: true }))).done;
    expect(done).toBe(true);
  });

  it('an unknown point has no stream', async () => {
    expect((await fetch(`${second.url}/api/queue/points/nope/events`)).status).toBe(404);
  });

  it('a rolled-back change tells nobody: NOTIFY is delivered on commit only', async () => {
    const { notifyQueue, findPointById } = await import('./repository.ts');
    const { findPointByCode } = await import('../catalogue/repository.ts');
    const point = (await findPointByCode(platform.database.db, platform.ctx.regencyCode, MPP))!;
    expect(await findPointById(platform.database.db, platform.ctx.regencyCode, point.id)).toBeTruthy();
    const text = await readEvents(
      `${second.url}/api/queue/points/${MPP}/events`,
      async () => {
        await expect(
          platform.database.db.transaction(async (tx) => {
            await notifyQueue(tx, { r: platform.ctx.regencyCode, p: point.id, t: 'rolled_back' });
            throw new Error('abort');
          }),
        ).rejects.toThrow('abort');
        await platform.database.db.transaction((tx) => notifyQueue(tx, { r: platform.ctx.regencyCode, p: point.id, t: 'committed' }));
      },
      /"type":"committed"/,
    );
    expect(text).toMatch(/"type":"committed"/);
    expect(text).not.toMatch(/rolled_back/);
  });
});
