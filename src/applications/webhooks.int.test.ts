import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type Session, type TestPlatform } from '../../tests/support/app.ts';
import { samplePdf } from '../storage/fixtures.ts';
import { fileApplication, agencySystem, upload } from './testing.ts';
import { verifyWebhook } from './webhook-signature.ts';
import { deliverDueWebhooks } from './webhooks.ts';

type Received = { headers: http.IncomingHttpHeaders; body: string };
const receiver = { received: [] as Received[], status: 200 };
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    receiver.received.push({ headers: req.headers, body });
    res.writeHead(receiver.status).end();
  });
});

let p: TestPlatform;
let citizen: Session;
let system: Session;
let url: string;
let secret: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/satupintu/events`;
  p = await createTestPlatform({ catalogue: true, config: { UPLOAD_DIR: `/tmp/satupintu-hooks-${process.pid}` } });
  citizen = await p.asCitizen();
  system = (await agencySystem(p)).session;
});
afterAll(async () => {
  await p?.close();
  server.close();
});

describe('setting the webhook', () => {
  it('returns the secret once, keeps it on later changes, rotates it on request', async () => {
    const set = await system.request('PUT', '/api/agency/v1/webhook', { url, active: true });
    expect(set.statusCode, set.body).toBe(200);
    secret = set.json().secret;
    expect(secret).toMatch(/^whsec_/);
    expect(set.json().webhook).toMatchObject({ url, active: true, secretHint: secret.slice(0, 10) + '…' });
    const again = await system.request('PUT', '/api/agency/v1/webhook', { url, active: true });
    expect(again.json().secret).toBeNull();
    expect((await system.get('/api/agency/v1/webhook')).json().webhook.url).toBe(url);
  });

  it('refuses addresses with credentials and bad URLs; only the agency’s own system or the admin set it', async () => {
    expect((await system.request('PUT', '/api/agency/v1/webhook', { url: 'http://user:pw@example.org/x', active: true })).statusCode).toBe(400);
    expect((await system.request('PUT', '/api/agency/v1/webhook', { url: 'not a url', active: true })).statusCode).toBe(400);
    const capil = await p.as('capil');
    expect((await capil.request('PUT', '/api/agency/v1/webhook', { url, active: true })).statusCode).toBe(403);
    const admin = await p.as('admin');
    expect((await admin.get('/api/admin/agencies/dispendukcapil/integration')).json().webhook.url).toBe(url);
  });
});

describe('events', () => {
  it('are signed with HMAC-SHA256 over timestamp and body, verifiable by the receiver', async () => {
    receiver.received.length = 0;
    const { number } = await fileApplication(citizen);
    const result = await deliverDueWebhooks(p.ctx);
    expect(result).toEqual({ delivered: 1, failed: 0 });
    const [event] = receiver.received;
    expect(event!.headers['x-satupintu-event']).toBe('application.submitted');
    const verified = verifyWebhook({ secret, body: event!.body, timestamp: event!.headers['x-satupintu-timestamp'] as string, signature: event!.headers['x-satupintu-signature'] as string, now: new Date() });
    expect(verified).toEqual({ ok: true });
    const payload = JSON.parse(event!.body);
    expect(payload).toMatchObject({ id: event!.headers['x-satupintu-delivery'], type: 'application.submitted', data: { application: { number, status: 'verifikasi_berkas', previousStatus: 'draft' } } });
    // Thin events: nothing personal travels in them.
    expect(event!.body).not.toContain('3510205203940001');
    expect(event!.body).not.toContain('Siti');
    // A tampered copy does not verify.
    expect(verifyWebhook({ secret, body: event!.body.replace('verifikasi_berkas', 'selesai'), timestamp: event!.headers['x-satupintu-timestamp'] as string, signature: event!.headers['x-satupintu-signature'] as string, now: new Date() }).ok).toBe(false);
  });

  it('are retried with backoff when the receiver fails, with every attempt in the delivery log', async () => {
    receiver.received.length = 0;
    receiver.status = 500;
    const { number } = await fileApplication(citizen);
    expect(await deliverDueWebhooks(p.ctx)).toEqual({ delivered: 0, failed: 1 });
    // Not due again until the backoff has passed.
    expect(await deliverDueWebhooks(p.ctx)).toEqual({ delivered: 0, failed: 0 });
    receiver.status = 204;
    p.clock.advance(31_000);
    expect(await deliverDueWebhooks(p.ctx)).toEqual({ delivered: 1, failed: 0 });
    expect(receiver.received).toHaveLength(2);
    // The same delivery id both times: the receiver can drop a repeat.
    expect(receiver.received[0]!.headers['x-satupintu-delivery']).toBe(receiver.received[1]!.headers['x-satupintu-delivery']);
    const log = (await system.get('/api/agency/v1/webhook/deliveries')).json().items.find((d: { payload: { data: { application: { number: string } } } }) => d.payload.data.application?.number === number);
    expect(log).toMatchObject({ status: 'delivered', attempts: 2, lastStatusCode: 204 });
    expect(log.log.map((a: { statusCode: number }) => a.statusCode)).toEqual([500, 204]);
  });

  it('follow every move of the workflow, each once', async () => {
    receiver.received.length = 0;
    const { number } = await fileApplication(citizen);
    await system.post(`/api/agency/v1/applications/${number}/claim`);
    await system.post(`/api/agency/v1/applications/${number}/transitions`, { action: 'advance' });
    await system.post(`/api/agency/v1/applications/${number}/transitions`, { action: 'advance' });
    expect((await upload(system, `/api/agency/v1/applications/${number}/product`, await samplePdf('Akta'), 'akta.pdf')).statusCode).toBe(200);
    const done = await system.post(`/api/agency/v1/applications/${number}/transitions`, { action: 'advance', signer: { name: 'Kepala Dinas', position: 'Kepala Dinas Dukcapil' } });
    expect(done.json().status).toBe('selesai');
    await deliverDueWebhooks(p.ctx);
    await deliverDueWebhooks(p.ctx);
    const mine = receiver.received.map((r) => JSON.parse(r.body)).filter((e) => e.data.application.number === number);
    expect(mine.map((e) => `${e.type}:${e.data.application.status}`)).toEqual([
      'application.submitted:verifikasi_berkas',
      'application.status_changed:proses_instansi',
      'application.status_changed:tanda_tangan',
      'application.status_changed:selesai',
    ]);
  });

  it('a ping checks the endpoint', async () => {
    receiver.received.length = 0;
    expect((await system.post('/api/agency/v1/webhook/ping')).statusCode).toBe(202);
    await deliverDueWebhooks(p.ctx);
    expect(receiver.received.map((r) => r.headers['x-satupintu-event'])).toEqual(['ping']);
  });

  it('stop when the webhook is turned off', async () => {
    await system.request('PUT', '/api/agency/v1/webhook', { url, active: false });
    receiver.received.length = 0;
    await fileApplication(citizen);
    await deliverDueWebhooks(p.ctx);
    expect(receiver.received).toHaveLength(0);
  });
});

describe('the agency API in the OpenAPI document', () => {
  it('documents list, claim, transitions, product and webhook with the bearer scheme', async () => {
    const doc = (await p.anonymous.get('/api/openapi.json')).json();
    for (const path of ['/api/agency/v1/applications', '/api/agency/v1/applications/{number}/claim', '/api/agency/v1/applications/{number}/transitions', '/api/agency/v1/applications/{number}/product', '/api/agency/v1/webhook', '/api/agency/v1/webhook/deliveries']) {
      expect(doc.paths).toHaveProperty([path]);
    }
    expect(doc.paths['/api/agency/v1/applications/{number}/transitions'].post.security).toEqual([{ agencyToken: [] }]);
    expect(doc.paths['/api/agency/v1/webhook'].put.description).toContain('HMAC-SHA256');
  });
});
