import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type Session, type TestPlatform } from '../../tests/support/app.ts';
import { wibInstant } from '../catalogue/calendar/local-date.ts';
import { queryRows } from '../db/client.ts';
import { channelAdapters } from '../notifications/adapters/index.ts';
import { deliverDueMessages } from '../notifications/service.ts';
import { samplePdf, SAMPLE_JPEG } from '../storage/fixtures.ts';
import { escalateLateApplications } from './jobs.ts';
import { agencySystem, fileApplication, outboxOf, upload } from './testing.ts';

/** A WhatsApp Cloud API stand-in: answers 503 to the first `failFirst` requests, then 200. */
const whatsapp = { received: [] as { auth: string; body: { to: string; text: { body: string } } }[], failFirst: 1, calls: 0 };
const server = http.createServer((req, res) => {
  let data = '';
  req.on('data', (c) => (data += c));
  req.on('end', () => {
    whatsapp.calls++;
    if (whatsapp.calls <= whatsapp.failFirst) {
      res.writeHead(503).end('{"error":"try later"}');
      return;
    }
    whatsapp.received.push({ auth: String(req.headers.authorization), body: JSON.parse(data) });
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"messages":[{"id":"wamid.x"}]}');
  });
});

let p: TestPlatform;
let citizen: Session;
let capil: Session;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  p = await createTestPlatform({
    catalogue: true,
    config: { UPLOAD_DIR: `/tmp/satupintu-wf-${process.pid}`, WHATSAPP_API_URL: `http://127.0.0.1:${port}/v21.0`, WHATSAPP_PHONE_NUMBER_ID: '1055', WHATSAPP_TOKEN: 'wa-test-token' },
  });
  citizen = await p.asCitizen();
  capil = await p.as('capil');
});
afterAll(async () => {
  await p?.close();
  server.close();
});

const act = (s: Session, number: string, body: Record<string, unknown>) => s.post(`/api/applications/${number}/actions`, body);
const timelineOf = async (number: string) => (await (await p.as('capil')).get(`/api/applications/${number}`)).json().timeline as { action: string; from: string; to: string; note: string | null }[];

