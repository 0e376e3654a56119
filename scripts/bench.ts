/**
 * `npm run bench`: speed figures as ratios against a baseline measured in the same run on the same
 * machine, so they mean the same on a laptop and on CI. Nothing here asserts; it reports.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { recordAudit } from '../src/audit/service.ts';
import { parseNik } from '../src/identity/nik.ts';
import { isKecamatanNikPrefix } from '../src/regions/district-codes.ts';
import { loadConfig } from '../src/config.ts';
import { regions } from '../src/regions/schema.ts';
import { users } from '../src/identity/schema.ts';
import { buildNik } from '../src/identity/nik.ts';
import { seedFoundation } from '../src/seed/demo.ts';
import { seedCatalogue } from '../src/catalogue/seeder.ts';
import { seedQueueDemo } from '../src/queue/seeder.ts';
import { bookSlot } from '../src/queue/booking-service.ts';
import { putServiceSettings } from '../src/queue/settings-service.ts';
import type { AppContext } from '../src/shared/context.ts';
import type { Actor } from '../src/shared/actor.ts';

type Row = { case: string; baseline: string; perOp: number; basePerOp: number };
const rows: Row[] = [];

async function time(n: number, fn: (i: number) => unknown): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < n; i++) await fn(i);
  return (performance.now() - start) / n;
}

// 1. NIK validation vs a bare 16-digit regex test.
const niks = Array.from({ length: 2000 }, (_, i) => `351020${String(1 + (i % 28)).padStart(2, '0')}0394${String(1 + i).padStart(4, '0')}`);
isKecamatanNikPrefix('351020');
const base1 = await time(200_000, (i) => /^\d{16}$/.test(niks[i % niks.length]!));
const nik1 = await time(200_000, (i) => parseNik(niks[i % niks.length], { isKecamatan: isKecamatanNikPrefix }));
rows.push({ case: 'parseNik', baseline: 'regex /^\\d{16}$/', perOp: nik1, basePerOp: base1 });

// 2. Appending to the hash-chained audit log vs a plain insert of the same row size, on PGlite.
const database = await openDatabase({ kind: 'pglite', dataDir: null });
await migrate(database);
await queryRows(database.db, sql`create table bench_plain (id serial primary key, payload jsonb)`);
const plain = await time(500, (i) => database.db.transaction((tx) => queryRows(tx, sql`insert into bench_plain (payload) values (${JSON.stringify({ i, action: 'read' })}::jsonb)`)));
const audited = await time(500, (i) =>
  database.db.transaction((tx) => recordAudit(tx, '35.10', { kind: 'anonymous' }, { ip: '127.0.0.1' }, { action: 'read', entityType: 'bench', entityId: String(i) })),
);
rows.push({ case: 'recordAudit (PGlite)', baseline: 'plain insert in a transaction', perOp: audited, basePerOp: plain });
await database.close();

// 3. Booking a slot (the whole use case: checks, capacity taken in the transaction, audit, outbox) vs
// the same plain insert; and a refused booking once the slot is full. The demo catalogue on PGlite,
// with only the region rows it needs (the full official list would take the bench's whole minute).
{
  const queueDb = await openDatabase({ kind: 'pglite', dataDir: null });
  await migrate(queueDb);
  await queueDb.db.insert(regions).values([
    { code: '35', level: 'province', parentCode: null, name: 'JAWA TIMUR' },
    { code: '35.10', level: 'regency', parentCode: '35', name: 'KABUPATEN BANYUWANGI' },
    ...['09', '13', '16', '20'].map((d) => ({ code: `35.10.${d}`, level: 'district', parentCode: '35.10', name: `KECAMATAN ${d}` })),
  ]);
  await seedFoundation(queueDb.db, '35.10', false);
  const at = new Date('2026-11-30T01:00:00Z'); // Monday 08:00 WIB
  await seedCatalogue(queueDb.db, '35.10', at);
  await seedQueueDemo(queueDb.db, '35.10');
  await queryRows(queueDb.db, sql`create table bench_plain (id serial primary key, payload jsonb)`);
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', JOBS: 'false' });
  const silent = { info() {}, warn() {}, error() {}, debug() {}, trace() {}, fatal() {}, child() { return silent; }, level: 'silent' } as unknown as AppContext['log'];
  const ctx: AppContext = { config, database: queueDb, db: queueDb.db, regencyCode: '35.10', log: silent, now: () => at, wake: () => undefined };
  const people = await queueDb.db
    .insert(users)
    .values(Array.from({ length: 600 }, (_, i) => ({ regencyCode: '35.10', role: 'citizen' as const, nik: buildNik({ kecamatanCode6: '351020', birthDate: `19${60 + (i % 40)}-01-${String(1 + (i % 28)).padStart(2, '0')}`, sex: 'F', serial: String(1 + i) }), phone: `+62813${String(20_000_000 + i).slice(-8)}`, displayName: `Warga ${i}` })))
    .returning({ id: users.id, nik: users.nik });
  const actorOf = (i: number): Actor => ({ kind: 'user', userId: people[i]!.id, role: 'citizen', displayName: 'Warga', nik: people[i]!.nik, locale: 'id', places: [], sessionTokenHash: 'bench' });
  const admin: Actor = { kind: 'user', userId: '00000000-0000-4000-8000-000000000000', role: 'mpp_admin', displayName: 'Admin', nik: null, locale: 'id', places: [{ id: (await queryRows<{ place_id: string }>(queueDb.db, sql`select place_id from service_points where code = 'mpp-banyuwangi'`))[0]!.place_id, kind: 'service_point', code: 'mpp-banyuwangi', name: 'MPP', regionCode: null }], sessionTokenHash: 'bench' };
  const meta = { ip: '127.0.0.1', requestId: null, lang: 'id' as const };
  const settings = { bookingEnabled: true, slotMinutes: 30, slotCapacity: 1000, onlineDailyQuota: null, walkInDailyQuota: null, opening: { daysBefore: 7, at: '07:00' }, closingMarginMinutes: 30 };
  await putServiceSettings(ctx, admin, 'mpp-banyuwangi', 'ktp-el-baru', settings, meta);
  await putServiceSettings(ctx, admin, 'mpp-banyuwangi', 'kia', { ...settings, slotCapacity: 1 }, meta);
  const plainQ = await time(300, (i) => queueDb.db.transaction((tx) => queryRows(tx, sql`insert into bench_plain (payload) values (${JSON.stringify({ i, action: 'book' })}::jsonb)`)));
  const booked = await time(300, (i) => bookSlot(ctx, actorOf(i), { point: 'mpp-banyuwangi', service: 'ktp-el-baru', date: '2026-11-30', time: '10:00' }, meta, 'http://bench'));
  await bookSlot(ctx, actorOf(300), { point: 'mpp-banyuwangi', service: 'kia', date: '2026-11-30', time: '10:00' }, meta, 'http://bench');
  const refused = await time(299, (i) => bookSlot(ctx, actorOf(301 + i), { point: 'mpp-banyuwangi', service: 'kia', date: '2026-11-30', time: '10:00' }, meta, 'http://bench').then(() => { throw new Error('overbooked'); }, (e: { code?: string }) => { if (e.code !== 'conflict') throw e; }));
  rows.push({ case: 'bookSlot (PGlite)', baseline: 'plain insert in a transaction', perOp: booked, basePerOp: plainQ });
  rows.push({ case: 'bookSlot refused: full', baseline: 'plain insert in a transaction', perOp: refused, basePerOp: plainQ });
  await queueDb.close();
}

console.log('\ncase                      baseline                          per op      ratio');
for (const r of rows) {
  console.log(`${r.case.padEnd(26)}${r.baseline.padEnd(34)}${(r.perOp * 1000).toFixed(1).padStart(8)} µs  ${(r.perOp / r.basePerOp).toFixed(2).padStart(6)}×`);
}
