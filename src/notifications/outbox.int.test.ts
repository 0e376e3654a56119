import { setTimeout as sleep } from 'node:timers/promises';
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../tests/support/app.ts';
import { DEMO_CITIZEN } from '../seed/demo.ts';
import { listMessages, type OutboxRow } from './repository.ts';
import { outbox, type Channel } from './schema.ts';
import { deliverDueMessages, enqueueMessage, type ChannelAdapter, type OutgoingMessage } from './service.ts';

const SECOND = 1000;

let platform: TestPlatform;
beforeAll(async () => {
  platform = await createTestPlatform();
});
afterAll(() => platform.close());

/** An adapter that records what it sends; `fail` makes it throw instead. */
function recorder(options: { fail?: (m: OutboxRow) => boolean; delayMs?: number } = {}) {
  const sent: OutboxRow[] = [];
  const adapter: ChannelAdapter = {
    async send(message) {
      if (options.delayMs) await sleep(options.delayMs);
      if (options.fail?.(message)) throw new Error(`gateway refused ${message.recipient}`);
      sent.push(message);
    },
  };
  const adapters = { sms: adapter, whatsapp: adapter, email: adapter } satisfies Record<Channel, ChannelAdapter>;
  return { sent, adapters };
}

function message(key: string, overrides: Partial<OutgoingMessage> = {}): OutgoingMessage {
  return {
    dedupeKey: key,
    channel: 'whatsapp',
    recipient: `+62812000${key.replace(/\D/g, '').padStart(5, '0').slice(-5)}`,
    template: 'application.status',
    locale: 'id',
    text: { id: `Permohonan ${key} sudah selesai.`, en: `Application ${key} is finished.` },
    ...overrides,
  };
}

async function rows(prefix: string) {
  return platform.ctx.db.select().from(outbox).where(and(eq(outbox.regencyCode, '35.10'), like(outbox.dedupeKey, `${prefix}%`)));
}

/** Enqueues in its own transaction, on the platform's clock. */
function enqueue(m: OutgoingMessage, regencyCode = '35.10') {
  return platform.ctx.db.transaction((tx) => enqueueMessage(tx, regencyCode, m, platform.clock.now));
}

function deliver(adapters: Record<Channel, ChannelAdapter>, batch?: number) {
  return deliverDueMessages(platform.ctx.db, adapters, () => platform.clock.now, batch);
}

