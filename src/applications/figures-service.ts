/**
 * SLA compliance for the leader (PRODUCT.md: "sees volumes, SLA compliance, waiting times"): per
 * agency, per service and for the regency, month by month — every application's SLA clock replayed
 * on the regency's working-day calendar (clock.ts, sla.ts), then summed (figures.ts). Counts only.
 */
import { stringify } from 'csv-stringify/sync';
import { loadCalendar } from '../catalogue/calendar-service.ts';
import { wibDateOf, wibInstant } from '../catalogue/calendar/local-date.ts';
import type { Actor } from '../shared/actor.ts';
import type { AppContext } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { slaFiguresScope } from './access.ts';
import { clockEventsOf } from './clock.ts';
import { type ApplicationFact, monthsBetween, type Month, type Series, tally } from './figures.ts';
import * as repo from './figures-repository.ts';
import { computeSla, slaWorkingDays } from './sla.ts';

export const MAX_MONTHS = 24;
const FINISHED = new Set(['selesai', 'diambil', 'dikirim', 'diunduh']);

export type SlaFigures = {
  from: Month;
  to: Month;
  months: Month[];
  scope: 'regency' | 'agencies';
  total: Series;
  agencies: ({ id: string; code: string; shortName: string; name: { id: string; en: string } } & Series & { services: ({ id: string; code: string; name: { id: string; en: string } } & Series)[] })[];
};

const monthOf = (d: Date): Month => wibDateOf(d).slice(0, 7);
const nextMonth = (m: Month): Month => monthsBetween(m, `${Number(m.slice(0, 4)) + 1}-12`)[1]!;
const startOf = (m: Month) => wibInstant(`${m}-01`);

export async function slaFigures(ctx: AppContext, actor: Actor, query: { from?: string; to?: string }): Promise<SlaFigures> {
  const scope = slaFiguresScope(actor);
  if (!scope) throw new AppError('forbidden', { id: 'Angka SLA hanya untuk pimpinan, admin MPP dan petugas instansi.', en: 'SLA figures are for the leader, the MPP admin and agency staff.' });
  const now = ctx.now();
  const current = monthOf(now);
  const to = query.to ?? current;
  const from = query.from ?? monthsBetween(`${Number(to.slice(0, 4)) - 1}-${to.slice(5)}`, to).slice(-6)[0]!;
  const months = monthsBetween(from, to);
  if (months.length === 0) throw new AppError('validation_failed', undefined, [{ field: 'from', message: { id: 'Bulan awal harus sebelum bulan akhir.', en: 'The first month must come before the last.' } }]);
  if (months.length > MAX_MONTHS) throw new AppError('validation_failed', undefined, [{ field: 'to', message: { id: `Paling banyak ${MAX_MONTHS} bulan sekaligus.`, en: `At most ${MAX_MONTHS} months at a time.` } }]);

  const agencyIds = scope.kind === 'regency' ? null : await repo.agencyIdsOfPlaces(ctx.db, ctx.regencyCode, scope.placeIds);
  const since = startOf(from);
  const until = startOf(nextMonth(to));
  const apps = await repo.listFigureApplications(ctx.db, ctx.regencyCode, { since, until, agencyIds });
  const events = await repo.listFigureEvents(ctx.db, ctx.regencyCode, apps.map((a) => a.id));
  const eventsOf = new Map<string, repo.FigureEvent[]>();
  for (const e of events) (eventsOf.get(e.applicationId) ?? eventsOf.set(e.applicationId, []).get(e.applicationId)!).push(e);

  const firstYear = Math.min(Number(from.slice(0, 4)), ...apps.map((a) => Number(wibDateOf(a.submittedAt).slice(0, 4))));
  const years: number[] = [];
  for (let y = firstYear; y <= Number(current.slice(0, 4)) + 2; y++) years.push(y);
  const cal = await loadCalendar(ctx, years);

  // The moment each month is judged at: its end, or now for the current (or a future) month.
  const judgedAt = new Map(months.map((m) => [m, new Date(Math.min(until.getTime(), startOf(nextMonth(m)).getTime() - 1, now.getTime()))]));

  const facts: ApplicationFact[] = apps.map((a) => {
    const timeline = eventsOf.get(a.id) ?? [];
    const clock = clockEventsOf(timeline);
    const workingDays = a.durationValue != null && a.durationUnit ? slaWorkingDays({ value: a.durationValue, unit: a.durationUnit }) : 0;
    let outcome: ApplicationFact['outcome'] = null;
    if (a.finishedAt) {
      const month = monthOf(a.finishedAt);
      if (FINISHED.has(a.status)) {
        const sla = computeSla({ workingDays, events: clock, now: a.finishedAt, cal });
        outcome = { kind: 'finished', month, late: sla.late, workingDays: sla.elapsedWorkingDays };
      } else outcome = { kind: a.status === 'ditolak' ? 'rejected' : 'withdrawn', month };
    }
    const openAt: ApplicationFact['openAt'] = {};
    for (const m of months) {
      const at = judgedAt.get(m)!;
      if (a.submittedAt > at || (a.finishedAt && a.finishedAt <= at) || startOf(m) > now) continue;
      openAt[m] = computeSla({ workingDays, events: clock, now: at, cal }).late ? 'late' : 'within';
    }
    return {
      agencyId: a.agencyId,
      serviceId: a.serviceId,
      filedMonth: monthOf(a.submittedAt),
      outcome,
      sentBackMonths: timeline.filter((e) => e.action === 'return').map((e) => monthOf(e.at)),
      openAt,
    };
  });

  const agencyNames = await repo.listAgencyNames(ctx.db, ctx.regencyCode, agencyIds ?? [...new Set(apps.map((a) => a.agencyId))]);
  const serviceNames = new Map((await repo.listServiceNames(ctx.db, ctx.regencyCode, [...new Set(apps.map((a) => a.serviceId))])).map((s) => [s.id, s]));
  const agencies = agencyNames
    .map((agency) => {
      const own = facts.filter((f) => f.agencyId === agency.id);
      const serviceIds = [...new Set(own.map((f) => f.serviceId))];
      const services = serviceIds
        .map((id) => {
          const s = serviceNames.get(id);
          return { id, code: s?.code ?? '', name: { id: s?.nameId ?? '', en: s?.nameEn ?? '' }, ...tally(own.filter((f) => f.serviceId === id), months) };
        })
        .sort((a, b) => b.all.filed + b.all.finished - (a.all.filed + a.all.finished) || a.name.id.localeCompare(b.name.id));
      return { id: agency.id, code: agency.code, shortName: agency.shortName, name: { id: agency.nameId, en: agency.nameEn }, ...tally(own, months), services };
    })
    .sort((a, b) => a.shortName.localeCompare(b.shortName));
  return { from, to, months, scope: scope.kind, total: tally(facts, months), agencies };
}

