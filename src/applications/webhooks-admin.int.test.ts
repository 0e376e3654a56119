/**
 * The MPP admin's side of agency integrations: the webhook of each agency (secret shown once,
 * rotation, on/off), its delivery log with redelivery, and the SLA supervisor who hears about late
 * applications. Also: the application timeline is append-only in the database.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type Session, type TestPlatform } from '../../tests/support/app.ts';
import { queryRows } from '../db/client.ts';
import { escalateLateApplications } from './jobs.ts';
import { agencySystem, fileApplication, outboxOf } from './testing.ts';
import { verifyWebhook } from './webhook-signature.ts';
import { deliverDueWebhooks } from './webhooks.ts';

type Received = { headers: http.IncomingHttpHeaders; body: string };
const receiver = { received: [] as Received[], status: 200 };
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    receiver.received.push({ headers: req.headers, body });
    res.writeHead(receiver.status).end(receiver.status >= 300 ? 'sedang pemeliharaan' : '');
  });
});

let p: TestPlatform;
let admin: Session;
let citizen: Session;
let url: string;

const base = '/api/admin/agencies/dispendukcapil';
type Delivery = { id: string; type: string; status: string; attempts: number; nextAttemptAt: string | null; lastStatusCode: number | null; lastError: string | null; payload: { data: { application?: { number: string } } }; log: { statusCode: number | null }[] };
const deliveries = async (): Promise<Delivery[]> => (await admin.get(`${base}/webhook/deliveries`)).json().items;
const deliveryOf = async (number: string) => (await deliveries()).find((d) => d.payload.data.application?.number === number)!;
const auditRows = (entityType: string) =>
  queryRows<{ action: string; entity_id: string; details: Record<string, unknown> }>(p.ctx.db, sql`select action, entity_id, details from audit_log where entity_type = ${entityType} order by seq`);

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/capil`;
  p = await createTestPlatform({ catalogue: true, config: { UPLOAD_DIR: `/tmp/satupintu-hooks-admin-${process.pid}` } });
  admin = await p.as('admin');
  citizen = await p.asCitizen();
});
afterAll(async () => {
  await p?.close();
  server.close();
});

describe('the admin sets an agency’s webhook', () => {
  it('shows the secret once when made, keeps it on later edits, shows a new one once on rotation — audited', async () => {
    const before = (await admin.get(`${base}/integration`)).json();
    expect(before.webhook).toMatchObject({ url: null, active: false, secretHint: null });
    expect(before.webhook.events).toContain('application.late');

    const made = await admin.request('PUT', `${base}/webhook`, { url, active: true });
    expect(made.statusCode, made.body).toBe(200);
    const first = made.json().secret as string;
    expect(first).toMatch(/^whsec_/);
    expect(made.headers['cache-control']).toContain('no-store');

    // Reading it back gives the hint only, never the secret.
    const read = await admin.get(`${base}/integration`);
    expect(read.json().webhook).toMatchObject({ url, active: true, secretHint: `${first.slice(0, 10)}…` });
    expect(read.body).not.toContain(first);

    const edited = (await admin.request('PUT', `${base}/webhook`, { url, active: true })).json();
    expect(edited.secret).toBeNull();

    const rotated = (await admin.request('PUT', `${base}/webhook`, { url, active: true, rotateSecret: true })).json();
    expect(rotated.secret).toMatch(/^whsec_/);
    expect(rotated.secret).not.toBe(first);

    // Events are signed with the new secret: the old one no longer verifies.
    receiver.received.length = 0;
    expect((await admin.post(`${base}/webhook/ping`)).statusCode).toBe(202);
    await deliverDueWebhooks(p.ctx);
    const [ping] = receiver.received;
    const check = (secret: string) => verifyWebhook({ secret, body: ping!.body, timestamp: ping!.headers['x-satupintu-timestamp'] as string, signature: ping!.headers['x-satupintu-signature'] as string, now: new Date() });
    expect(check(rotated.secret)).toEqual({ ok: true });
    expect(check(first).ok).toBe(false);

    const audit = await auditRows('agency_webhook');
    expect(audit.map((a) => [a.action, a.entity_id, a.details.secretRotated])).toEqual([
      ['update', 'dispendukcapil', true],
      ['update', 'dispendukcapil', false],
      ['update', 'dispendukcapil', true],
    ]);
    // The audit trail never holds the secret.
    expect(JSON.stringify(audit)).not.toContain('whsec_');
  });

  it('sends only the events the agency chose; a ping goes whatever it chose', async () => {
    const chosen = await admin.request('PUT', `${base}/webhook`, { url, active: true, events: ['application.late', 'application.status_changed'] });
    expect(chosen.statusCode, chosen.body).toBe(200);
    expect(chosen.json().webhook).toMatchObject({ events: ['application.status_changed', 'application.late'], available: ['application.submitted', 'application.resubmitted', 'application.status_changed', 'application.late'] });
    // Left out of a later save, the choice stays.
    expect((await admin.request('PUT', `${base}/webhook`, { url, active: true })).json().webhook.events).toEqual(['application.status_changed', 'application.late']);

    receiver.received.length = 0;
    const { number } = await fileApplication(citizen);
    expect((await admin.post(`${base}/webhook/ping`)).statusCode).toBe(202);
    await deliverDueWebhooks(p.ctx);
    expect(receiver.received.map((r) => r.headers['x-satupintu-event'])).toEqual(['ping']);
    expect((await deliveries()).some((d) => d.payload.data.application?.number === number)).toBe(false);

    expect((await admin.request('PUT', `${base}/webhook`, { url, active: true, events: [] })).statusCode).toBe(400);
    const unknown = await admin.request('PUT', `${base}/webhook`, { url, active: true, events: ['application.deleted'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toMatch(/^events/);
    // All of them again: stored as "all", so kinds added later reach the agency too.
    const all = await admin.request('PUT', `${base}/webhook`, { url, active: true, events: ['application.submitted', 'application.resubmitted', 'application.status_changed', 'application.late'] });
    expect(all.json().webhook.events).toHaveLength(4);
    const [row] = await queryRows<{ webhook_events: string[] | null }>(p.ctx.db, sql`select webhook_events from agency_integrations`);
    expect(row!.webhook_events).toBeNull();
    expect((await auditRows('agency_webhook')).at(-1)!.details.events).toBe('all');
  });

  it('refuses a bad address, and turning it on without one', async () => {
    const bad = await admin.request('PUT', `${base}/webhook`, { url: 'ftp://files.example/x', active: true });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('url');
    expect((await admin.request('PUT', `${base}/webhook`, { url: null, active: true })).statusCode).toBe(400);
    expect((await admin.get(`${base}/integration`)).json().webhook).toMatchObject({ url, active: true });
  });

  it('is the MPP admin’s alone: agency staff, other staff and agency systems are refused', async () => {
    const { session: system } = await agencySystem(p);
    for (const who of [await p.as('capil'), await p.as('loket'), citizen, system]) {
      expect((await who.get(`${base}/integration`)).statusCode).toBe(403);
      expect((await who.request('PUT', `${base}/webhook`, { url, active: false })).statusCode).toBe(403);
      expect((await who.get(`${base}/webhook/deliveries`)).statusCode).toBe(403);
      expect((await who.request('PUT', `${base}/supervisor`, { name: 'X', phone: '081200001111', email: null, locale: 'id' })).statusCode).toBe(403);
    }
    expect((await p.anonymous.get(`${base}/integration`)).statusCode).toBe(401);
    expect((await admin.get('/api/admin/agencies/tidak-ada/integration')).statusCode).toBe(404);
  });
});

describe('the delivery log and redelivery', () => {
  it('shows a failing delivery with its attempts, last error and next retry; redelivery sends it now', async () => {
    receiver.status = 503;
    const { number } = await fileApplication(citizen);
    expect(await deliverDueWebhooks(p.ctx)).toEqual({ delivered: 0, failed: 1 });
    const failing = await deliveryOf(number);
    expect(failing).toMatchObject({ type: 'application.submitted', status: 'pending', attempts: 1, lastStatusCode: 503 });
    expect(failing.lastError).toContain('HTTP 503');
    expect(new Date(failing.nextAttemptAt!).getTime()).toBeGreaterThan(p.clock.now.getTime());

    // The agency is back; the admin does not wait for the backoff.
    receiver.status = 200;
    expect(await deliverDueWebhooks(p.ctx)).toEqual({ delivered: 0, failed: 0 });
    const again = await admin.post(`${base}/webhook/deliveries/${failing.id}/redeliver`);
    expect(again.statusCode, again.body).toBe(202);
    expect(again.json()).toMatchObject({ id: failing.id, status: 'pending', nextAttemptAt: p.clock.now.toISOString() });
    expect(await deliverDueWebhooks(p.ctx)).toEqual({ delivered: 1, failed: 0 });
    const done = await deliveryOf(number);
    expect(done).toMatchObject({ status: 'delivered', attempts: 2, lastStatusCode: 200, nextAttemptAt: null });
    expect(done.log.map((a) => a.statusCode)).toEqual([503, 200]);

    // Delivered once is enough.
    const twice = await admin.post(`${base}/webhook/deliveries/${failing.id}/redeliver`);
    expect(twice.statusCode).toBe(409);
    const audit = await auditRows('agency_webhook');
    expect(audit.filter((a) => a.action === 'webhook.redeliver').map((a) => a.details)).toEqual([{ deliveryId: failing.id, eventType: 'application.submitted', previousStatus: 'pending', attempts: 1 }]);
  });

  it('a delivery given up while the webhook was off is sent again once it is back on', async () => {
    receiver.received.length = 0;
    const { number } = await fileApplication(citizen);
    await admin.request('PUT', `${base}/webhook`, { url, active: false });
    await deliverDueWebhooks(p.ctx);
    const given = await deliveryOf(number);
    expect(given).toMatchObject({ status: 'failed', lastError: 'webhook disabled' });
    expect(receiver.received).toHaveLength(0);

    const whileOff = await admin.post(`${base}/webhook/deliveries/${given.id}/redeliver`);
    expect(whileOff.statusCode).toBe(409);
    expect(whileOff.json().detail).toContain('Aktifkan webhook');

    await admin.request('PUT', `${base}/webhook`, { url, active: true });
    expect((await admin.post(`${base}/webhook/deliveries/${given.id}/redeliver`)).statusCode).toBe(202);
    await deliverDueWebhooks(p.ctx);
    expect(await deliveryOf(number)).toMatchObject({ status: 'delivered', attempts: 2 });
    expect(receiver.received.map((r) => r.headers['x-satupintu-delivery'])).toEqual([given.id]);
  });

  it('answers 404 for a delivery that is not the agency’s, and refuses others', async () => {
    const [one] = await deliveries();
    expect((await admin.post(`/api/admin/agencies/dpmptsp/webhook/deliveries/${one!.id}/redeliver`)).statusCode).toBe(404);
    expect((await admin.post(`${base}/webhook/deliveries/00000000-0000-4000-8000-000000000000/redeliver`)).statusCode).toBe(404);
    expect((await (await p.as('capil')).post(`${base}/webhook/deliveries/${one!.id}/redeliver`)).statusCode).toBe(403);
  });
});

describe('the agency’s SLA supervisor', () => {
  it('is validated: an Indonesian mobile number, an e-mail address, a way to reach a named person', async () => {
    const badPhone = await admin.request('PUT', `${base}/supervisor`, { name: 'Kabid', phone: '12345', email: null, locale: 'id' });
    expect(badPhone.statusCode).toBe(400);
    expect(badPhone.json().errors).toEqual([expect.objectContaining({ field: 'phone' })]);
    const foreign = await admin.request('PUT', `${base}/supervisor`, { name: 'Kabid', phone: '+1 415 555 2671', email: null, locale: 'id' });
    expect(foreign.statusCode).toBe(400);
    const badMail = await admin.request('PUT', `${base}/supervisor`, { name: 'Kabid', phone: null, email: 'bukan-email', locale: 'id' });
    expect(badMail.statusCode).toBe(400);
    expect(badMail.json().errors[0].field).toBe('email');
    const unreachable = await admin.request('PUT', `${base}/supervisor`, { name: 'Kabid', phone: null, email: null, locale: 'id' });
    expect(unreachable.statusCode).toBe(400);
    const badLocale = await admin.request('PUT', `${base}/supervisor`, { name: 'Kabid', phone: '081200001111', email: null, locale: 'jv' });
    expect(badLocale.statusCode).toBe(400);
    expect((await admin.get(`${base}/integration`)).json().supervisor).toEqual({ name: null, phone: null, email: null, locale: 'id' });
  });

  it('is stored normalised (+62…) and audited, and the late job alerts that person in their language', async () => {
    const saved = await admin.request('PUT', `${base}/supervisor`, { name: 'Ir. Bambang Sutrisno (Kabid Capil)', phone: '0813-3456-7890', email: 'Bambang.S@banyuwangikab.example', locale: 'en' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().supervisor).toEqual({ name: 'Ir. Bambang Sutrisno (Kabid Capil)', phone: '+6281334567890', email: 'bambang.s@banyuwangikab.example', locale: 'en' });
    const audit = await auditRows('agency_supervisor');
    expect(audit.at(-1)).toMatchObject({ action: 'update', entity_id: 'dispendukcapil', details: { name: 'Ir. Bambang Sutrisno (Kabid Capil)', phone: true, email: true, locale: 'en' } });

    const { number, view } = await fileApplication(citizen);
    expect(view.sla.dueDate).toBeTruthy();
    // Weeks later, nobody has touched it.
    p.clock.advance(30 * 24 * 3600_000);
    expect(await escalateLateApplications(p.ctx)).toBeGreaterThanOrEqual(1);
    const alerts = (await outboxOf(p, 'application.late')).filter((m) => m.params.number === number);
    expect(alerts.map((m) => `${m.channel}:${m.recipient}`).sort()).toEqual(['email:bambang.s@banyuwangikab.example', 'sms:+6281334567890']);
    expect(alerts.every((m) => m.locale === 'en')).toBe(true);
    expect(alerts[0]!.params.subject).toBe(`Late: application ${number}`);
    // The capil processors are not alerted while a supervisor is set.
    const capilPhones = (await queryRows<{ phone: string | null }>(p.ctx.db, sql`select phone from users where username = 'capil'`)).map((u) => u.phone).filter(Boolean);
    for (const phone of capilPhones) expect(alerts.map((m) => m.recipient)).not.toContain(phone);
    // The event reached the agency's system too.
    await deliverDueWebhooks(p.ctx);
    expect(receiver.received.map((r) => JSON.parse(r.body)).some((e) => e.type === 'application.late' && e.data.application.number === number)).toBe(true);
  });

  it('cleared, the agency’s staff are alerted instead', async () => {
    admin = await p.as('admin');
    citizen = await p.asCitizen();
    await p.ctx.db.execute(sql`update users set phone = '+6281299998888' where username = 'capil'`);
    const cleared = await admin.request('PUT', `${base}/supervisor`, { name: null, phone: null, email: '', locale: 'id' });
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json().supervisor).toEqual({ name: null, phone: null, email: null, locale: 'id' });
    const { number } = await fileApplication(citizen);
    p.clock.advance(30 * 24 * 3600_000);
    await escalateLateApplications(p.ctx);
    const alerts = (await outboxOf(p, 'application.late')).filter((m) => m.params.number === number);
    expect(alerts.map((m) => m.recipient)).toEqual(['+6281299998888']);
  });
});

describe('the application timeline is append-only', () => {
  it.each([
    ['UPDATE', sql`update application_events set note = 'tidak pernah terjadi', actor_name = 'seseorang'`],
    ['DELETE', sql`delete from application_events`],
    ['TRUNCATE', sql`truncate application_events`],
  ])('the database refuses %s, even from the owner', async (_op, statement) => {
    const snapshot = sql`select count(*)::int as n, string_agg(application_id::text || ':' || seq || ':' || action || ':' || coalesce(note, ''), ',' order by application_id, seq) as rows from application_events`;
    const before = await queryRows<{ n: number; rows: string }>(p.ctx.db, snapshot);
    expect(before[0]!.n).toBeGreaterThan(5);
    const refused = await p.ctx.db.execute(statement).then(
      () => 'accepted',
      (e: Error & { cause?: Error }) => String(e.cause?.message ?? e.message),
    );
    expect(refused).toMatch(/application_events is append-only \((UPDATE|DELETE|TRUNCATE) refused\)/);
    expect(await queryRows(p.ctx.db, snapshot)).toEqual(before);
  });

  it('still takes new events: the workflow goes on', async () => {
    citizen = await p.asCitizen();
    const { number } = await fileApplication(citizen);
    const capil = await p.as('capil');
    const moved = await capil.post(`/api/applications/${number}/actions`, { action: 'advance' });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().timeline.map((e: { action: string }) => e.action)).toEqual(['create', 'submit', 'advance']);
  });
});
