import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import { ensureRegions } from '../../src/regions/load.ts';

/**
 * Tests run against a real database: PGlite by default, PostgreSQL when TEST_DB_KIND=postgresql
 * (the runner sets it from TEST_DATABASE_URL). The migrated schema with the region list is built
 * once per run (global setup) and copied for each test file, so every file starts clean.
 */
export const testDbKind = process.env.TEST_DB_KIND === 'postgresql' ? 'postgresql' : 'pglite';

const runId = process.env.SATUPINTU_TEST_RUN ?? 'local';
const templateName = `satupintu_tpl_${runId}`;
const snapshotFile = path.join(os.tmpdir(), `satupintu-test-${runId}.tar`);

function serverUrl(database: string): string {
  const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  // The run's own database (created by .ci/run) serves as the maintenance connection.
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL ?? serverUrl('postgres') });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** Global setup: the template every test file copies. */
export async function buildTemplate(): Promise<void> {
  if (testDbKind === 'postgresql') {
    await admin(async (c) => {
      await c.query(`drop database if exists ${templateName}`);
      await c.query(`create database ${templateName}`);
    });
    const database = await openDatabase({ kind: 'postgresql', url: serverUrl(templateName), poolSize: 2 });
    await migrate(database);
    await ensureRegions(database.db);
    await database.close();
    return;
  }
  const database = await openDatabase({ kind: 'pglite', dataDir: null });
  await migrate(database);
  await ensureRegions(database.db);
  const dump = await database.pglite!.dumpDataDir('none');
  fs.writeFileSync(snapshotFile, Buffer.from(await dump.arrayBuffer()));
  await database.close();
}

export async function dropTemplate(): Promise<void> {
  if (testDbKind === 'postgresql') await admin((c) => c.query(`drop database if exists ${templateName}`));
  else fs.rmSync(snapshotFile, { force: true });
}

/** A fresh database for one test file, dropped on close. */
export async function createTestDatabase(): Promise<Database> {
  if (testDbKind === 'postgresql') {
    const name = `satupintu_t_${runId}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    await admin((c) => c.query(`create database ${name} template ${templateName}`));
    const database = await openDatabase({ kind: 'postgresql', url: serverUrl(name), poolSize: 10 });
    return {
      ...database,
      async close() {
        await database.close();
        await admin((c) => c.query(`drop database if exists ${name} with (force)`));
      },
    };
  }
  const blob = new Blob([fs.readFileSync(snapshotFile)]);
  return openDatabase({ kind: 'pglite', dataDir: null, loadDataDir: blob });
}
