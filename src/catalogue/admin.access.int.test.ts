import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type Session, type TestPlatform } from '../../tests/support/app.ts';
import { queryRows } from '../db/client.ts';
import { DEMO_ACCOUNTS } from '../seed/demo.ts';
import * as repo from './repository.ts';
import { standardInputOf } from './standard.ts';

/**
 * Who may change the catalogue: the MPP admin only. Every other role gets 403, nobody signed in
 * gets 401, and a refused write changes nothing. Reads are public.
 */
let platform: TestPlatform;
const sessions = new Map<string, Session>();

beforeAll(async () => {
  platform = await createTestPlatform({ catalogue: true });
  for (const account of DEMO_ACCOUNTS) sessions.set(account.username, await platform.as(account.username));
  sessions.set('citizen', await platform.asCitizen());
  sessions.set('anonymous', platform.anonymous);
});
afterAll(async () => {
  await platform?.close();
});

const bilingual = (id: string, en = id) => ({ id, en });
const hours = { open: '08:00', close: '15:00' };
const WEEK = { 1: hours, 2: hours, 3: hours, 4: hours, 5: { open: '08:00', close: '11:00' }, 6: null, 7: null };

/** One write of each kind; `n` keeps the codes of repeated attempts apart. */
function writes(n: string): { name: string; method: string; url: string; body?: unknown }[] {
  return [
    { name: 'create agency', method: 'POST', url: '/api/catalogue/agencies', body: { code: `dinas-${n}`, shortName: 'Dinas', name: bilingual('Dinas Uji'), kind: 'regency', complaintChannel: bilingual('Meja pengaduan') } },
    { name: 'edit agency', method: 'PATCH', url: '/api/catalogue/agencies/dlh', body: { shortName: `DLH ${n}` } },
    { name: 'edit service', method: 'PATCH', url: '/api/catalogue/services/skck-baru', body: { keywords: ['skck', `kata ${n}`] } },
    { name: 'create document type', method: 'POST', url: '/api/catalogue/document-types', body: { code: `dok-${n}`, name: bilingual('Dokumen uji') } },
    { name: 'create point', method: 'POST', url: '/api/catalogue/points', body: { code: `titik-${n}`, name: bilingual('Titik uji'), kind: 'mpp', address: 'Jl. Uji', weeklyHours: WEEK } },
    { name: 'edit point', method: 'PATCH', url: '/api/catalogue/points/ppp-genteng', body: { address: `Kompleks Pasar Genteng ${n}` } },
    { name: 'create counter', method: 'POST', url: '/api/catalogue/points/ppp-genteng/counters', body: { code: 'Z9', name: bilingual('Loket uji') } },
    { name: 'edit counter', method: 'PATCH', url: '/api/catalogue/points/ppp-genteng/counters/A', body: { name: bilingual(`Loket A ${n}`) } },
    { name: 'enter closure', method: 'PUT', url: '/api/catalogue/closures/2027-06-01', body: { kind: 'special_closure', name: bilingual(`Hari jadi ${n}`) } },
    { name: 'set special day', method: 'PUT', url: '/api/catalogue/points/mpp-banyuwangi/special-days/2027-01-02', body: { closed: true, note: bilingual(`Kerja bakti ${n}`) } },
    { name: 'export csv', method: 'GET', url: '/api/catalogue/export/agencies' },
  ];
}

const auditCount = async () => Number((await queryRows<{ n: number }>(platform.ctx.db, sql`select count(*)::int as n from audit_log where entity_type in ('agency', 'service', 'document_type', 'service_point', 'counter', 'closure', 'special_day')`))[0]!.n);

describe('catalogue writes: role matrix', () => {
  const others = [...DEMO_ACCOUNTS.filter((a) => a.role !== 'mpp_admin').map((a) => a.username), 'citizen'];

  for (const username of others) {
    it(`refuses every write to ${username} (403) and changes nothing`, async () => {
      const before = await auditCount();
      for (const w of writes(username.replace(/\W/g, ''))) {
        const res = await sessions.get(username)!.request(w.method, w.url, w.body);
        expect(res.statusCode, `${username}: ${w.name}`).toBe(403);
      }
      expect(await auditCount()).toBe(before);
    });
  }

  it('asks nobody-signed-in to sign in (401)', async () => {
    for (const w of writes('anon')) {
      const res = await platform.anonymous.request(w.method, w.url, w.body);
      expect(res.statusCode, w.name).toBe(401);
    }
  });

  it('refuses a standard edit and a CSV import to everyone but the admin', async () => {
    const service = (await repo.findServiceByCode(platform.ctx.db, platform.ctx.regencyCode, 'skck-baru'))!;
    const row = (await repo.findStandard(platform.ctx.db, platform.ctx.regencyCode, service.id, 1))!;
    const standard = standardInputOf(row, await repo.listRequirements(platform.ctx.db, platform.ctx.regencyCode, service.id, 1));
    for (const username of [...others, 'anonymous']) {
      const put = await sessions.get(username)!.request('PUT', '/api/catalogue/services/skck-baru/standard', { expectedVersion: 1, changeNote: 'Biaya naik', standard: { ...standard, fee: { ...standard.fee, amount: 1 } } });
      expect(put.statusCode, username).toBe(username === 'anonymous' ? 401 : 403);
      const imp = await sessions.get(username)!.request('POST', '/api/catalogue/import/agencies', 'code\n', { 'content-type': 'text/csv' });
      expect(imp.statusCode, username).toBe(username === 'anonymous' ? 401 : 403);
    }
  });

  it('lets the MPP admin make every write, each audited', async () => {
    const admin = sessions.get('admin')!;
    const before = await auditCount();
    for (const w of writes('adm')) {
      const res = await admin.request(w.method, w.url, w.body);
      expect(res.statusCode, `${w.name}: ${res.body}`).toBeLessThan(300);
    }
    expect(await auditCount()).toBe(before + writes('adm').length - 1); // the export reads
    expect((await platform.anonymous.get('/api/catalogue/services/skck-baru/versions')).json().currentVersion).toBe(1);
  });

  it('keeps reads public for every role', async () => {
    for (const username of [...others, 'anonymous']) {
      const res = await sessions.get(username)!.get('/api/catalogue/services/skck-baru');
      expect(res.statusCode, username).toBe(200);
    }
  });
});
