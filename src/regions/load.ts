import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../db/client.ts';
import { regions } from './schema.ts';

type RegionRow = typeof regions.$inferInsert;

const dataDir = path.join(path.dirname(createRequire(import.meta.url).resolve('idn-area-data/package.json')), 'data');

function readCsv(file: string): Record<string, string>[] {
  return parse(fs.readFileSync(path.join(dataDir, file)), { columns: true, skip_empty_lines: true });
}

/** Every province, regency, district and village of Indonesia, as the idn-area-data package ships them. */
export function officialRegions(): RegionRow[] {
  return [
    ...readCsv('provinces.csv').map((r) => ({ code: r.code!, level: 'province', parentCode: null, name: r.name! })),
    ...readCsv('regencies.csv').map((r) => ({ code: r.code!, level: 'regency', parentCode: r.province_code!, name: r.name! })),
    ...readCsv('districts.csv').map((r) => ({ code: r.code!, level: 'district', parentCode: r.regency_code!, name: r.name! })),
    ...readCsv('villages.csv').map((r) => ({ code: r.code!, level: 'village', parentCode: r.district_code!, name: r.name! })),
  ];
}

/** Loads the region list once; later starts find it present and skip. Returns rows inserted. */
export async function ensureRegions(db: Db): Promise<number> {
  const [existing] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from regions`);
  if (Number(existing?.n) > 0) return 0;
  const rows = officialRegions();
  await db.transaction(async (tx) => {
    for (let i = 0; i < rows.length; i += 4000) {
      await tx.insert(regions).values(rows.slice(i, i + 4000)).onConflictDoNothing();
    }
  });
  return rows.length;
}
