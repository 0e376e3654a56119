import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type Session, type TestPlatform } from '../../tests/support/app.ts';
import { queryRows } from '../db/client.ts';
import * as repo from './repository.ts';
import { standardInputOf } from './standard.ts';
import type { StandardInput } from './model.ts';

/** The MPP admin's edits: validation names the field in both languages; good edits show up at once. */
let platform: TestPlatform;
let admin: Session;
let standard: StandardInput;

beforeAll(async () => {
  platform = await createTestPlatform({ catalogue: true });
  admin = await platform.as('admin');
  const service = (await repo.findServiceByCode(platform.ctx.db, platform.ctx.regencyCode, 'skck-baru'))!;
  const row = (await repo.findStandard(platform.ctx.db, platform.ctx.regencyCode, service.id, 1))!;
  standard = standardInputOf(row, await repo.listRequirements(platform.ctx.db, platform.ctx.regencyCode, service.id, 1));
});
afterAll(async () => {
  await platform?.close();
});

const bilingual = (id: string, en = id) => ({ id, en });
const hours = { open: '08:00', close: '15:00' };
const WEEK = { 1: hours, 2: hours, 3: hours, 4: hours, 5: hours, 6: null, 7: null };

function newService(overrides: Record<string, unknown> = {}) {
  return {
    code: 'izin-lomba-perahu',
    agencyCode: 'diskan',
    name: bilingual('Izin Lomba Perahu Tradisional', 'Permit for a traditional boat race'),
    summary: bilingual('Izin penyelenggaraan lomba perahu nelayan di pantai dan muara.', 'Permit to hold a fishing-boat race on the beach or estuary.'),
    level: 'regency',
    channels: ['mpp'],
    lifeEvents: ['usaha'],
    keywords: ['lomba perahu', 'izin lomba perahu', 'festival perahu'],
    standard,
    ...overrides,
  };
}

describe('validation problems name the field', () => {
  it('reports each bad field of a new service, in Indonesian and in English', async () => {
    const bad = newService({
      code: 'Izin Keramaian!',
      channels: [],
      standard: { ...standard, fee: { ...standard.fee, amount: -5 }, procedure: [], staffCount: 0 },
    });
    const id = await admin.post('/api/catalogue/services', bad);
    expect(id.statusCode).toBe(400);
    const fields = Object.fromEntries(id.json().errors.map((e: { field: string; message: string }) => [e.field, e.message]));
    expect(fields).toMatchObject({
      code: expect.stringContaining('huruf kecil'),
      channels: 'Paling sedikit satu kanal',
      'standard.fee.amount': 'Biaya tidak boleh negatif',
      'standard.procedure': 'Paling sedikit satu langkah prosedur',
      'standard.staffCount': 'Paling sedikit satu pelaksana',
    });
    const en = await admin.post('/api/catalogue/services?lang=en', bad);
    const enFields = Object.fromEntries(en.json().errors.map((e: { field: string; message: string }) => [e.field, e.message]));
    expect(enFields['standard.fee.amount']).toBe('The fee must not be negative');
  });

  it('names an unknown agency, life event or document type', async () => {
    const agency = await admin.post('/api/catalogue/services', newService({ agencyCode: 'tidak-ada' }));
    expect(agency.statusCode).toBe(400);
    expect(agency.json().errors).toEqual([{ field: 'agencyCode', message: 'Instansi "tidak-ada" tidak dikenal.' }]);
    const event = await admin.post('/api/catalogue/services', newService({ lifeEvents: ['liburan'] }));
    expect(event.json().errors).toEqual([{ field: 'lifeEvents', message: 'Peristiwa kehidupan tidak dikenal: liburan.' }]);
    const doc = await admin.post('/api/catalogue/services', newService({ standard: { ...standard, requirements: [...standard.requirements, { documentCode: 'kartu-sakti', optional: false, note: null }] } }));
    expect(doc.json().errors).toEqual([{ field: `standard.requirements.${standard.requirements.length}.documentCode`, message: 'Jenis dokumen "kartu-sakti" tidak dikenal.' }]);
  });

  it('checks opening hours: closing after opening, HH:MM times', async () => {
    const res = await admin.post('/api/catalogue/points', {
      code: 'gerai-baru',
      name: bilingual('Gerai baru'),
      kind: 'mpp',
      address: 'Jl. Uji',
      weeklyHours: { ...WEEK, 2: { open: '15:00', close: '08:00' }, 3: { open: '8 pagi', close: '15:00' } },
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['weeklyHours.2.close', 'weeklyHours.3.open']));
  });

  it('refuses a counter that handles a service its point does not offer', async () => {
    const res = await admin.post('/api/catalogue/points/ppp-genteng/counters', { code: 'F', name: bilingual('Loket paspor'), serviceCodes: ['paspor-baru'] });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0]).toMatchObject({ field: 'serviceCodes', message: expect.stringContaining('paspor-baru') });
  });

  it('refuses a duplicate code with 409', async () => {
    const res = await admin.post('/api/catalogue/agencies', { code: 'polres', shortName: 'Polres', name: bilingual('Polres lagi'), kind: 'vertical', complaintChannel: bilingual('x') });
    expect(res.statusCode).toBe(409);
    expect(res.json().detail).toBe('Instansi dengan kode "polres" sudah ada.');
  });
});

