import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { createTestDatabase, testDbKind } from '../../tests/support/database.ts';
import { seedFoundation } from '../seed/demo.ts';
import { openDatabase, queryRows } from './client.ts';

const server = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

// pg warns once per process: listen from the first connection of this file on.
const warnings: string[] = [];
process.on('warning', (warning) => warnings.push(`${warning.name}: ${warning.message}`));

describe('database connections', () => {
  it('exchange timestamps in UTC', async () => {
    const database = await createTestDatabase();
    try {
      const [row] = await queryRows<{ tz: string; at: string }>(database.db, sql`select current_setting('TimeZone') as tz, '2026-11-30 09:00:00+07'::timestamptz::text as at`);
      expect(row).toEqual({ tz: 'UTC', at: '2026-11-30 02:00:00+00' });
    } finally {
      await database.close();
    }
  });
});

describe.runIf(testDbKind === 'postgresql')('PostgreSQL pool', () => {
  it('sets UTC on every new connection without a query racing the first one (no pg deprecation warning)', async () => {
    const database = await openDatabase({ kind: 'postgresql', url: server, poolSize: 4 });
    try {
      // Eight queries on a pool of four: each new connection's first query is a caller's.
      const zones = await Promise.all(Array.from({ length: 8 }, () => database.pool!.query<{ tz: string }>(`select current_setting('TimeZone') as tz, pg_sleep(0.05)`)));
      expect(zones.map((r) => r.rows[0]!.tz)).toEqual(Array(8).fill('UTC'));
      expect(database.pool!.totalCount).toBe(4);
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((w) => w.includes('already executing a query'))).toEqual([]);
    } finally {
      await database.close();
    }
  });

  it('seeds the regency without queries overlapping on one connection (no pg deprecation warning)', async () => {
    const database = await createTestDatabase();
    try {
      expect(await seedFoundation(database.db, '35.10', true)).toBe(true);
      const [row] = await queryRows<{ n: number }>(database.db, sql`select count(*)::int as n from places where regency_code = '35.10' and kind = 'village'`);
      expect(row!.n).toBe(217);
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.filter((w) => w.includes('already executing a query'))).toEqual([]);
    } finally {
      await database.close();
    }
  });

  it('keeps startup options given in DATABASE_URL beside its own', async () => {
    const url = new URL(server);
    url.search = `?options=${encodeURIComponent('-c statement_timeout=4321')}`;
    const database = await openDatabase({ kind: 'postgresql', url: url.toString(), poolSize: 1 });
    try {
      const { rows } = await database.pool!.query<{ tz: string; timeout: string }>(`select current_setting('TimeZone') as tz, current_setting('statement_timeout') as timeout`);
      expect(rows[0]).toEqual({ tz: 'UTC', timeout: '4321ms' });
    } finally {
      await database.close();
    }
  });
});
