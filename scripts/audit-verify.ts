/**
 * `npm run audit:verify`: re-checks every regency's audit hash chain in the configured database
 * (DATABASE_URL, or the embedded PGlite in PGLITE_DIR — the same settings as the server).
 * One line per regency; exit 0 when all chains hold, 1 when one is broken, 2 when it cannot check.
 * Read-only: it neither migrates nor writes. An embedded database must not be open in a running server.
 */
import { ConfigError, loadConfig } from '../src/config.ts';
import { DatabaseLockedError, openDatabase, type Database } from '../src/db/client.ts';
import type { ChainBreak } from '../src/audit/chain.ts';
import { verifyAllChains } from '../src/audit/service.ts';

const PROBLEMS: Record<ChainBreak['problem'], string> = {
  hash_mismatch: 'hash_mismatch (the row was changed after it was written)',
  prev_hash_mismatch: 'prev_hash_mismatch (the row does not follow the one before it)',
  missing_rows: 'missing_rows (this row is gone: deleted, or the chain was cut)',
  missing_tail: 'missing_tail (the newest rows are gone: deleted after they were written)',
  beyond_head: 'beyond_head (rows written past the chain head: inserted around its trigger, or the head was held back)',
  head_mismatch: 'head_mismatch (the chain ends in another row than the one its head recorded: rewritten)',
  missing_head: 'missing_head (the chain head is gone)',
};

async function main(): Promise<number> {
  const config = loadConfig();
  const where = config.DATABASE_URL ? config.DATABASE_URL.replace(/\/\/[^@/]*@/, '//') : `PGlite ${config.PGLITE_DIR}`;
  let database: Database;
  try {
    database = config.DATABASE_URL ? await openDatabase({ kind: 'postgresql', url: config.DATABASE_URL, poolSize: 2 }) : await openDatabase({ kind: 'pglite', dataDir: config.PGLITE_DIR });
  } catch (error) {
    console.error(`audit:verify: cannot open ${where}: ${(error as Error).message}`);
    return 2;
  }
  try {
    const results = await verifyAllChains(database.db);
    console.log(`audit:verify ${where}`);
    if (results.length === 0) {
      console.log('no audit rows yet');
      return 0;
    }
    const rows = (n: number) => `${n} ${n === 1 ? 'row' : 'rows'}`;
    for (const r of results) {
      if (!r.broken) console.log(`${r.regencyCode}  ${rows(r.rows)} checked, intact`);
      else {
        const range = r.broken.problem === 'missing_tail' ? ` (seq ${r.broken.seq}${r.broken.headSeq > r.broken.seq ? `…${r.broken.headSeq}` : ''} per the chain head)` : '';
        console.log(`${r.regencyCode}  BROKEN at seq ${r.broken.seq}: ${PROBLEMS[r.broken.problem]}${range}; ${rows(r.rows)} intact before it`);
      }
    }
    return results.some((r) => r.broken) ? 1 : 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    const expected = error instanceof ConfigError || error instanceof DatabaseLockedError;
    console.error(`audit:verify: ${expected ? error.message : (error as Error).stack ?? error}`);
    process.exit(2);
  },
);
