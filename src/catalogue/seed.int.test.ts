import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../tests/support/app.ts';
import { queryRows } from '../db/client.ts';
import { seedCatalogue } from './seeder.ts';

/** What the first start loads, and that a second start loads nothing. */
let platform: TestPlatform;
let seedMs: number;

beforeAll(async () => {
  platform = await createTestPlatform();
  const result = await seedCatalogue(platform.ctx.db, platform.ctx.regencyCode, platform.clock.now);
  seedMs = result.ms;
  console.info(`catalogue seed: ${result.ms} ms`, result.counts);
});
afterAll(async () => {
  await platform?.close();
});

const count = async (query: ReturnType<typeof sql>) => Number((await queryRows<{ n: number }>(platform.ctx.db, query))[0]!.n);

describe('catalogue seed', () => {
  it('holds at least 24 agencies and 230 services, each agency with its place for staff accounts', async () => {
    expect(await count(sql`select count(*)::int as n from agencies`)).toBeGreaterThanOrEqual(24);
    expect(await count(sql`select count(*)::int as n from services where active`)).toBeGreaterThanOrEqual(230);
    expect(await count(sql`select count(*)::int as n from agencies a left join places p on p.regency_code = a.regency_code and p.id = a.place_id where p.kind <> 'agency' or p.code <> a.code`)).toBe(0);
  });

  it('publishes version 1 of every standard with all fourteen components', async () => {
    const rows = await queryRows<{ code: string; version: number; steps: number; requirements: number }>(
      platform.ctx.db,
      sql`select s.code, st.version, jsonb_array_length(st.procedure) as steps,
                 (select count(*)::int from service_requirements r where r.service_id = s.id and r.version = st.version) as requirements
          from services s join service_standards st on st.regency_code = s.regency_code and st.service_id = s.id and st.version = s.current_version`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(230);
    expect(rows.every((r) => r.version === 1 && r.steps >= 1)).toBe(true);
    expect(rows.filter((r) => r.requirements > 0).length).toBeGreaterThan(200);
    const incomplete = await count(sql`select count(*)::int as n from service_standards where
      product->>'id' = '' or complaint_handling->>'en' = '' or facilities->>'id' = '' or staff_competence->>'id' = '' or internal_supervision->>'id' = ''
      or service_guarantee->>'id' = '' or security_guarantee->>'id' = '' or performance_evaluation->>'id' = '' or jsonb_array_length(legal_basis) = 0 or staff_count < 1`);
    expect(incomplete).toBe(0);
  });

  it('has the MPP with a gerai per agency, the two market units, the online channel and a Smart Kampung point in each of the 217 villages', async () => {
    const kinds = await queryRows<{ kind: string; n: number }>(platform.ctx.db, sql`select kind, count(*)::int as n from service_points group by kind order by kind`);
    expect(Object.fromEntries(kinds.map((k) => [k.kind, k.n]))).toEqual({ market: 2, mpp: 1, online: 1, village: 217 });
    const mppCounters = await count(sql`select count(distinct c.agency_id)::int as n from counters c join service_points p on p.id = c.point_id where p.code = 'mpp-banyuwangi'`);
    expect(mppCounters).toBe(await count(sql`select count(*)::int as n from agencies where code <> 'pemdes'`));
    // Every Smart Kampung point is bound to its village's place and has one desk for everything it offers.
    const villages = await queryRows<{ code: string; address: string; place_code: string; desks: number; services: number }>(
      platform.ctx.db,
      sql`select p.code, p.address, pl.code as place_code,
                 (select count(*)::int from counters c where c.point_id = p.id and c.all_services) as desks,
                 (select count(*)::int from point_services ps where ps.point_id = p.id) as services
          from service_points p join places pl on pl.regency_code = p.regency_code and pl.id = p.place_id where p.kind = 'village'`,
    );
    expect(villages.every((v) => v.code === `smart-kampung-${v.place_code}` && v.desks === 1 && v.services >= 10)).toBe(true);
    expect(villages.find((v) => v.place_code === '35.10.20.2001')?.address).toBe('Kantor Desa Sempu, Kecamatan Sempu, Kabupaten Banyuwangi, Jawa Timur');
  });

  it('lets every MPP counter handle only services the MPP offers, and every MPP service have a counter', async () => {
    const orphans = await count(sql`select count(*)::int as n from point_services ps join service_points p on p.id = ps.point_id
      where p.kind in ('mpp', 'market') and not exists (select 1 from counter_services cs where cs.point_id = ps.point_id and cs.service_id = ps.service_id)`);
    expect(orphans).toBe(0);
  });

  it('enters the cuti bersama of the current year (the next is still empty in the seed)', async () => {
    const rows = await queryRows<{ date: string; kind: string }>(platform.ctx.db, sql`select date::text as date, kind from closures order by date`);
    expect(rows.length).toBeGreaterThanOrEqual(8);
    expect(rows).toContainEqual({ date: '2026-12-24', kind: 'cuti_bersama' });
  });

  it('indexes every service for search', async () => {
    expect(await count(sql`select count(*)::int as n from services s where not exists (select 1 from search_terms t where t.service_id = s.id and t.kind = 'name')`)).toBe(0);
  });

  it('loads nothing the second time', async () => {
    const again = await seedCatalogue(platform.ctx.db, platform.ctx.regencyCode);
    expect(again.seeded).toBe(false);
    expect(await count(sql`select count(*)::int as n from service_points`)).toBe(221);
  });

  it('is quick enough for a first start on the embedded database', () => {
    // Measured and reported; generous bound because test machines are shared.
    expect(seedMs).toBeLessThan(60_000);
  });
});
