import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type Session, type TestPlatform } from '../../tests/support/app.ts';
import { queryRows } from '../db/client.ts';
import * as repo from './repository.ts';
import { findServiceStandard, promisedDate } from './service.ts';

/** Standards are versioned: editing publishes a new version, old versions stay readable and unchanged. */
let platform: TestPlatform;
let admin: Session;

beforeAll(async () => {
  platform = await createTestPlatform({ catalogue: true });
  admin = await platform.as('admin');
});
afterAll(async () => {
  await platform?.close();
});

async function currentStandardInput(code: string) {
  const service = (await repo.findServiceByCode(platform.ctx.db, platform.ctx.regencyCode, code))!;
  const { standardInputOf } = await import('./standard.ts');
  const row = (await repo.findStandard(platform.ctx.db, platform.ctx.regencyCode, service.id, service.currentVersion))!;
  return { service, input: standardInputOf(row, await repo.listRequirements(platform.ctx.db, platform.ctx.regencyCode, service.id, service.currentVersion)) };
}

describe('versioned standards', () => {
  it('publishes a new version, keeps the old one readable and unchanged, and a reference filed under it stays on it', async () => {
    const { service, input } = await currentStandardInput('akta-kematian');
    const before = (await platform.anonymous.get('/api/catalogue/services/akta-kematian/versions/1')).json();
    // An application filed now refers to (service, version 1).
    const filed = { serviceId: service.id, version: service.currentVersion };

    const edited = { ...input, duration: { value: input.duration.value + 2, unit: 'working_days' as const }, procedure: [...input.procedure, { id: 'Langkah baru', en: 'New step' }] };
    const res = await admin.request('PUT', '/api/catalogue/services/akta-kematian/standard', { expectedVersion: 1, changeNote: 'Tambah langkah verifikasi', standard: edited });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ version: 2, published: true, changed: ['procedure', 'duration'] });

    const page = (await platform.anonymous.get('/api/catalogue/services/akta-kematian')).json();
    expect(page.currentVersion).toBe(2);
    expect(page.standard.duration.value).toBe(input.duration.value + 2);

    const v1 = await platform.anonymous.get('/api/catalogue/services/akta-kematian/versions/1');
    expect(v1.statusCode).toBe(200);
    expect(v1.json()).toEqual({ ...before, current: false, currentVersion: 2 });
    expect(v1.headers['cache-control']).toContain('immutable');

    const history = (await platform.anonymous.get('/api/catalogue/services/akta-kematian/versions')).json();
    expect(history.items.map((v: { version: number; current: boolean }) => [v.version, v.current])).toEqual([[2, true], [1, false]]);
    expect(history.items[0].changeNote).toBe('Tambah langkah verifikasi');

    // The filed reference still reads version 1, and its promised date counts version 1's days.
    const kept = await findServiceStandard(platform.ctx, filed.serviceId, filed.version);
    expect(kept.version).toBe(1);
    expect(kept.duration.value).toBe(input.duration.value);
    const from = new Date('2026-12-01T03:00:00Z'); // Tuesday 10:00 WIB
    const onV1 = await promisedDate(platform.ctx, filed.serviceId, from, { version: 1 });
    const onV2 = await promisedDate(platform.ctx, filed.serviceId, from);
    expect(onV1 < onV2).toBe(true);
  });

  it('refuses an edit made on a version that is no longer current (409), saving nothing', async () => {
    const { input } = await currentStandardInput('kia');
    const first = await admin.request('PUT', '/api/catalogue/services/kia/standard', { expectedVersion: 1, changeNote: 'Editor A', standard: { ...input, staffCount: input.staffCount + 1 } });
    expect(first.statusCode).toBe(201);
    const stale = await admin.request('PUT', '/api/catalogue/services/kia/standard', { expectedVersion: 1, changeNote: 'Editor B', standard: { ...input, staffCount: input.staffCount + 5 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'conflict', currentVersion: 2 });
    expect(stale.json().detail).toContain('versi 1');
    const history = (await platform.anonymous.get('/api/catalogue/services/kia/versions')).json();
    expect(history.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
  });

  it('lets only one of two simultaneous edits of the same version win', async () => {
    const { input } = await currentStandardInput('kk-baru');
    const results = await Promise.all(
      [1, 2].map((n) => admin.request('PUT', '/api/catalogue/services/kk-baru/standard', { expectedVersion: 1, changeNote: `Editor ${n}`, standard: { ...input, staffCount: input.staffCount + n } })),
    );
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    const history = (await platform.anonymous.get('/api/catalogue/services/kk-baru/versions')).json();
    expect(history.currentVersion).toBe(2);
  });

  it('publishes nothing when the standard is unchanged', async () => {
    const { input } = await currentStandardInput('surat-pindah');
    const res = await admin.request('PUT', '/api/catalogue/services/surat-pindah/standard', { expectedVersion: 1, changeNote: 'Tanpa perubahan', standard: input });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ version: 1, published: false, changed: [] });
  });

  it('keeps published versions immutable in the database itself', async () => {
    const { service } = await currentStandardInput('akta-kematian');
    await expect(platform.ctx.db.execute(sql`update service_standards set staff_count = 99 where service_id = ${service.id} and version = 1`)).rejects.toThrow();
    await expect(platform.ctx.db.execute(sql`delete from service_requirements where service_id = ${service.id} and version = 1`)).rejects.toThrow();
    await expect(platform.ctx.db.execute(sql`update services set current_version = 1 where id = ${service.id}`)).rejects.toThrow();
    const [row] = await queryRows<{ staff_count: number }>(platform.ctx.db, sql`select staff_count from service_standards where service_id = ${service.id} and version = 1`);
    expect(row!.staff_count).not.toBe(99);
  });

  it('audits each publication with what changed', async () => {
    const rows = await queryRows<{ action: string; entity_id: string; details: { version: number; changed: string[] } }>(
      platform.ctx.db,
      sql`select action, entity_id, details from audit_log where entity_type = 'service_standard' order by seq`,
    );
    expect(rows.map((r) => [r.entity_id, r.details.version])).toEqual(expect.arrayContaining([['akta-kematian', 2], ['kia', 2], ['kk-baru', 2]]));
    expect(rows.find((r) => r.entity_id === 'akta-kematian')!.details.changed).toEqual(['procedure', 'duration']);
  });

  it('answers 404 for a version that does not exist', async () => {
    const res = await platform.anonymous.get('/api/catalogue/services/akta-kematian/versions/9');
    expect(res.statusCode).toBe(404);
    expect(res.json().detail).toContain('versi standar 9');
  });
});