describe('outbox', () => {
  it('queues a message once, however often the same event enqueues it', async () => {
    expect(await enqueue(message('dedupe:1'))).toBe(true);
    expect(await enqueue(message('dedupe:1', { text: { id: 'Versi kedua', en: 'Second version' } }))).toBe(false);
    const queued = await rows('dedupe:');
    expect(queued).toHaveLength(1);
    expect(queued[0]!.body).toBe('Permohonan dedupe:1 sudah selesai.');
  });

  it('keeps the dedupe key per regency', async () => {
    expect(await enqueue(message('tenant:1'), '35.09')).toBe(true);
    expect(await enqueue(message('tenant:1'), '35.10')).toBe(true);
  });

  it('writes the body in the recipient\'s language', async () => {
    await enqueue(message('lang:1', { locale: 'id' }));
    await enqueue(message('lang:2', { locale: 'en' }));
    const byKey = Object.fromEntries((await rows('lang:')).map((r) => [r.dedupeKey, r]));
    expect(byKey['lang:1']).toMatchObject({ locale: 'id', body: 'Permohonan lang:1 sudah selesai.' });
    expect(byKey['lang:2']).toMatchObject({ locale: 'en', body: 'Application lang:2 is finished.' });
  });

  it("lists a recipient's messages newest first, even when queued at the same instant", async () => {
    for (let i = 1; i <= 6; i++) await enqueue(message(`order:${i}`, { recipient: '+6281299990000' }));
    const listed = await listMessages(platform.ctx.db, '35.10', 10, '+6281299990000');
    expect(listed.map((m) => m.dedupeKey)).toEqual(['order:6', 'order:5', 'order:4', 'order:3', 'order:2', 'order:1']);
  });

  it('delivers each due message once, across batches, and never again', async () => {
    const { sent, adapters } = recorder();
    await deliver(adapters); // drain what earlier tests queued
    sent.length = 0;
    for (let i = 0; i < 45; i++) await enqueue(message(`batch:${i}`));

    expect(await deliver(adapters, 20)).toBe(45);
    expect(sent.map((m) => m.dedupeKey).sort()).toEqual(Array.from({ length: 45 }, (_, i) => `batch:${i}`).sort());
    expect((await rows('batch:')).every((r) => r.status === 'sent' && r.attempts === 1 && r.sentAt !== null)).toBe(true);

    expect(await deliver(adapters)).toBe(0);
    expect(sent).toHaveLength(45);
  });

  it('sends each message once when two workers deliver at the same time', async () => {
    const { sent, adapters } = recorder({ delayMs: 2 });
    for (let i = 0; i < 30; i++) await enqueue(message(`race:${i}`));
    const [a, b] = await Promise.all([deliver(adapters, 10), deliver(adapters, 10)]);
    expect(a + b).toBe(30);
    const keys = sent.map((m) => m.dedupeKey).filter((k) => k.startsWith('race:'));
    expect(keys).toHaveLength(30);
    expect(new Set(keys).size).toBe(30);
  });

  it('does not send a message before it is due', async () => {
    const { sent, adapters } = recorder();
    await enqueue(message('later:1'));
    await platform.ctx.db.update(outbox).set({ nextAttemptAt: new Date(platform.clock.now.getTime() + 60 * SECOND) }).where(eq(outbox.dedupeKey, 'later:1'));
    await deliver(adapters);
    expect(sent.map((m) => m.dedupeKey)).not.toContain('later:1');
    platform.clock.advance(60 * SECOND);
    await deliver(adapters);
    expect(sent.map((m) => m.dedupeKey)).toContain('later:1');
  });

  it('retries a failing message with growing backoff and gives up as failed after 8 attempts, without holding up the others', async () => {
    const { sent, adapters } = recorder({ fail: (m) => m.dedupeKey === 'fail:1' });
    await enqueue(message('fail:1'));
    await enqueue(message('fail:ok'));

    const waits: number[] = [];
    for (let attempt = 1; attempt <= 8; attempt++) {
      await deliver(adapters);
      const [row] = (await rows('fail:1'))!;
      expect(row!.attempts).toBe(attempt);
      expect(row!.lastError).toBe('gateway refused +6281200000001');
      if (attempt < 8) {
        expect(row!.status).toBe('pending');
        const wait = row!.nextAttemptAt.getTime() - platform.clock.now.getTime();
        waits.push(wait / SECOND);
        // Not retried before its time.
        platform.clock.advance(wait - SECOND);
        await deliver(adapters);
        expect((await rows('fail:1'))[0]!.attempts).toBe(attempt);
        platform.clock.advance(SECOND);
      } else {
        expect(row!.status).toBe('failed');
      }
    }
    expect(waits).toEqual([15, 30, 60, 120, 240, 480, 960]);
    expect(sent.filter((m) => m.dedupeKey === 'fail:ok')).toHaveLength(1);

    // A failed message stays failed: no more attempts, however long we wait.
    platform.clock.advance(24 * 3600 * SECOND);
    await deliver(adapters);
    expect((await rows('fail:1'))[0]).toMatchObject({ status: 'failed', attempts: 8 });
  });
});

describe('outbox and the app clock', () => {
  it('delivers a sign-in code queued by the app on the app\'s own clock, even one set in the past', async () => {
    const past = await createTestPlatform({ start: new Date('2020-01-06T02:00:00Z') });
    try {
      const res = await past.app.inject({ method: 'POST', url: '/api/auth/citizen/request-code', payload: { nik: DEMO_CITIZEN.nik, phone: DEMO_CITIZEN.phone } });
      expect(res.statusCode).toBe(202);
      const { sent, adapters } = recorder();
      await deliverDueMessages(past.ctx.db, adapters, past.ctx.now);
      expect(sent.map((m) => m.template)).toEqual(['otp.citizen_login']);
    } finally {
      await past.close();
    }
  });
});

describe('the admin outbox page', () => {
  const codeFor = async (p: TestPlatform) => {
    expect((await p.app.inject({ method: 'POST', url: '/api/auth/citizen/request-code', payload: { nik: DEMO_CITIZEN.nik, phone: DEMO_CITIZEN.phone } })).statusCode).toBe(202);
    const admin = await p.as('admin');
    const [item] = (await admin.get(`/api/admin/outbox?recipient=${encodeURIComponent(DEMO_CITIZEN.phone)}`)).json().items;
    return item.body as string;
  };

  it('shows sign-in codes while no gateway is configured (development stands in for the phone)', async () => {
    expect(await codeFor(platform)).toMatch(/\d{6}/);
  });

  it.each([
    ['an SMS gateway is configured', { SMS_API_URL: 'https://sms.example.id/send', SMS_API_KEY: 'k' }],
    ['it runs in production', { NODE_ENV: 'production' }],
  ])('hides the codes once %s: a code sent to a phone is for that phone alone', async (_when, config) => {
    const p = await createTestPlatform({ config });
    try {
      const body = await codeFor(p);
      expect(body).toBe('•••');
    } finally {
      await p.close();
    }
  });
});