describe('illegal transitions are refused, and change nothing', () => {
  it('from a draft, from a final status, out of turn, without a note', async () => {
    const draft = await fileApplication(citizen, 'akta-kelahiran', { submit: false });
    const onDraft = await act(citizen, draft.number, { action: 'advance' });
    expect(onDraft.statusCode).toBe(409);
    expect(onDraft.json()).toMatchObject({ reason: 'illegal_transition', applicationStatus: 'draft' });
    // The agency does not even see a draft.
    expect((await act(capil, draft.number, { action: 'advance' })).statusCode).toBe(404);

    const { number } = await fileApplication(citizen);
    const before = await timelineOf(number);
    const attempts: [Session, Record<string, unknown>, number, string?][] = [
      [citizen, { action: 'advance' }, 403, 'not_your_step'],
      [citizen, { action: 'reject', note: 'saya ingin menolak sendiri' }, 403, 'not_your_step'],
      [capil, { action: 'submit' }, 409, 'illegal_transition'],
      [capil, { action: 'resubmit' }, 409, 'illegal_transition'],
      [capil, { action: 'deliver', via: 'diambil' }, 409, 'illegal_transition'],
      [capil, { action: 'return' }, 400],
      [capil, { action: 'return', note: 'x' }, 400],
      [capil, { action: 'reject', note: '   ' }, 400],
      [capil, { action: 'withdraw' }, 403, 'not_your_step'],
      [capil, { action: 'deliver' }, 400],
      [capil, { action: 'fly' }, 400],
    ];
    for (const [session, body, status, reason] of attempts) {
      const res = await act(session, number, body);
      expect(res.statusCode, `${JSON.stringify(body)} → ${res.body}`).toBe(status);
      if (reason) expect(res.json().reason).toBe(reason);
    }
    expect(await timelineOf(number)).toEqual(before);
    expect((await capil.get(`/api/applications/${number}`)).json().status).toBe('verifikasi_berkas');
  });

  it('nothing moves a rejected application', async () => {
    const { number } = await fileApplication(citizen);
    const rejected = await act(capil, number, { action: 'reject', note: 'Pemohon bukan orang tua anak yang bersangkutan' });
    expect(rejected.statusCode).toBe(200);
    expect(rejected.json()).toMatchObject({ status: 'ditolak', availableActions: [], sla: { state: 'stopped' } });
    for (const body of [{ action: 'advance' }, { action: 'return', note: 'coba lagi ya' }, { action: 'reject', note: 'dua kali ditolak' }, { action: 'deliver', via: 'diambil' }]) {
      expect((await act(capil, number, body)).statusCode).toBe(409);
    }
    expect((await citizen.post(`/api/applications/${number}/submit`)).statusCode).toBe(409);
    expect((await act(citizen, number, { action: 'withdraw' })).statusCode).toBe(409);
    const [message] = (await outboxOf(p, 'application.rejected')).filter((x) => x.params.number === number);
    expect(message!.body).toContain('Pemohon bukan orang tua anak yang bersangkutan');
  });

  it('two officers acting on the version they saw: one wins, the other is told to reload', async () => {
    const { number, view } = await fileApplication(citizen);
    const loket = await p.as('loket');
    const [a, b] = await Promise.all([
      act(capil, number, { action: 'advance', expectedVersion: view.version }),
      act(loket, number, { action: 'return', note: 'KK tidak terbaca', expectedVersion: view.version }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect([a, b].find((r) => r.statusCode === 409)!.json().reason).toBe('version_mismatch');
    expect((await timelineOf(number)).filter((e) => e.action !== 'create')).toHaveLength(2);
  });

  it('a claimed file is acted on only by whoever claimed it', async () => {
    const { number } = await fileApplication(citizen);
    const system = await agencySystem(p);
    expect((await capil.post(`/api/applications/${number}/claim`)).json().claimedBy).toMatchObject({ mine: true });
    const blocked = await system.session.post(`/api/agency/v1/applications/${number}/transitions`, { action: 'advance' });
    expect(blocked.statusCode).toBe(409);
    expect(blocked.json().reason).toBe('claimed');
    expect((await system.session.post(`/api/agency/v1/applications/${number}/claim`)).statusCode).toBe(409);
    expect((await capil.delete(`/api/applications/${number}/claim`)).json().claimedBy).toBeNull();
    expect((await system.session.post(`/api/agency/v1/applications/${number}/transitions`, { action: 'advance' })).json().status).toBe('proses_instansi');
  });
});

describe('sent back for correction and resubmitted', () => {
  it('pauses the clock, lets the citizen fix documents, and returns to the step that asked', async () => {
    const { number } = await fileApplication(citizen);
    await act(capil, number, { action: 'advance' });
    const back = await act(capil, number, { action: 'return', note: 'Foto KK buram, mohon unggah ulang yang jelas' });
    expect(back.statusCode).toBe(200);
    expect(back.json()).toMatchObject({ status: 'perlu_perbaikan', returnedFrom: 'proses_instansi', sla: { state: 'paused' }, waitingFor: ['applicant'] });
    const mine = (await citizen.get(`/api/applications/${number}`)).json();
    expect(mine).toMatchObject({ canEdit: true, availableActions: expect.arrayContaining(['resubmit', 'withdraw']) });
    expect(mine.timeline.at(-1)).toMatchObject({ action: 'return', note: 'Foto KK buram, mohon unggah ulang yang jelas', actor: { name: null, place: expect.stringMatching(/^Dinas Kependudukan dan Pencatatan Sipil/) } });

    const [message] = (await outboxOf(p, 'application.returned')).filter((x) => x.params.number === number);
    expect(message).toMatchObject({ channel: 'whatsapp', recipient: '+6281234567890', locale: 'id' });
    expect(message!.body).toContain('Foto KK buram');

    expect((await upload(citizen, `/api/applications/${number}/documents/kk`, SAMPLE_JPEG, 'kk-baru.jpg')).statusCode).toBe(200);
    const again = await citizen.post(`/api/applications/${number}/submit`);
    expect(again.json()).toMatchObject({ status: 'proses_instansi', returnedFrom: null, sla: { state: 'running' } });
    expect((await timelineOf(number)).map((e) => e.action)).toEqual(['create', 'submit', 'advance', 'return', 'resubmit']);
  });
});

describe('notifications', () => {
  it('are queued once per event and recipient, in the applicant’s language, and delivered through the WhatsApp adapter with retries', async () => {
    const loket = await p.as('loket');
    const { number } = await fileApplication(loket, 'akta-kelahiran', { applicant: { nik: '3510204107850002', name: 'Mary Tan', phone: '0813 3000 4000', email: 'mary@example.org', locale: 'en' } });
    const submitted = (await outboxOf(p, 'application.submitted')).filter((m) => m.params.number === number);
    expect(submitted.map((m) => m.channel).sort()).toEqual(['email', 'whatsapp']);
    for (const m of submitted) {
      expect(m.locale).toBe('en');
      expect(m.body).toMatch(/^Your application for Birth certificate was received as SP-/);
    }

    const adapters = channelAdapters(p.ctx.config, p.ctx.log);
    whatsapp.calls = 0;
    whatsapp.received.length = 0;
    await deliverDueMessages(p.ctx.db, adapters, () => p.clock.now);
    const failed = await queryRows<{ status: string; attempts: number; last_error: string | null }>(p.ctx.db, sql`select status, attempts, last_error from outbox where channel = 'whatsapp' and attempts > 0 and status = 'pending'`);
    expect(failed.length).toBe(1);
    expect(failed[0]!.last_error).toMatch(/WhatsApp 503/);
    // After the backoff the failed one goes out; nothing is sent twice.
    p.clock.advance(10 * 60_000);
    await deliverDueMessages(p.ctx.db, adapters, () => p.clock.now);
    const pending = await queryRows<{ n: number }>(p.ctx.db, sql`select count(*)::int as n from outbox where channel = 'whatsapp' and status <> 'sent'`);
    expect(pending[0]!.n).toBe(0);
    const bodies = whatsapp.received.map((r) => r.body.text.body);
    expect(new Set(bodies).size).toBe(bodies.length);
    expect(whatsapp.received.every((r) => r.auth === 'Bearer wa-test-token')).toBe(true);
    expect(whatsapp.received.some((r) => r.body.to === '6281330004000' && r.body.text.body.includes(number))).toBe(true);
  });
});

describe('to the end', () => {
  it('signs only with a product, creates the check link at the signature, and records the download', async () => {
    const { number } = await fileApplication(citizen);
    await act(capil, number, { action: 'advance' });
    const atSign = (await act(capil, number, { action: 'advance' })).json();
    expect(atSign).toMatchObject({ status: 'tanda_tangan', product: { uploaded: false, verificationUrl: null } });
    const noProduct = await act(capil, number, { action: 'advance' });
    expect(noProduct.statusCode).toBe(409);
    expect(noProduct.json().reason).toBe('product_missing');
    const withProduct = (await upload(capil, `/api/applications/${number}/product`, await samplePdf('Kutipan Akta Kelahiran'), 'akta.pdf')).json();
    expect(withProduct.product).toMatchObject({ uploaded: true, signed: false, verificationUrl: null });
    const halfDelegation = await act(capil, number, { action: 'advance', signer: { name: 'Ir. Budi', position: 'Sekretaris Dinas', delegation: 'an' } });
    expect(halfDelegation.statusCode).toBe(400);
    const signed = (await act(capil, number, { action: 'advance', signer: { name: 'Ir. Budi Santoso', position: 'Sekretaris Dinas', delegation: 'an', principal: 'Kepala Dinas Kependudukan dan Pencatatan Sipil' } })).json();
    expect(signed).toMatchObject({ status: 'selesai', product: { signed: true, signer: { delegation: 'an' }, verificationUrl: expect.stringMatching(/\/cek\/[A-Za-z0-9_-]{32}$/) }, sla: { state: 'stopped' } });
    const [ready] = (await outboxOf(p, 'application.ready')).filter((m) => m.params.number === number);
    expect(ready!.body).toContain('Unduh');
    // The product cannot be replaced after the signature.
    expect((await upload(capil, `/api/applications/${number}/product`, await samplePdf('palsu'), 'x.pdf')).statusCode).toBe(409);
    // Staff downloading does not mark it downloaded; the citizen's first download does.
    expect((await capil.get(`/api/applications/${number}/product`)).statusCode).toBe(200);
    expect((await citizen.get(`/api/applications/${number}`)).json().status).toBe('selesai');
    const dl = await citizen.get(`/api/applications/${number}/product`);
    expect(dl.headers['content-disposition']).toMatch(/attachment; filename="akta-kelahiran-SP-/);
    expect((await citizen.get(`/api/applications/${number}`)).json()).toMatchObject({ status: 'diunduh', delivery: 'diunduh' });
  });
});

describe('the SLA clock in working days', () => {
  it('counts over Christmas, cuti bersama and the weekend, pauses while fixing, and escalates once when late', async () => {
    const admin = await p.as('admin');
    const sup = await admin.request('PUT', '/api/admin/agencies/dispendukcapil/supervisor', { phone: '0812 0000 1111', email: 'kabid.capil@banyuwangikab.example' });
    expect(sup.statusCode, sup.body).toBe(200);

    // Wednesday 23 Dec 2026, 10:00 WIB. One working day: 24 Dec cuti bersama, 25 Christmas, 26–27 weekend → Monday 28 Dec.
    p.clock.set(wibInstant('2026-12-23', '10:00'));
    citizen = await p.asCitizen();
    capil = await p.as('capil');
    const { number, view } = await fileApplication(citizen);
    expect(view.sla).toMatchObject({ state: 'running', workingDays: 1, dueDate: '2026-12-28' });

    // Sent back on Monday 28 Dec, fixed on Wednesday 30 Dec: Tuesday and Wednesday stood still.
    p.clock.set(wibInstant('2026-12-28', '10:00'));
    capil = await p.as('capil');
    await act(capil, number, { action: 'return', note: 'Surat keterangan lahir belum dicap' });
    p.clock.set(wibInstant('2026-12-30', '08:30'));
    citizen = await p.asCitizen();
    const resubmitted = (await citizen.post(`/api/applications/${number}/submit`)).json();
    expect(resubmitted.sla).toMatchObject({ state: 'running', pausedWorkingDays: 2, dueDate: '2026-12-30', late: false });

    // Not late on the due day itself (older files of this test run are, and are escalated now).
    p.clock.set(wibInstant('2026-12-30', '23:00'));
    await escalateLateApplications(p.ctx);
    expect((await timelineOf(number)).some((e) => e.action === 'escalate')).toBe(false);

    // Thursday 31 Dec: late. The supervisor hears once, however often the job runs.
    p.clock.set(wibInstant('2026-12-31', '00:15'));
    expect(await escalateLateApplications(p.ctx)).toBe(1);
    expect(await escalateLateApplications(p.ctx)).toBe(0);
    const alerts = (await outboxOf(p, 'application.late')).filter((m) => m.params.number === number);
    expect(alerts.map((m) => `${m.channel}:${m.recipient}`).sort()).toEqual(['email:kabid.capil@banyuwangikab.example', 'whatsapp:+6281200001111']);
    expect(alerts[0]!.body).not.toContain('Siti');
    expect(alerts[0]!.body).not.toContain('3510205203940001');

    capil = await p.as('capil');
    const late = (await capil.get(`/api/applications/${number}`)).json();
    expect(late.sla).toMatchObject({ late: true, workingDaysLate: 1 });
    expect(late.timeline.at(-1)).toMatchObject({ action: 'escalate', actor: { kind: 'system' } });
    const inbox = (await capil.get('/api/applications?late=true')).json();
    expect(inbox.items.map((i: { number: string }) => i.number)).toContain(number);
    expect((await capil.get('/api/applications?late=false')).json().items.map((i: { number: string }) => i.number)).not.toContain(number);
  });
});
