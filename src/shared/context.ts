import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.ts';
import type { Database, Db } from '../db/client.ts';

/** What every module's service receives: configuration, the database, the regency it serves, the clock. */
export type AppContext = {
  config: Config;
  database: Database;
  db: Db;
  regencyCode: string;
  log: FastifyBaseLogger;
  /** Injected so tests can move time (SLA clocks, OTP expiry, lockouts). */
  now(): Date;
  /** Wakes a background job now instead of at its next scheduled run (set once jobs start). */
  wake(job: string): void;
};

/** Who acted and from where: the audit trail needs it for every write and every personal-data read. */
export type RequestMeta = { ip: string | null; requestId: string | null; lang: 'id' | 'en' };