const HEADERS = {
  id: ['tingkat', 'kode_instansi', 'instansi', 'kode_layanan', 'layanan', 'bulan', 'diajukan', 'selesai', 'selesai_tepat_waktu', 'selesai_terlambat', 'persen_tepat_waktu', 'median_hari_kerja', 'rata_rata_hari_kerja', 'terbuka_terlambat', 'terbuka_dalam_sla', 'ditolak', 'dikembalikan'],
  en: ['level', 'agency_code', 'agency', 'service_code', 'service', 'month', 'filed', 'finished', 'finished_on_time', 'finished_late', 'on_time_percent', 'median_working_days', 'average_working_days', 'open_late', 'open_within_sla', 'rejected', 'sent_back'],
};

/** One row per level (regency, agency, service) and month, and one for the whole range ('all'). */
export function slaFiguresCsv(f: SlaFigures, lang: 'id' | 'en'): string {
  const n = (v: number | null) => (v == null ? '' : String(v));
  const rows: string[][] = [HEADERS[lang]];
  const level = { regency: lang === 'id' ? 'kabupaten' : 'regency', agency: lang === 'id' ? 'instansi' : 'agency', service: lang === 'id' ? 'layanan' : 'service' };
  const emit = (lv: string, agency: [string, string], service: [string, string], s: Series) => {
    for (const c of [...s.months, { month: `${f.from}..${f.to}`, ...s.all }]) {
      rows.push([lv, ...agency, ...service, c.month, n(c.filed), n(c.finished), n(c.finishedOnTime), n(c.finishedLate), n(c.onTimePercent), n(c.medianWorkingDays), n(c.averageWorkingDays), n(c.openLate), n(c.openWithinSla), n(c.rejected), n(c.sentBack)]);
    }
  };
  emit(level.regency, ['', ''], ['', ''], f.total);
  for (const a of f.agencies) {
    emit(level.agency, [a.code, a.name[lang]], ['', ''], a);
    for (const s of a.services) emit(level.service, [a.code, a.name[lang]], [s.code, s.name[lang]], s);
  }
  return stringify(rows, { bom: true });
}
