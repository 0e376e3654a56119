/**
 * Queue KPIs per day, by point, service, counter or officer: arrived, called, served, no-show %,
 * average and maximum waiting and service time, and the share waiting longer than the point's
 * target — for the leader's dashboard and the KemenPAN-RB evaluation, with a CSV export.
 */
import { stringify } from 'csv-stringify/sync';
import { addDays, isLocalDate, wibDateOf } from '../catalogue/calendar/local-date.ts';
import type { Actor } from '../shared/actor.ts';
import type { AppContext } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { countersOfPoint, findPoint, loadPointSettings, requireQueue, servicesOfPoint } from './points.ts';
import * as repo from './repository.ts';

export type KpiQuery = { from?: string; to?: string; by: repo.KpiDimension };

export type KpiItem = {
  day: string;
  key: string | null;
  label: string;
  arrived: number;
  called: number;
  served: number;
  noShow: number;
  noShowPct: number | null;
  avgWaitMinutes: number | null;
  maxWaitMinutes: number | null;
  aboveTargetPct: number | null;
  avgServiceMinutes: number | null;
  maxServiceMinutes: number | null;
};

const pct = (part: number, whole: number) => (whole > 0 ? Math.round((1000 * part) / whole) / 10 : null);

export async function getKpis(ctx: AppContext, actor: Actor, pointCode: string, query: KpiQuery, lang: 'id' | 'en') {
  const point = await findPoint(ctx, ctx.db, pointCode);
  requireQueue(actor, 'queue.kpi.read', point);
  const today = wibDateOf(ctx.now());
  const to = query.to ?? today;
  const from = query.from ?? addDays(to, -6);
  for (const [field, value] of [['from', from], ['to', to]] as const) {
    if (!isLocalDate(value)) throw new AppError('validation_failed', undefined, [{ field, message: { id: 'Tanggal harus berformat TTTT-BB-HH.', en: 'Date must be YYYY-MM-DD.' } }]);
  }
  if (from > to || addDays(from, 366) < to) {
    throw new AppError('validation_failed', undefined, [{ field: 'from', message: { id: 'Rentang tanggal 1–366 hari.', en: 'The range is 1–366 days.' } }]);
  }
  const settings = await loadPointSettings(ctx, ctx.db, point);
  const rows = await repo.kpis(ctx.db, ctx.regencyCode, point.id, from, to, query.by, settings.targetWaitMinutes);
  const labels = await labelsFor(ctx, point, query.by, rows.map((r) => r.key).filter((k): k is string => !!k), lang);
  const items: KpiItem[] = rows.map((r) => ({
    day: r.day,
    key: r.key,
    label: r.key ? (labels.get(r.key) ?? r.key) : '—',
    arrived: r.arrived,
    called: r.called,
    served: r.served,
    noShow: r.no_show,
    noShowPct: pct(r.no_show, r.arrived),
    avgWaitMinutes: r.avg_wait,
    maxWaitMinutes: r.max_wait,
    // Of the tickets with a measured wait: called ones by point/service, first called here by counter/officer.
    aboveTargetPct: pct(r.above_target, query.by === 'counter' || query.by === 'officer' ? r.arrived : r.called),
    avgServiceMinutes: r.avg_service,
    maxServiceMinutes: r.max_service,
  }));
  return { point: { code: point.code, name: { id: point.nameId, en: point.nameEn } }, from, to, by: query.by, targetWaitMinutes: settings.targetWaitMinutes, items };
}

async function labelsFor(ctx: AppContext, point: Awaited<ReturnType<typeof findPoint>>, by: repo.KpiDimension, keys: string[], lang: 'id' | 'en'): Promise<Map<string, string>> {
  if (by === 'point') return new Map([[point.id, lang === 'en' ? point.nameEn : point.nameId]]);
  if (by === 'service') return new Map((await servicesOfPoint(ctx, ctx.db, point)).map((s) => [s.id, s.name[lang]]));
  if (by === 'counter') return new Map((await countersOfPoint(ctx, ctx.db, point)).map((c) => [c.id, `${c.code} – ${c.name[lang]}`]));
  return repo.namesOfUsers(ctx.db, ctx.regencyCode, keys);
}

const HEADERS = {
  id: ['tanggal', 'dimensi', 'nama', 'datang', 'dipanggil', 'dilayani', 'tidak_hadir', 'tidak_hadir_pct', 'rata_tunggu_menit', 'maks_tunggu_menit', 'di_atas_target_pct', 'rata_layanan_menit', 'maks_layanan_menit'],
  en: ['day', 'dimension', 'name', 'arrived', 'called', 'served', 'no_show', 'no_show_pct', 'avg_wait_min', 'max_wait_min', 'above_target_pct', 'avg_service_min', 'max_service_min'],
};

export function kpiCsv(result: Awaited<ReturnType<typeof getKpis>>, lang: 'id' | 'en'): string {
  const n = (v: number | null) => (v == null ? '' : String(v));
  return stringify(
    [
      HEADERS[lang],
      ...result.items.map((i) => [i.day, result.by, i.label, i.arrived, i.called, i.served, i.noShow, n(i.noShowPct), n(i.avgWaitMinutes), n(i.maxWaitMinutes), n(i.aboveTargetPct), n(i.avgServiceMinutes), n(i.maxServiceMinutes)]),
    ],
    { bom: true },
  );
}
