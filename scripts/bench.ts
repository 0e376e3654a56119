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

console.log('\ncase                      baseline                          per op      ratio');
for (const r of rows) {
  console.log(`${r.case.padEnd(26)}${r.baseline.padEnd(34)}${(r.perOp * 1000).toFixed(1).padStart(8)} µs  ${(r.perOp / r.basePerOp).toFixed(2).padStart(6)}×`);
}
