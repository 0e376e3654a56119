/**
 * Background work of the queue on pg-boss, every five minutes: bookings nobody checked in for
 * become no-shows (their places go to the walk-in quota), and tickets left open from an earlier day
 * are closed as walked out.
 */
import type { PgBoss } from 'pg-boss';
import type { AppContext } from '../shared/context.ts';
import { sweepMissedBookings } from './booking-service.ts';
import { sweepStaleTickets } from './service.ts';

export const QUEUE_SWEEP_JOB = 'queue-sweep';

export async function sweepQueue(ctx: AppContext): Promise<{ noShows: number; walkedOut: number }> {
  const noShows = await sweepMissedBookings(ctx);
  const walkedOut = await sweepStaleTickets(ctx);
  if (noShows || walkedOut) ctx.log.info({ noShows, walkedOut }, 'queue sweep');
  return { noShows, walkedOut };
}

export async function registerQueueJobs(boss: PgBoss, ctx: AppContext): Promise<void> {
  await boss.createQueue(QUEUE_SWEEP_JOB);
  await boss.work(QUEUE_SWEEP_JOB, async () => {
    await sweepQueue(ctx);
  });
  await boss.schedule(QUEUE_SWEEP_JOB, '*/5 * * * *');
}
