/**
 * Village targets (sasaran ibu hamil): the number of pregnant women a village is expected to have
 * in a year, estimated by the puskesmas from the population (crude birth rate × 1.1, Kemenkes) and
 * the denominator of PWS-KIA coverage. Whoever may read a puskesmas's figures reads its targets
 * (its midwives, the leader); only the puskesmas's own staff set them — the leader's figures
 * access is "other", never "own" (access.ts). Every change is audited with the value it replaced.
 */
import { z } from 'zod';
import type { Actor } from '../shared/actor.ts';
import type { AppContext, RequestMeta } from '../shared/context.ts';
import { AppError } from '../shared/errors.ts';
import { bilingual } from '../shared/validation.ts';
import { recordAudit } from '../audit/service.ts';
import { sakinaAccess } from './access.ts';
import * as repo from './repository.ts';

export const MAX_VILLAGE_TARGET = 5000;

export const targetYear = z.coerce.number().int(bilingual('Tahun harus bilangan bulat', 'Year must be a whole number')).min(2000, bilingual('Tahun 2000–2100', 'Year 2000–2100')).max(2100, bilingual('Tahun 2000–2100', 'Year 2000–2100'));

export const targetsBody = z
  .object({
    year: targetYear,
    targets: z
      .array(
        z.object({
          villageId: z.uuid(),
          pregnantWomen: z
            .number(bilingual('Isi jumlah sasaran', 'Enter the target number'))
            .int(bilingual('Harus bilangan bulat', 'Must be a whole number'))
            .min(0, bilingual('Tidak boleh negatif', 'Must not be negative'))
            .max(MAX_VILLAGE_TARGET, bilingual(`Paling banyak ${MAX_VILLAGE_TARGET} ibu hamil per desa`, `At most ${MAX_VILLAGE_TARGET} pregnant women per village`)),
        }),
      )
      .min(1, bilingual('Isi sasaran paling sedikit satu desa', 'Enter the target of at least one village'))
      .max(200),
  })
  .superRefine((body, issue) => {
    const seen = new Set<string>();
    body.targets.forEach((t, i) => {
      if (seen.has(t.villageId)) issue.addIssue({ code: 'custom', path: ['targets', i, 'villageId'], message: bilingual('Desa ini tercantum dua kali', 'This village is listed twice') });
      seen.add(t.villageId);
    });
  });
export type TargetsInput = z.infer<typeof targetsBody>;

type Relation = 'read' | 'edit';

/** What the actor may do with a puskesmas's targets (derived from the figures access in access.ts). */
export function targetsAccess(actor: Actor, puskesmasId: string): Relation | null {
  const access = sakinaAccess(actor, { villageId: null, puskesmasId });
  if (!access.actions.has('figures')) return null;
  return access.relation === 'own' ? 'edit' : 'read';
}

export type TargetsView = {
  year: number;
  puskesmas: {
    id: string;
    code: string;
    name: string;
    editable: boolean;
    villages: { villageId: string; code: string; name: string; pregnantWomen: number | null; lastYear: number | null }[];
    total: number | null;
  }[];
};

async function readTargets(ctx: AppContext, actor: Actor, year: number, puskesmasId?: string): Promise<TargetsView> {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated');
  const all = await repo.listPuskesmas(ctx.db, ctx.regencyCode);
  let allowed = all.filter((k) => targetsAccess(actor, k.id));
  if (!allowed.length) throw new AppError('forbidden');
  if (puskesmasId) {
    allowed = allowed.filter((k) => k.id === puskesmasId);
    if (!allowed.length) throw new AppError(all.some((k) => k.id === puskesmasId) ? 'forbidden' : 'not_found');
  }
  const villages = await repo.listServedVillages(ctx.db, ctx.regencyCode, { puskesmasIds: allowed.map((k) => k.id) });
  const ids = villages.map((v) => v.id);
  const [current, previous] = await Promise.all([repo.listTargets(ctx.db, ctx.regencyCode, year, ids), repo.listTargets(ctx.db, ctx.regencyCode, year - 1, ids)]);
  const now = new Map(current.map((t) => [t.villageId, t.pregnantWomen]));
  const before = new Map(previous.map((t) => [t.villageId, t.pregnantWomen]));
  return {
    year,
    puskesmas: allowed.map((k) => {
      const list = villages.filter((v) => v.puskesmasId === k.id).map((v) => ({ villageId: v.id, code: v.code, name: v.name, pregnantWomen: now.get(v.id) ?? null, lastYear: before.get(v.id) ?? null }));
      const complete = list.length > 0 && list.every((v) => v.pregnantWomen !== null);
      return { ...k, editable: targetsAccess(actor, k.id) === 'edit', villages: list, total: complete ? list.reduce((s, v) => s + v.pregnantWomen!, 0) : null };
    }),
  };
}

/** The year's targets of every village the actor may see, by puskesmas (counts only: no audit). */
export function listTargets(ctx: AppContext, actor: Actor, year: number, puskesmasId?: string): Promise<TargetsView> {
  return readTargets(ctx, actor, year, puskesmasId);
}

/** Sets the year's targets of the given villages; the villages must all be the actor's own puskesmas's. */
export async function saveTargets(ctx: AppContext, actor: Actor, input: TargetsInput, meta: Partial<RequestMeta>): Promise<TargetsView> {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated');
  const villages = await repo.listServedVillages(ctx.db, ctx.regencyCode, { villageIds: input.targets.map((t) => t.villageId) });
  const byId = new Map(villages.map((v) => [v.id, v]));
  const fields: { field: string; message: { id: string; en: string } }[] = [];
  input.targets.forEach((t, i) => {
    if (!byId.has(t.villageId)) fields.push({ field: `targets.${i}.villageId`, message: { id: 'Desa ini tidak dilayani puskesmas mana pun.', en: 'No puskesmas serves this village.' } });
  });
  if (fields.length) throw new AppError('validation_failed', undefined, fields);
  const puskesmasIds = [...new Set(villages.map((v) => v.puskesmasId))];
  if (puskesmasIds.some((id) => targetsAccess(actor, id) !== 'edit')) {
    throw new AppError('forbidden', { id: 'Sasaran desa diisi oleh puskesmas yang melayani desa itu.', en: 'A village\'s target is set by the puskesmas that serves it.' });
  }
  await ctx.db.transaction(async (tx) => {
    const old = new Map((await repo.listTargets(tx, ctx.regencyCode, input.year, input.targets.map((t) => t.villageId))).map((t) => [t.villageId, t.pregnantWomen]));
    const changes = input.targets.filter((t) => old.get(t.villageId) !== t.pregnantWomen).map((t) => ({ villageId: t.villageId, village: byId.get(t.villageId)!.code, from: old.get(t.villageId) ?? null, to: t.pregnantWomen }));
    if (!changes.length) return;
    for (const t of input.targets) await repo.upsertTarget(tx, { regencyCode: ctx.regencyCode, year: input.year, villageId: t.villageId, pregnantWomen: t.pregnantWomen });
    await recordAudit(tx, ctx.regencyCode, actor, meta, { action: 'update', entityType: 'sakina_targets', entityId: String(input.year), details: { changes } }, ctx.now());
  });
  return readTargets(ctx, actor, input.year, puskesmasIds.length === 1 ? puskesmasIds[0] : undefined);
}
