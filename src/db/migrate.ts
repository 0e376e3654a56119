import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import journal from '../../migrations/meta/_journal.json' with { type: 'json' };
import { queryRows, type Database } from './client.ts';

export const MIGRATIONS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../migrations');

/** The one migration history, applied the same way to PGlite and PostgreSQL. */
export async function migrate(database: Database): Promise<void> {
  if (database.kind === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder: MIGRATIONS_DIR });
  } else {
    // Several server processes may start at once; one migrates, the others wait.
    const client = await database.pool!.connect();
    try {
      await client.query('select pg_advisory_lock(7351000)');
      await migratePg(database.db as unknown as NodePgDatabase, { migrationsFolder: MIGRATIONS_DIR });
    } finally {
      await client.query('select pg_advisory_unlock(7351000)').catch(() => undefined);
      client.release();
    }
  }
}

export type MigrationLevel = { applied: number; known: number; latest: string | null };

export async function migrationLevel(database: Database): Promise<MigrationLevel> {
  const [row] = await queryRows<{ count: number }>(
    database.db,
    sql`select count(*)::int as count from drizzle.__drizzle_migrations`,
  );
  const applied = Number(row?.count ?? 0);
  const entries = journal.entries;
  return { applied, known: entries.length, latest: entries[applied - 1]?.tag ?? null };
}
