import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type Session, type TestPlatform } from '../../tests/support/app.ts';
import { wibInstant } from '../catalogue/calendar/local-date.ts';
import { samplePdf } from '../storage/fixtures.ts';
import { fileApplication, upload } from './testing.ts';

/**
 * The leader's SLA figures over HTTP: applications of Dispendukcapil (akta kelahiran, promised in
 * one working day) filed in October 2026, finished on time, finished late, sent back, rejected, and
 * left open past the promise — counted in the right month, with the right working days.
 */
let p: TestPlatform;
let citizen: Session;
let capil: Session;

const act = (number: string, body: Record<string, unknown>) => capil.post(`/api/applications/${number}/actions`, body);
const at = async (date: string, time = '09:00') => {
  p.clock.set(wibInstant(date, time));
  citizen = await p.asCitizen();
  capil = await p.as('capil');
};
async function finish(number: string) {
  for (let i = 0; i < 5; i++) {
    const view = (await capil.get(`/api/applications/${number}`)).json();
    if (view.status === 'selesai') return;
    if (view.status === 'tanda_tangan') {
      await upload(capil, `/api/applications/${number}/product`, await samplePdf('Kutipan Akta Kelahiran'), 'akta.pdf');
      const signed = await act(number, { action: 'advance', signer: { name: 'Ir. Budi Santoso', position: 'Kepala Dinas' } });
      expect(signed.statusCode, signed.body).toBe(200);
    } else {
      const moved = await act(number, { action: 'advance' });
      expect(moved.statusCode, moved.body).toBe(200);
    }
  }
  expect((await capil.get(`/api/applications/${number}`)).json().status).toBe('selesai');
}

beforeAll(async () => {
  p = await createTestPlatform({ catalogue: true, start: wibInstant('2026-10-05', '09:00'), config: { UPLOAD_DIR: `/tmp/satupintu-figures-${process.pid}` } });
  // Monday 5 October: one finished the same day (0 working days), one left waiting.
  await at('2026-10-05');
  const onTime = await fileApplication(citizen);
  await finish(onTime.number);
  const waiting = await fileApplication(citizen);
  // Tuesday 6 October: one sent back to the citizen (its clock pauses), one rejected.
  await at('2026-10-06');
  const returned = await fileApplication(citizen);
  expect((await act(returned.number, { action: 'return', note: 'Surat keterangan lahir belum dicap' })).statusCode).toBe(200);
  const rejected = await fileApplication(citizen);
  expect((await act(rejected.number, { action: 'reject', note: 'Bukan wilayah Kabupaten Banyuwangi' })).statusCode).toBe(200);
  // Tuesday 3 November: the waiting one finally finished, 21 working days after filing (2026 has no
  // holiday between; 5 Oct → 3 Nov is 21 working days), 20 days late.
  await at('2026-11-03');
  await finish(waiting.number);
  await at('2026-11-30');
});
afterAll(() => p?.close());

describe('GET /api/applications/figures/sla', () => {
  it('counts each application in its month, and a late one as late', async () => {
    const leader = await p.as('pimpinan');
    const res = await leader.get('/api/applications/figures/sla?from=2026-10&to=2026-11');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ from: '2026-10', to: '2026-11', months: ['2026-10', '2026-11'], scope: 'regency' });
    const [oct, nov] = body.total.months;
    expect(oct).toMatchObject({ filed: 4, finished: 1, finishedOnTime: 1, finishedLate: 0, rejected: 1, sentBack: 1, openLate: 1, openWithinSla: 1, onTimePercent: 100, medianWorkingDays: 0 });
    expect(nov).toMatchObject({ filed: 0, finished: 1, finishedOnTime: 0, finishedLate: 1, rejected: 0, sentBack: 0, openLate: 0, openWithinSla: 1, onTimePercent: 0, medianWorkingDays: 21 });
    expect(body.total.all).toMatchObject({ filed: 4, finished: 2, finishedOnTime: 1, finishedLate: 1, onTimePercent: 50, medianWorkingDays: 10.5, averageWorkingDays: 10.5, openWithinSla: 1, openLate: 0 });
    expect(body.agencies.map((a: { code: string }) => a.code)).toEqual(['dispendukcapil']);
    const capilFigures = body.agencies[0];
    expect(capilFigures.all).toEqual(body.total.all);
    expect(capilFigures.services).toHaveLength(1);
    expect(capilFigures.services[0]).toMatchObject({ code: 'akta-kelahiran', all: { filed: 4, finishedLate: 1 } });
    // Figures only: nothing personal.
    expect(res.body).not.toContain('Siti');
    expect(res.body).not.toContain('3510205203940001');
    expect(res.body).not.toMatch(/SP-\d{6}-/);
  });

  it('defaults to the six months up to this one', async () => {
    const body = (await (await p.as('admin')).get('/api/applications/figures/sla')).json();
    expect(body.months).toEqual(['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    expect(body.total.all.filed).toBe(4);
  });

  it('is the leader’s, the MPP admin’s and an agency’s own staff’s, nobody else’s', async () => {
    const url = '/api/applications/figures/sla?from=2026-10&to=2026-11';
    expect((await (await p.as('pimpinan')).get(url)).statusCode).toBe(200);
    expect((await (await p.as('admin')).get(url)).statusCode).toBe(200);
    const own = await (await p.as('capil')).get(url);
    expect(own.statusCode).toBe(200);
    expect(own.json()).toMatchObject({ scope: 'agencies', total: { all: { filed: 4 } } });
    for (const username of ['loket', 'desa.sempu', 'bidan.sempu', 'kader.sempu', 'polisi.sempu']) expect((await (await p.as(username)).get(url)).statusCode, username).toBe(403);
    expect((await (await p.asCitizen()).get(url)).statusCode).toBe(403);
    expect((await p.anonymous.get(url)).statusCode).toBe(401);
    expect((await p.anonymous.get('/api/applications/figures/sla.csv')).statusCode).toBe(401);
  });

  it('refuses a reversed or too long range', async () => {
    const leader = await p.as('pimpinan');
    expect((await leader.get('/api/applications/figures/sla?from=2026-11&to=2026-10')).statusCode).toBe(400);
    expect((await leader.get('/api/applications/figures/sla?from=2024-01&to=2026-11')).statusCode).toBe(400);
    expect((await leader.get('/api/applications/figures/sla?from=2026-13')).statusCode).toBe(400);
  });

  it('downloads as CSV, in the reader’s language', async () => {
    const leader = await p.as('pimpinan');
    const res = await leader.get('/api/applications/figures/sla.csv?from=2026-10&to=2026-11');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="kepatuhan-sla-2026-10-2026-11.csv"');
    const lines = res.body.replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines[0]).toMatch(/^tingkat,kode_instansi,instansi,kode_layanan,layanan,bulan,diajukan,selesai,selesai_tepat_waktu,selesai_terlambat,persen_tepat_waktu/);
    // Regency, agency and service, each with two months and the whole range.
    expect(lines).toHaveLength(1 + 3 * 3);
    expect(lines[3]).toBe('kabupaten,,,,,2026-10..2026-11,4,2,1,1,50,10.5,10.5,0,1,1,1');
    expect(res.body).not.toContain('Siti');
    const en = await leader.get('/api/applications/figures/sla.csv?from=2026-10&to=2026-11&lang=en');
    expect(en.body.replace(/^\uFEFF/, '').split('\n')[1]).toMatch(/^regency,/);
  });
});
