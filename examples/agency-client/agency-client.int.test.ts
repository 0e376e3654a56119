/**
 * Runs the example agency system as its own process against a listening satupintu: it registers
 * its webhook, receives a signed event for an application a citizen files, checks the documents,
 * processes and signs it through the agency API. The test plays the job runner (webhook delivery).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../tests/support/app.ts';
import { agencySystem, fileApplication } from '../../src/applications/testing.ts';
import { deliverDueWebhooks } from '../../src/applications/webhooks.ts';
import { makePdf, verifySignature } from './agency-client.ts';
import { signWebhook } from '../../src/applications/webhook-signature.ts';
import { detectDocumentType } from '../../src/storage/detect.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
let p: TestPlatform;
let baseUrl: string;

beforeAll(async () => {
  p = await createTestPlatform({ catalogue: true, config: { UPLOAD_DIR: `/tmp/satupintu-client-${process.pid}` } });
  await p.app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(p.app.server.address() as AddressInfo).port}`;
});
afterAll(() => p?.close());

type Line = { event: string; [key: string]: unknown };

function run(args: string[]): { child: ChildProcess; lines: Line[]; waitFor(event: string, ms?: number): Promise<Line>; exit: Promise<number> } {
  // Node 22.18+ runs TypeScript by stripping types; older Node gets tsx's loader.
  const loader = process.features.typescript ? [] : ['--import', 'tsx'];
  const child = spawn(process.execPath, [...loader, path.join(here, 'agency-client.ts'), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: Line[] = [];
  const waiters: { event: string; resolve: (l: Line) => void }[] = [];
  let buffer = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    let nl: number;
    while ((nl = buffer.indexOf('\n')) >= 0) {
      const line = JSON.parse(buffer.slice(0, nl)) as Line;
      buffer = buffer.slice(nl + 1);
      lines.push(line);
      for (const w of waiters.filter((x) => x.event === line.event)) w.resolve(line);
    }
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  const exit = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1)));
  return {
    child,
    lines,
    exit: exit.then((code) => {
      if (code !== 0) console.error(stderr);
      return code;
    }),
    waitFor: (event, ms = 30_000) =>
      new Promise((resolve, reject) => {
        const found = lines.find((l) => l.event === event);
        if (found) return resolve(found);
        const timer = setTimeout(() => reject(new Error(`no "${event}" within ${ms} ms; got ${JSON.stringify(lines)} ${stderr}`)), ms);
        waiters.push({ event, resolve: (l) => (clearTimeout(timer), resolve(l)) });
      }),
  };
}

describe('the example agency client', () => {
  it('verifies signatures the way the platform makes them, and makes PDFs the platform accepts', async () => {
    const now = Date.now();
    const ts = Math.floor(now / 1000);
    expect(verifySignature('s3cret', '{"a":1}', String(ts), signWebhook('s3cret', ts, '{"a":1}'), now)).toBe('ok');
    expect(verifySignature('s3cret', '{"a":2}', String(ts), signWebhook('s3cret', ts, '{"a":1}'), now)).toBe('bad_signature');
    expect(verifySignature('s3cret', '{"a":1}', String(ts - 600), signWebhook('s3cret', ts - 600, '{"a":1}'), now)).toBe('stale');
    expect((await detectDocumentType(makePdf(['Akta']))).accepted).toBe(true);
  });

  it('processes a citizen’s application end to end, driven by signed webhooks', async () => {
    const { token } = await agencySystem(p, 'dispendukcapil');
    const client = run(['--base-url', baseUrl, '--token', token, '--max', '1', '--timeout', '90']);
    try {
      const ready = await client.waitFor('ready');
      expect(ready.agency).toBe('dispendukcapil');
      await client.waitFor('swept');

      const citizen = await p.asCitizen();
      const { number } = await fileApplication(citizen);

      // The job runner's part: deliver due webhooks until the client is done.
      const pump = setInterval(() => void deliverDueWebhooks(p.ctx).catch(() => undefined), 150);
      const code = await client.exit;
      clearInterval(pump);
      expect(code).toBe(0);

      const events = client.lines.map((l) => l.event);
      expect(events).toEqual(expect.arrayContaining(['ready', 'swept', 'webhook', 'claimed', 'verified', 'product_attached', 'signed', 'processed', 'done']));
      expect(client.lines.find((l) => l.event === 'webhook' && l.number === number)).toMatchObject({ type: 'application.submitted', verified: true });
      expect(client.lines.some((l) => l.event === 'webhook_refused')).toBe(false);

      const view = (await citizen.get(`/api/applications/${number}`)).json();
      expect(view).toMatchObject({ status: 'selesai', product: { signed: true, signer: { name: 'Dr. Hj. Kepala Dinas' } } });
      expect(view.timeline.map((e: { action: string }) => e.action)).toEqual(['create', 'submit', 'claim', 'advance', 'advance', 'product', 'advance']);
      expect(view.timeline.slice(2).every((e: { actor: { place: string } }) => /Dinas Kependudukan/.test(e.actor.place))).toBe(true);

      // The client switched its webhook off as it left; the delivery log shows what it received.
      const admin = await p.as('admin');
      expect((await admin.get('/api/admin/agencies/dispendukcapil/integration')).json().webhook.active).toBe(false);
      const log = (await admin.get('/api/admin/agencies/dispendukcapil/webhook/deliveries')).json().items;
      expect(log.some((d: { type: string; status: string }) => d.type === 'application.submitted' && d.status === 'delivered')).toBe(true);
    } finally {
      client.child.kill();
    }
  });
});
