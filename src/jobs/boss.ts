import { PgBoss, fromPglite } from 'pg-boss';
import type { AppContext } from '../shared/context.ts';
import { deliverDueMessages } from '../notifications/service.ts';
import { channelAdapters } from '../notifications/adapters/index.ts';
import { registerApplicationJobs } from '../applications/jobs.ts';
import { registerQueueJobs } from '../queue/jobs.ts';
import { registerSakinaJobs } from '../sakina/jobs.ts';

export const OUTBOX_JOB = 'outbox-deliver';

/**
 * Background jobs run on pg-boss in the same database: on a server through its own pool,
 * embedded through PGlite's single connection. Every module registers its queues here.
 */
export async function startJobs(ctx: AppContext): Promise<PgBoss> {
  const { database } = ctx;
  const boss =
    database.kind === 'pglite'
      ? new PgBoss({ db: fromPglite(database.pglite!), backend: 'pglite', schema: 'pgboss' })
      : new PgBoss({ connectionString: ctx.config.DATABASE_URL!, schema: 'pgboss', max: 4 });
  boss.on('error', (error) => ctx.log.error({ err: error }, 'job queue error'));
  await boss.start();

  const adapters = channelAdapters(ctx.config, ctx.log);
  await boss.createQueue(OUTBOX_JOB);
  await boss.work(OUTBOX_JOB, { pollingIntervalSeconds: 2 }, async () => {
    await deliverDueMessages(ctx.db, adapters, ctx.now);
  });
  // A backstop: messages whose wake-up job was lost, and retries after backoff, go out within a minute.
  await boss.schedule(OUTBOX_JOB, '* * * * *');
  await registerApplicationJobs(boss, ctx);
  await registerQueueJobs(boss, ctx);
  await registerSakinaJobs(boss, ctx);
  ctx.wake = (job) => void boss.send(job, {}, { singletonSeconds: 1 }).catch((error) => ctx.log.warn({ err: error, job }, 'could not wake job'));
  return boss;
}