describe('admin edits', () => {
  it('creates a service with version 1, searchable and browsable at once', async () => {
    const res = await admin.post('/api/catalogue/services', newService());
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ code: 'izin-lomba-perahu', version: 1 });
    const found = (await platform.anonymous.get('/api/catalogue/services?q=lomba%20perahu')).json();
    expect(found.items[0].code).toBe('izin-lomba-perahu');
    const page = (await platform.anonymous.get('/api/catalogue/services/izin-lomba-perahu')).json();
    expect(page.standard.version).toBe(1);
    expect(page.offeredAt).toEqual([]); // offered nowhere until a point lists it
  });

  it('offers a service at a point and on a counter, and renames it', async () => {
    const mpp = (await platform.anonymous.get('/api/catalogue/points/mpp-banyuwangi')).json();
    const codes = mpp.services.map((s: { code: string }) => s.code);
    expect((await admin.patch('/api/catalogue/points/mpp-banyuwangi', { serviceCodes: [...codes, 'izin-lomba-perahu'] })).statusCode).toBe(204);
    const counterF = mpp.counters.find((c: { code: string }) => c.code === 'F');
    const patched = await admin.patch('/api/catalogue/points/mpp-banyuwangi/counters/F', { serviceCodes: [...counterF.services.map((s: { code: string }) => s.code), 'izin-lomba-perahu'] });
    expect(patched.statusCode).toBe(204);
    expect((await admin.patch('/api/catalogue/services/izin-lomba-perahu', { name: bilingual('Izin Lomba Perahu Layar', 'Sailing boat race permit') })).statusCode).toBe(204);

    const page = (await platform.anonymous.get('/api/catalogue/services/izin-lomba-perahu')).json();
    expect(page.name.id).toBe('Izin Lomba Perahu Layar');
    expect(page.offeredAt).toEqual([expect.objectContaining({ point: expect.objectContaining({ code: 'mpp-banyuwangi' }), counters: [{ code: 'F', name: expect.any(Object) }] })]);
    // Renaming reindexes the search.
    expect((await platform.anonymous.get('/api/catalogue/services?q=perahu%20layar')).json().items[0].code).toBe('izin-lomba-perahu');
  });

  it('takes a service off a point, and so off its counters', async () => {
    const mpp = (await platform.anonymous.get('/api/catalogue/points/mpp-banyuwangi')).json();
    const codes = mpp.services.map((s: { code: string }) => s.code).filter((c: string) => c !== 'izin-lomba-perahu');
    expect((await admin.patch('/api/catalogue/points/mpp-banyuwangi', { serviceCodes: codes })).statusCode).toBe(204);
    const after = (await platform.anonymous.get('/api/catalogue/points/mpp-banyuwangi')).json();
    expect(after.counters.find((c: { code: string }) => c.code === 'F').services.map((s: { code: string }) => s.code)).not.toContain('izin-lomba-perahu');
  });

  it('creates an agency with its place, so staff can be bound to it', async () => {
    const res = await admin.post('/api/catalogue/agencies', { code: 'bpom', shortName: 'Loka POM', name: bilingual('Loka Pengawas Obat dan Makanan Banyuwangi', 'Banyuwangi Food and Drug Control Office'), kind: 'vertical', complaintChannel: bilingual('HaloBPOM 1500533') });
    expect(res.statusCode).toBe(201);
    const places = (await admin.get('/api/places?kind=agency')).json().items;
    expect(places.map((p: { code: string }) => p.code)).toContain('bpom');
  });

  it('deactivates a service: gone from lists and search, its page still readable', async () => {
    expect((await admin.patch('/api/catalogue/services/izin-lomba-perahu', { active: false })).statusCode).toBe(204);
    expect((await platform.anonymous.get('/api/catalogue/services?q=lomba%20perahu')).json().items.map((s: { code: string }) => s.code)).not.toContain('izin-lomba-perahu');
    expect((await platform.anonymous.get('/api/catalogue/services/izin-lomba-perahu')).json().active).toBe(false);
  });

  it('records who changed what in the audit trail', async () => {
    const rows = await queryRows<{ action: string; entity_type: string; entity_id: string; actor_role: string }>(
      platform.ctx.db,
      sql`select action, entity_type, entity_id, actor_role from audit_log where entity_type in ('service', 'service_point', 'counter', 'agency') order by seq`,
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { action: 'create', entity_type: 'service', entity_id: 'izin-lomba-perahu', actor_role: 'mpp_admin' },
        { action: 'update', entity_type: 'service_point', entity_id: 'mpp-banyuwangi', actor_role: 'mpp_admin' },
        { action: 'update', entity_type: 'counter', entity_id: 'mpp-banyuwangi/F', actor_role: 'mpp_admin' },
        { action: 'create', entity_type: 'agency', entity_id: 'bpom', actor_role: 'mpp_admin' },
      ]),
    );
  });
});
