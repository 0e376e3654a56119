/**
 * Figures for the puskesmas head and the leader: the PWS-KIA month per village and puskesmas,
 * and the year's trend for the charts. Counts only — no woman is named — so reading them is not
 * a read of anyone's record.
 */
import type { Actor } from '../shared/actor.ts';
import type { AppContext } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import type { Lang } from '../shared/i18n.ts';
import { recordAudit } from '../audit/service.ts';
import { canDo } from './access.ts';
import { computeFigures, monthBounds, totalRow, type FigureRow } from './figures.ts';
import { pwsKiaXlsx } from './figures-xlsx.ts';
import { pwsKiaCsv, type SheetBlock } from './pws-kia.ts';
import * as repo from './repository.ts';

export type FiguresScope = { month: string; puskesmasId?: string };

async function scopeOf(ctx: AppContext, actor: Actor, puskesmasId?: string): Promise<repo.PlaceRef[]> {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated');
  const all = await repo.listPuskesmas(ctx.db, ctx.regencyCode);
  const allowed = all.filter((k) => canDo(actor, { villageId: null, puskesmasId: k.id }, 'figures'));
  if (!allowed.length) throw new AppError('forbidden');
  if (!puskesmasId) return allowed;
  const one = allowed.find((k) => k.id === puskesmasId);
  if (!one) throw new AppError(all.some((k) => k.id === puskesmasId) ? 'forbidden' : 'not_found');
  return [one];
}

export async function monthlyFigures(ctx: AppContext, actor: Actor, scope: FiguresScope) {
  const puskesmas = await scopeOf(ctx, actor, scope.puskesmasId);
  const { year, monthNo } = monthBounds(scope.month);
  const villages = await repo.listServedVillages(ctx.db, ctx.regencyCode, { puskesmasIds: puskesmas.map((k) => k.id) });
  const villageIds = villages.map((v) => v.id);
  const sources = await repo.loadFigureSources(ctx.db, ctx.regencyCode, villageIds, `${year}-01-01`);
  const targets = new Map((await repo.listTargets(ctx.db, ctx.regencyCode, year, villageIds)).map((t) => [t.villageId, t.pregnantWomen]));
  const rows = computeFigures(sources, villageIds, targets, scope.month);
  const rowOf = new Map(rows.map((r) => [r.villageId, r]));
  const blocks = puskesmas.map((k) => {
    const own = villages.filter((v) => v.puskesmasId === k.id);
    const list = own.map((v) => ({ ...rowOf.get(v.id)!, name: v.name, code: v.code }));
    return { id: k.id, code: k.code, name: k.name, district: own[0]?.district ?? null, villages: list, total: totalRow(list) };
  });
  // The year so far, month by month, for the charts.
  const trend = Array.from({ length: monthNo }, (_, i) => {
    const m = `${year}-${String(i + 1).padStart(2, '0')}`;
    const t = totalRow(computeFigures(sources, villageIds, targets, m));
    return { month: m, registered: t.registered.month, k1: t.k1.month, k4: t.k4.month, k6: t.k6.month, births: t.births.month, facilityBirths: t.facilityBirths.month, highRisk: t.riskHealthWorker.month + t.riskCommunity.month, escortsDone: t.escortsDone.month };
  });
  return { month: scope.month, puskesmas: blocks, total: totalRow(rows as FigureRow[]), trend };
}

/** The month's PWS-KIA sheet, its file name stem, and the audit row of the export. */
async function sheetFor(ctx: AppContext, actor: Actor, scope: FiguresScope, format: 'csv' | 'xlsx', meta: { ip: string | null; requestId: string | null }) {
  const figures = await monthlyFigures(ctx, actor, scope);
  const blocks: SheetBlock[] = figures.puskesmas.map((b) => ({ puskesmas: b.name, district: b.district, villages: b.villages, total: b.total }));
  const regency = (await ctx.db.query.tenants.findFirst({ where: (t, { eq }) => eq(t.regencyCode, ctx.regencyCode) }))?.name ?? ctx.regencyCode;
  await ctx.db.transaction((tx) => recordAudit(tx, ctx.regencyCode, actor, meta, { action: 'export', entityType: 'sakina_figures', entityId: scope.month, details: { format, puskesmas: figures.puskesmas.map((b) => b.code) } }, ctx.now()));
  const stem = `pws-kia-${figures.puskesmas.length === 1 ? figures.puskesmas[0]!.code : 'kabupaten'}-${scope.month}`;
  return { figures, blocks, regency, stem };
}

export async function figuresCsv(ctx: AppContext, actor: Actor, scope: FiguresScope, lang: Lang, meta: { ip: string | null; requestId: string | null }) {
  const { blocks, regency, stem } = await sheetFor(ctx, actor, scope, 'csv', meta);
  return { csv: pwsKiaCsv(blocks, scope.month, lang, regency), filename: `${stem}.csv` };
}

export async function figuresXlsx(ctx: AppContext, actor: Actor, scope: FiguresScope, lang: Lang, meta: { ip: string | null; requestId: string | null }) {
  const { figures, blocks, regency, stem } = await sheetFor(ctx, actor, scope, 'xlsx', meta);
  return { xlsx: await pwsKiaXlsx(blocks, scope.month, lang, regency, figures.total, ctx.now()), filename: `${stem}.xlsx` };
}
