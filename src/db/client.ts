import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle has the same query API; repositories accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
export type DbOrTx = Db | Tx;

export type DatabaseKind = 'pglite' | 'postgresql';

export type Database = {
  kind: DatabaseKind;
  db: Db;
  /** The PGlite instance when embedded (pg-boss and LISTEN/NOTIFY need it). */
  pglite?: PGlite;
  pool?: pg.Pool;
  close(): Promise<void>;
};

export type OpenOptions =
  | { kind: 'postgresql'; url: string; poolSize?: number }
  | { kind: 'pglite'; dataDir: string | null /* null: in memory */; loadDataDir?: Blob };

export class DatabaseLockedError extends Error {}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  if (options.kind === 'postgresql') {
    // Timestamps are exchanged in UTC; WIB is applied where dates are shown or counted. Set as a
    // startup parameter of each connection: a query from the pool's 'connect' event would race the
    // caller's first query on the same client (pg 8.23 deprecates that, pg 9 refuses it).
    const pool = new pg.Pool({ ...utcConnection(options.url), max: options.poolSize ?? 10 });
    // An idle connection the server drops (restart, failover, idle timeout, pool.end racing a
    // DROP DATABASE) is emitted here; unheard, it would crash the process. The pool has already
    // discarded that client and opens a new one on the next query.
    pool.on('error', (error) => {
      if ((error as { code?: string }).code !== '57P01') console.warn(`database: idle connection lost (${error.message})`);
    });
    await pool.query('select 1');
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    return { kind: 'postgresql', db, pool, close: () => pool.end() };
  }

  const release = options.dataDir ? lockDataDir(options.dataDir) : () => undefined;
  try {
    const pglite = await PGlite.create(options.dataDir ?? undefined, {
      extensions: { pg_trgm, unaccent },
      loadDataDir: options.loadDataDir,
    });
    await pglite.exec("set time zone 'UTC'");
    const db = drizzlePglite(pglite, { schema }) as unknown as Db;
    let closed = false;
    return {
      kind: 'pglite',
      db,
      pglite,
      async close() {
        if (closed) return;
        closed = true;
        try {
          await pglite.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * Connection settings with `TimeZone=UTC` among the startup options. An `options` parameter in the
 * URL would override the pool's own, so it is moved out of the URL and kept beside ours.
 */
export function utcConnection(url: string): { connectionString: string; options: string } {
  const utc = '-c TimeZone=UTC';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { connectionString: url, options: utc };
  }
  const given = parsed.searchParams.get('options');
  if (given === null) return { connectionString: url, options: utc };
  parsed.searchParams.delete('options');
  return { connectionString: parsed.toString(), options: `${given} ${utc}` };
}

/**
 * PGlite is a single-process database: two servers on one data folder would corrupt it.
 * The lock file holds the owner's PID; a lock left by a dead process is taken over.
 */
function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(path.dirname(path.resolve(dataDir)), `${path.basename(dataDir)}.lock`);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      return () => fs.rmSync(lockPath, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number(fs.readFileSync(lockPath, 'utf8').trim());
      if (owner && owner !== process.pid && isAlive(owner)) {
        throw new DatabaseLockedError(
          `The embedded database ${dataDir} is in use by process ${owner}. Stop it first, or set PGLITE_DIR to another folder.`,
        );
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new DatabaseLockedError(`Could not lock ${dataDir}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Raw SQL for what the query builder does not express; both drivers return `{ rows }`. */
export async function queryRows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
