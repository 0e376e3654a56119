import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { ensureRegions } from './regions/load.ts';
import { seedFoundation } from './seed/demo.ts';

/** Opens the configured database, brings its schema up to date and loads reference and demo data. */
export async function preparePlatform(config: Config, log: (message: string) => void = () => undefined): Promise<{ database: Database; seeded: boolean }> {
  const database = config.DATABASE_URL
    ? await openDatabase({ kind: 'postgresql', url: config.DATABASE_URL })
    : await openDatabase({ kind: 'pglite', dataDir: config.PGLITE_DIR });
  try {
    await migrate(database);
    const regionRows = await ensureRegions(database.db);
    if (regionRows) log(`loaded ${regionRows} official regions`);
    const seeded = await seedFoundation(database.db, config.REGENCY_CODE, config.SEED_DEMO);
    return { database, seeded };
  } catch (error) {
    await database.close();
    throw error;
  }
}
