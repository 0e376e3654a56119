/**
 * The closure calendar of a regency from the database (cuti bersama and special closures entered
 * by the admin) and the national holidays (calendar/holidays.ts), cached per year. Other modules
 * (queue, applications) use it through service.ts: opening state, promised dates.
 */
import type { DbOrTx } from '../db/client.ts';
import type { AppContext } from '../shared/context.ts';
import type { LocalText } from '../shared/errors.ts';
import { buildClosureCalendar } from './calendar/calendar.ts';
import { nationalHolidays } from './calendar/holidays.ts';
import type { LocalDate } from './calendar/local-date.ts';
import type { NamedCalendar } from './opening.ts';
import * as repo from './repository.ts';

type YearEntry = {
  loadedAt: number;
  closures: { date: LocalDate; kind: 'cuti_bersama' | 'special_closure'; name: LocalText }[];
};

/** Another server process may change closures: a cached year is re-read after this long. */
const CACHE_TTL_MS = 60_000;
const cache = new Map<string, YearEntry>();

/** Called after a closure is written, so this process sees it at once. */
export function forgetClosureYear(regencyCode: string, year: number): void {
  cache.delete(`${regencyCode}|${year}`);
}

async function closuresOfYear(db: DbOrTx, regencyCode: string, year: number): Promise<YearEntry> {
  const key = `${regencyCode}|${year}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.loadedAt < CACHE_TTL_MS) return hit;
  const rows = await repo.listClosures(db, regencyCode, `${year}-01-01`, `${year}-12-31`);
  const entry: YearEntry = { loadedAt: Date.now(), closures: rows.map((r) => ({ date: r.date, kind: r.kind, name: { id: r.nameId, en: r.nameEn } })) };
  cache.set(key, entry);
  return entry;
}

/**
 * The calendar for the given years. Ask for every year a computation can reach: an SLA that starts
 * in December ends in January, and a year left out would count its holidays as working days.
 */
export async function loadCalendar(ctx: Pick<AppContext, 'db' | 'regencyCode'>, years: readonly number[]): Promise<NamedCalendar> {
  const unique = [...new Set(years)].sort();
  const entries = await Promise.all(unique.map((y) => closuresOfYear(ctx.db, ctx.regencyCode, y)));
  const closures = entries.flatMap((e) => e.closures);
  const base = buildClosureCalendar({
    years: unique,
    cutiBersama: closures.filter((c) => c.kind === 'cuti_bersama').map((c) => c.date),
    specialClosures: closures.filter((c) => c.kind === 'special_closure').map((c) => c.date),
  });
  const names = new Map<LocalDate, { name: LocalText; kind: 'holiday' | 'cuti_bersama' | 'special_closure' }>();
  for (const year of unique) for (const h of nationalHolidays(year)) names.set(h.date, { name: h.name, kind: 'holiday' });
  // A closure entered on a holiday keeps the holiday's name.
  for (const c of closures) if (!names.has(c.date)) names.set(c.date, { name: c.name, kind: c.kind });
  return { ...base, names };
}

/** The year of `date`, and the next one: enough for opening hours and SLAs up to a year long. */
export function yearsFrom(date: LocalDate, span = 2): number[] {
  const year = Number(date.slice(0, 4));
  return Array.from({ length: span }, (_, i) => year + i);
}
