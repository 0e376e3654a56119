import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../tests/support/app.ts';

/** The public catalogue, read without signing in. Clock: Monday 30 November 2026, 09:00 WIB. */
let platform: TestPlatform;

beforeAll(async () => {
  platform = await createTestPlatform({ catalogue: true });
});
afterAll(async () => {
  await platform?.close();
});

describe('public catalogue reads', () => {
  it('lists the agencies with their services', async () => {
    const res = await platform.anonymous.get('/api/catalogue/agencies');
    expect(res.statusCode).toBe(200);
    const { items } = res.json();
    expect(items.length).toBeGreaterThanOrEqual(24);
    const capil = items.find((a: { code: string }) => a.code === 'dispendukcapil');
    expect(capil).toMatchObject({ shortName: 'Dispendukcapil', kind: 'regency', name: { id: expect.stringContaining('Kependudukan'), en: expect.any(String) } });
    expect(capil.serviceCount).toBeGreaterThan(10);
    expect(res.headers['cache-control']).toContain('public');
  });

  it('shows an agency with its services, fee and time', async () => {
    const res = await platform.anonymous.get('/api/catalogue/agencies/polres');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const skck = body.services.find((s: { code: string }) => s.code === 'skck-baru');
    expect(skck).toMatchObject({ agency: { code: 'polres' }, currentVersion: 1, fee: { id: 'Rp 30.000' } });
    expect(skck.duration.id).toMatch(/hari kerja|jam|menit|hari yang sama/);
  });

  it('answers an unknown code with a bilingual 404 problem', async () => {
    const id = await platform.anonymous.get('/api/catalogue/services/tidak-ada');
    expect(id.statusCode).toBe(404);
    expect(id.headers['content-type']).toContain('application/problem+json');
    expect(id.json().detail).toBe('Layanan "tidak-ada" tidak ditemukan.');
    const en = await platform.anonymous.get('/api/catalogue/services/tidak-ada', { 'accept-language': 'en' });
    expect(en.json().detail).toBe('Service "tidak-ada" does not exist.');
  });

  it('browses services by agency, by life event and by point', async () => {
    const byAgency = (await platform.anonymous.get('/api/catalogue/services?agency=imigrasi')).json();
    expect(byAgency.items.length).toBeGreaterThan(2);
    expect(byAgency.items.every((s: { agency: { code: string } }) => s.agency.code === 'imigrasi')).toBe(true);

    const births = (await platform.anonymous.get('/api/catalogue/services?lifeEvent=kelahiran')).json();
    expect(births.items.map((s: { code: string }) => s.code)).toContain('akta-kelahiran');
    expect(births.items.every((s: { lifeEvents: string[] }) => s.lifeEvents.includes('kelahiran'))).toBe(true);

    const market = (await platform.anonymous.get('/api/catalogue/services?point=ppp-genteng')).json();
    const mpp = (await platform.anonymous.get('/api/catalogue/services?point=mpp-banyuwangi')).json();
    expect(market.total).toBeGreaterThan(10);
    expect(market.total).toBeLessThan(mpp.total);
    expect(market.items.map((s: { code: string }) => s.code)).toContain('ktp-el-hilang');
  });

  it('lists life events with their service counts', async () => {
    const { items } = (await platform.anonymous.get('/api/catalogue/life-events')).json();
    const codes = items.map((e: { code: string }) => e.code);
    for (const code of ['kelahiran', 'kematian', 'pernikahan', 'pindah', 'usaha', 'kendaraan', 'kesehatan', 'pendidikan']) expect(codes).toContain(code);
    expect(items.every((e: { serviceCount: number }) => e.serviceCount > 0)).toBe(true);
  });

  it('shows a service page: the full standard, where it is offered, today’s hours and open now', async () => {
    const res = await platform.anonymous.get('/api/catalogue/services/ktp-el-hilang');
    expect(res.statusCode).toBe(200);
    const s = res.json();
    expect(s).toMatchObject({ code: 'ktp-el-hilang', agency: { code: 'dispendukcapil' }, currentVersion: 1, actions: { takeTicket: true, bookSlot: true } });
    const st = s.standard;
    expect(st.requirements.map((r: { documentCode: string }) => r.documentCode)).toContain('kk');
    expect(st.requirements.find((r: { documentCode: string }) => r.documentCode === 'surat-kehilangan-polisi')).toMatchObject({ optional: true });
    expect(st.procedure.length).toBeGreaterThan(2);
    expect(st.fee).toMatchObject({ amount: 0, free: true, text: { id: 'Gratis', en: 'Free' } });
    for (const key of ['product', 'complaintHandling', 'facilities', 'staffCompetence', 'internalSupervision', 'serviceGuarantee', 'securityGuarantee', 'performanceEvaluation']) {
      expect(st[key].id.length, key).toBeGreaterThan(5);
      expect(st[key].en.length, key).toBeGreaterThan(5);
    }
    expect(st.legalBasis.length).toBeGreaterThan(2);
    expect(st.staffCount).toBeGreaterThan(0);

    const mpp = s.offeredAt.find((o: { point: { code: string } }) => o.point.code === 'mpp-banyuwangi');
    expect(mpp).toMatchObject({ openNow: true, today: { date: '2026-11-30', hours: [{ open: '08:00', close: '15:00' }] } });
    expect(mpp.counters).toEqual([expect.objectContaining({ code: 'A' })]);
    expect(s.offeredAt.map((o: { point: { code: string } }) => o.point.code)).toEqual(expect.arrayContaining(['ppp-rogojampi', 'ppp-genteng']));
    // Village offices file it on residents' behalf; all 217 are open on a Monday morning.
    expect(s.smartKampung).toEqual({ points: 217, openNow: 217 });
    expect(s.links).toMatchObject({ page: '/layanan/ktp-el-hilang', pdf: '/api/catalogue/services/ktp-el-hilang/standard.pdf' });
  });

  it('lists the document types requirements refer to', async () => {
    const { items } = (await platform.anonymous.get('/api/catalogue/document-types')).json();
    expect(items.find((d: { code: string }) => d.code === 'kk')).toMatchObject({ name: { id: 'Kartu Keluarga (KK)' } });
  });

  it('documents the public reads in OpenAPI', async () => {
    const doc = (await platform.anonymous.get('/api/openapi.json')).json();
    for (const path of [
      '/api/catalogue/agencies',
      '/api/catalogue/agencies/{code}',
      '/api/catalogue/services',
      '/api/catalogue/services/{code}',
      '/api/catalogue/services/{code}/versions',
      '/api/catalogue/services/{code}/versions/{version}',
      '/api/catalogue/services/{code}/standard.pdf',
      '/api/catalogue/life-events',
      '/api/catalogue/points',
      '/api/catalogue/points/{code}',
      '/api/catalogue/calendar',
    ]) {
      expect(doc.paths[path]?.get, path).toBeDefined();
      expect(doc.paths[path].get.tags).toContain('catalogue');
    }
    expect(doc.paths['/api/catalogue/services/{code}/standard'].put.tags).toContain('catalogue admin');
  });
});
