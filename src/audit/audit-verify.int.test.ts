import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDbKind } from '../../tests/support/database.ts';
import { ROOT_DIR } from '../app.ts';
import { openDatabase, type Database, type OpenOptions } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { recordAuditNow } from './service.ts';

const tsxCli = path.join(path.dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/cli.mjs');

/** `npm run audit:verify` with only the given database settings (none inherited from this process). */
async function runScript(env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  const { DATABASE_URL: _url, PGLITE_DIR: _dir, ...inherited } = process.env;
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [tsxCli, 'scripts/audit-verify.ts'], { cwd: ROOT_DIR, env: { ...inherited, ...env }, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function withDatabase<T>(options: OpenOptions, fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase(options);
  try {
    return await fn(database);
  } finally {
    await database.close();
  }
}

async function writeRows(database: Database, regencyCode: string, count: number): Promise<void> {
  for (let i = 1; i <= count; i++) {
    await recordAuditNow(database.db, regencyCode, { kind: 'anonymous' }, { ip: '127.0.0.1' }, { action: 'create', entityType: 'thing', entityId: `${regencyCode}-${i}`, details: { i, at: new Date(Date.UTC(2026, 10, i)) } });
  }
}

async function tamper(database: Database, statement: ReturnType<typeof sql>): Promise<void> {
  await database.db.transaction(async (tx) => {
    await tx.execute(sql`alter table audit_log disable trigger audit_log_no_update_delete`);
    await tx.execute(statement);
    await tx.execute(sql`alter table audit_log enable trigger audit_log_no_update_delete`);
  });
}

describe('npm run audit:verify on an embedded PGlite database', () => {
  let tmp: string;
  let dataDir: string;
  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'satupintu-audit-verify-'));
    dataDir = path.join(tmp, 'pglite');
    await withDatabase({ kind: 'pglite', dataDir }, async (database) => {
      await migrate(database);
      await writeRows(database, '35.10', 5);
      await writeRows(database, '35.09', 3);
    });
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('prints one line per regency and exits 0 when every chain holds', async () => {
    const run = await runScript({ PGLITE_DIR: dataDir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('35.09  3 rows checked, intact');
    expect(run.stdout).toContain('35.10  5 rows checked, intact');
  });

  it('exits 1 and names the seq and the problem when a row was changed', async () => {
    await withDatabase({ kind: 'pglite', dataDir }, (database) => tamper(database, sql`update audit_log set details = '{"i": 99}' where regency_code = '35.10' and seq = 3`));
    const run = await runScript({ PGLITE_DIR: dataDir });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^35\.10 {2}BROKEN at seq 3: hash_mismatch .*; 2 rows intact before it$/m);
    expect(run.stdout).toContain('35.09  3 rows checked, intact');
  });

  it('exits 1 and names the seq when a row was deleted', async () => {
    await withDatabase({ kind: 'pglite', dataDir }, (database) => tamper(database, sql`delete from audit_log where regency_code = '35.09' and seq = 2`));
    const run = await runScript({ PGLITE_DIR: dataDir });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^35\.09 {2}BROKEN at seq 2: missing_rows/m);
  });

  it('exits 1 when the newest rows were deleted: the chain head still names them', async () => {
    await withDatabase({ kind: 'pglite', dataDir }, async (database) => {
      await writeRows(database, '35.11', 6);
      await tamper(database, sql`delete from audit_log where regency_code = '35.11' and seq >= 5`);
    });
    const run = await runScript({ PGLITE_DIR: dataDir });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^35\.11 {2}BROKEN at seq 5: missing_tail \(the newest rows are gone[^)]*\) \(seq 5…6 per the chain head\); 4 rows intact before it$/m);
  });

  it('exits 2 with a clear message while a server holds the database', async () => {
    await withDatabase({ kind: 'pglite', dataDir }, async () => {
      const run = await runScript({ PGLITE_DIR: dataDir });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`is in use by process ${process.pid}`);
    });
  });

  it('says so when there is nothing to check', async () => {
    const empty = path.join(tmp, 'empty');
    await withDatabase({ kind: 'pglite', dataDir: empty }, (database) => migrate(database));
    const run = await runScript({ PGLITE_DIR: empty });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('no audit rows yet');
  });

  it('exits 2 on a bad configuration', async () => {
    const run = await runScript({ DATABASE_URL: 'mysql://somewhere/db' });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('DATABASE_URL');
  });
});

describe.runIf(testDbKind === 'postgresql')('npm run audit:verify on PostgreSQL (DATABASE_URL)', () => {
  const server = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `satupintu_av_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const url = Object.assign(new URL(server), { pathname: `/${name}` }).toString();
  const admin = async (query: string) => {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    try {
      await client.query(query);
    } finally {
      await client.end();
    }
  };
  beforeAll(async () => {
    await admin(`create database ${name}`);
    await withDatabase({ kind: 'postgresql', url }, async (database) => {
      await migrate(database);
      await writeRows(database, '35.10', 4);
    });
  });
  afterAll(() => admin(`drop database if exists ${name} with (force)`));

  it('checks the server database and exits 1 after tampering', async () => {
    const good = await runScript({ DATABASE_URL: url });
    expect(good.code).toBe(0);
    expect(good.stdout).toContain('35.10  4 rows checked, intact');

    await withDatabase({ kind: 'postgresql', url }, (database) => tamper(database, sql`update audit_log set actor_role = 'mpp_admin' where seq = 2`));
    const bad = await runScript({ DATABASE_URL: url });
    expect(bad.code).toBe(1);
    expect(bad.stdout).toMatch(/^35\.10 {2}BROKEN at seq 2: hash_mismatch/m);
  });

  it('exits 1 when the newest rows were deleted, with the trigger disabled or in replica mode', async () => {
    await withDatabase({ kind: 'postgresql', url }, async (database) => {
      await writeRows(database, '35.11', 5);
      await tamper(database, sql`delete from audit_log where regency_code = '35.11' and seq = 5`);
      await writeRows(database, '35.12', 3);
      // Replica mode skips every ordinary trigger, the head's included: the head still names the row.
      await database.db.transaction(async (tx) => {
        await tx.execute(sql`set local session_replication_role = replica`);
        await tx.execute(sql`delete from audit_log where regency_code = '35.12' and seq >= 2`);
      });
    });
    const run = await runScript({ DATABASE_URL: url });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^35\.11 {2}BROKEN at seq 5: missing_tail .*\(seq 5 per the chain head\); 4 rows intact before it$/m);
    expect(run.stdout).toMatch(/^35\.12 {2}BROKEN at seq 2: missing_tail .*\(seq 2…3 per the chain head\); 1 row intact before it$/m);
  });
});
