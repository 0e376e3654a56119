import type { Config } from './config.ts';
import { openDatabase, type Database } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { ensureRegions } from './regions/load.ts';
import { seedFoundation } from './seed/demo.ts';
import { seedSakina } from './sakina/seed.ts';
import { seedCatalogue } from './catalogue/seeder.ts';
import { seedQueueDemo } from './queue/seeder.ts';
import { seedApplicationHistory } from './applications/seed-history.ts';

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
    const catalogue = await seedCatalogue(database.db, config.REGENCY_CODE);
    if (catalogue.seeded) log(`loaded the service catalogue in ${catalogue.ms} ms (${catalogue.counts.services ?? 0} services, ${catalogue.counts.points ?? 0} service points)`);
    if (config.SEED_DEMO && (await seedQueueDemo(database.db, config.REGENCY_CODE))) log('configured the demo queue (MPP Banyuwangi: priority groups, bookable services)');
    if (config.SEED_DEMO) {
      const history = await seedApplicationHistory(database.db, config.REGENCY_CODE);
      if (history) log(`filed ${history} demo applications over the past six months (synthetic, for the SLA figures)`);
    }
    if (await seedSakina(database.db, config.REGENCY_CODE, { demo: config.SEED_DEMO })) log('loaded SAKINA: puskesmas areas, laskar accounts and demo pregnancies');
    return { database, seeded };
  } catch (error) {
    await database.close();
    throw error;
  }
}
