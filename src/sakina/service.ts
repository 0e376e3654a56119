/**
 * SAKINA use cases: the register, antenatal visits with the KSPR card, the birth plan, the team,
 * the outcome and the postpartum visits. Each checks access first (access.ts), then works in one
 * transaction with its audit row — reads of a woman's record included.
 */
import { recordAudit } from '../audit/service.ts';
import type { DbOrTx } from '../db/client.ts';
import { parseNik } from '../identity/nik.ts';
import { normaliseMobile } from '../identity/phone.ts';
import { validNik } from '../identity/service.ts';
import * as identity from '../identity/repository.ts';
import { isKecamatanNikPrefix } from '../regions/district-codes.ts';
import type { Actor, UserActor } from '../shared/actor.ts';
import type { AppContext, RequestMeta } from '../shared/context.ts';
import { AppError, type LocalText } from '../shared/errors.ts';
import { canDo, isSakinaStaff, sakinaAccess, type Access, type SakinaAction, type Subject } from './access.ts';
import { activeFactors, applyRetractions, isHighRisk, newDangerSigns, riskFoundOnOf, scoreKspr, type KsprFactor, type Screening } from './kspr.ts';
import { addTask, byDuty, ensureTeam, HOME_VISIT_WITHIN_DAYS, inDays, notify, raiseAlert, today, who } from './laskar.ts';
import { MESSAGES } from './messages.ts';
import type { BirthPlanInput, ConfirmInput, OutcomeInput, PostpartumInput, RegisterInput, ReportInput, RetractFactorInput, TeamInput, UpdateInput, VisitInput } from './model.ts';
import { checkBirthPlan } from './p4k.ts';
import { checkHpht, daysBetween, dueDateOf, gestationalAge, kfVisitOf, ksprColumnOfDays, postpartumEnd } from './pregnancy.ts';
import * as repo from './repository.ts';
import { FACILITY_PLACES, type Duty, type PregnancyStatus } from './schema.ts';
import { factorsOf, pregnancyView, summaryView } from './view.ts';

type Field = { field: string; message: LocalText };
const ENTITY = 'sakina_pregnancy';

export function pgCode(error: unknown): string | undefined {
  const e = error as { code?: string; cause?: { code?: string } };
  return e?.cause?.code ?? e?.code;
}

export function subjectOf(p: repo.PregnancyRow): Subject {
  return { villageId: p.villageId, puskesmasId: p.puskesmasId, category: p.category, status: p.status };
}

function requireStaff(actor: Actor): UserActor {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated');
  if (actor.kind !== 'user' || !isSakinaStaff(actor)) throw new AppError('forbidden');
  return actor;
}

const notFound = () => new AppError('not_found', { id: 'Data ibu hamil tidak ditemukan.', en: 'Pregnancy record not found.' });

/**
 * Loads a record the actor may see, or answers 404 as if it did not exist (its existence is
 * personal data too). With `action`, also requires that action (403 when the record is visible).
 */
export async function loadFor(tx: DbOrTx, ctx: AppContext, actor: Actor, id: string, action?: SakinaAction, forUpdate = false): Promise<{ p: repo.PregnancyWithPlaces; access: Access }> {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated');
  const p = await repo.findPregnancy(tx, ctx.regencyCode, id, forUpdate);
  if (!p) throw notFound();
  const access = sakinaAccess(actor, subjectOf(p));
  if (access.fields.size === 0 && !(action && access.actions.has(action))) throw notFound();
  if (action && !access.actions.has(action)) throw new AppError('forbidden');
  return { p, access };
}

function stateError(id: string, en: string): AppError {
  return new AppError('conflict', { id, en });
}

function requireStatus(p: repo.PregnancyRow, allowed: PregnancyStatus[], message: LocalText): void {
  if (!allowed.includes(p.status)) throw new AppError('conflict', message);
}

const NOT_ACTIVE: LocalText = { id: 'Kehamilan ini belum dikonfirmasi bidan atau sudah selesai.', en: 'This pregnancy is not confirmed yet, or it has ended.' };

function audit(tx: DbOrTx, ctx: AppContext, actor: Actor, meta: Partial<RequestMeta>, action: string, p: repo.PregnancyRow, details?: Record<string, unknown>, entity?: { type: string; id: string }) {
  return recordAudit(tx, ctx.regencyCode, actor, meta, { action, entityType: entity?.type ?? ENTITY, entityId: entity?.id ?? p.id, subjectNik: p.nik, details: { pregnancyId: p.id, ...details } }, ctx.now());
}

// ── validation of identity data ───────────────────────────────────────────────────────────

type Identity = {
  nik: string | null;
  birthDate: string | null;
  phone: string | null;
  familyPhone: string | null;
  hpht: string | null;
};

/** Checks NIK (a woman's), phones and HPHT together, so a form hears about every problem at once. */
function checkIdentity(input: { nik?: string | null; birthDate?: string | null; phone?: string | null; familyPhone?: string | null; hpht?: string | null }, todayDate: string, fields: Field[]): Identity {
  const out: Identity = { nik: null, birthDate: input.birthDate ?? null, phone: null, familyPhone: null, hpht: input.hpht ?? null };
  if (input.nik) {
    try {
      out.nik = validNik(input.nik);
      const parsed = parseNik(out.nik, { isKecamatan: isKecamatanNikPrefix, today: new Date(`${todayDate}T12:00:00+07:00`) });
      if (parsed.ok) {
        if (parsed.sex !== 'F') fields.push({ field: 'nik', message: { id: 'NIK ini milik laki-laki (pada NIK perempuan tanggal lahir ditambah 40)', en: 'This NIK is a man\'s (a woman\'s NIK adds 40 to the birth day)' } });
        else if (input.birthDate && input.birthDate !== parsed.birthDate) fields.push({ field: 'birthDate', message: { id: `Tanggal lahir tidak cocok dengan NIK (${parsed.birthDate})`, en: `The birth date does not match the NIK (${parsed.birthDate})` } });
        else out.birthDate = parsed.birthDate;
      }
    } catch (error) {
      if (error instanceof AppError && error.fields) fields.push(...error.fields);
      else throw error;
    }
  }
  for (const key of ['phone', 'familyPhone'] as const) {
    const value = input[key];
    if (!value) continue;
    const phone = normaliseMobile(value);
    if (!phone) fields.push({ field: key, message: { id: 'Nomor HP Indonesia tidak valid (contoh: 0812 3456 7890)', en: 'Not a valid Indonesian mobile number (e.g. 0812 3456 7890)' } });
    else out[key] = phone;
  }
  if (out.birthDate && out.birthDate > todayDate) fields.push({ field: 'birthDate', message: { id: 'Tanggal lahir belum terjadi', en: 'The birth date is in the future' } });
  if (input.hpht) {
    const problem = checkHpht(input.hpht, todayDate);
    if (problem === 'in_future') fields.push({ field: 'hpht', message: { id: 'HPHT tidak boleh setelah hari ini', en: 'The first day of the last period cannot be after today' } });
    if (problem === 'too_old') fields.push({ field: 'hpht', message: { id: 'HPHT lebih dari 44 minggu yang lalu: periksa kembali tanggalnya', en: 'The last period began more than 44 weeks ago: check the date' } });
  }
  return out;
}

function checkObstetric(input: { gravida?: number; para?: number; abortus?: number; livingChildren?: number | null; lastBirthDate?: string | null; marriageDate?: string | null; bpjsNumber?: string | null; hpht?: string | null }, todayDate: string, fields: Field[]): void {
  if (input.gravida !== undefined && input.para !== undefined && input.abortus !== undefined && input.para + input.abortus > input.gravida - 1) {
    fields.push({ field: 'para', message: { id: 'Jumlah persalinan + keguguran harus kurang dari jumlah kehamilan (G = P + A + 1)', en: 'Births plus losses must be fewer than pregnancies (G = P + A + 1)' } });
  }
  if (input.lastBirthDate && ((input.hpht && input.lastBirthDate >= input.hpht) || input.lastBirthDate > todayDate)) {
    fields.push({ field: 'lastBirthDate', message: { id: 'Tanggal persalinan terakhir harus sebelum HPHT', en: 'The last birth must be before this pregnancy began' } });
  }
  if (input.marriageDate && input.marriageDate > todayDate) fields.push({ field: 'marriageDate', message: { id: 'Tanggal menikah belum terjadi', en: 'The marriage date is in the future' } });
  if (input.bpjsNumber && !/^\d{13}$/.test(input.bpjsNumber.replace(/\s/g, ''))) fields.push({ field: 'bpjsNumber', message: { id: 'Nomor kartu BPJS Kesehatan terdiri dari 13 angka', en: 'A BPJS card number has 13 digits' } });
}

function failIf(fields: Field[]): void {
  if (fields.length) throw new AppError('validation_failed', undefined, fields);
}

/** A village the SAKINA programme serves, with its puskesmas. */
async function placeOf(tx: DbOrTx, ctx: AppContext, villageId: string): Promise<{ villageId: string; puskesmasId: string }> {
  const village = await identity.findPlace(tx, ctx.regencyCode, villageId);
  const pkm = village?.kind === 'village' ? await repo.findPuskesmasOfVillage(tx, ctx.regencyCode, villageId) : null;
  if (!village || village.kind !== 'village' || !pkm) {
    throw new AppError('validation_failed', undefined, [{ field: 'villageId', message: { id: 'Desa tidak dikenal atau belum dilayani puskesmas SAKINA', en: 'Unknown village, or no SAKINA puskesmas serves it' } }]);
  }
  return { villageId, puskesmasId: pkm.id };
}

// ── places ────────────────────────────────────────────────────────────────────────────────

/** The villages this person works in (for the register's forms and filters). */
export async function listMyVillages(ctx: AppContext, actor: Actor) {
  const user = requireStaff(actor);
  const ids = (kind: 'village' | 'puskesmas') => user.places.filter((p) => p.kind === kind).map((p) => p.id);
  const villages = user.role === 'midwife' ? await repo.listServedVillages(ctx.db, ctx.regencyCode, { puskesmasIds: ids('puskesmas') }) : await repo.listServedVillages(ctx.db, ctx.regencyCode, { villageIds: ids('village') });
  return villages.map((v) => ({ id: v.id, code: v.code, name: v.name, district: v.district, puskesmas: { id: v.puskesmasId, name: v.puskesmasName } }));
}

// ── register ──────────────────────────────────────────────────────────────────────────────

type DuplicateView = { id: string | null; name: string | null; village: string | null; puskesmas: string; status: string | null; dueDate: string | null; sameNik: boolean };

function duplicateViews(actor: Actor, candidates: repo.PregnancyWithPlaces[], nik: string | null): DuplicateView[] {
  return candidates.map((c) => {
    const access = sakinaAccess(actor, subjectOf(c));
    const visible = access.fields.has('name');
    // Outside one's area only the puskesmas is told, so the two can talk; nothing about her.
    return visible
      ? { id: c.id, name: c.name, village: c.village.name, puskesmas: c.puskesmas.name, status: access.fields.has('status') ? c.status : null, dueDate: access.fields.has('dueDate') ? c.hpl : null, sameNik: !!nik && c.nik === nik }
      : { id: null, name: null, village: null, puskesmas: c.puskesmas.name, status: null, dueDate: null, sameNik: !!nik && c.nik === nik };
  });
}

/**
 * A pregnancy reported by a kader or village official (or anyone on the team) — a name and a
 * village are enough. It stays "reported" until the midwife confirms it.
 */
export async function reportPregnancy(ctx: AppContext, actor: Actor, input: ReportInput, meta: RequestMeta) {
  const user = requireStaff(actor);
  const fields: Field[] = [];
  const id = checkIdentity(input, today(ctx), fields);
  failIf(fields);
  // A report arriving twice at once meets its own client id in the unique index: a replay.
  const replay = async (tx: DbOrTx) => {
    const existing = input.clientId ? await repo.findPregnancyByClientId(tx, ctx.regencyCode, input.clientId) : null;
    return existing && existing.reportedBy === user.userId ? { id: existing.id, status: existing.status, replayed: true, possibleDuplicates: 0 } : null;
  };
  const result = await ctx.db.transaction(async (tx) => {
    if (input.clientId) {
      const existing = await repo.findPregnancyByClientId(tx, ctx.regencyCode, input.clientId);
      if (existing && existing.reportedBy === user.userId) return { id: existing.id, status: existing.status, replayed: true, possibleDuplicates: 0 };
      if (existing) throw new AppError('conflict', { id: 'ID klien sudah dipakai.', en: 'This client id is already used.' });
    }
    const place = await placeOf(tx, ctx, input.villageId);
    if (!canDo(user, { ...place, status: 'reported' }, 'report')) throw new AppError('forbidden', { id: 'Anda hanya dapat melapor untuk desa Anda sendiri.', en: 'You can report only for your own village.' });
    const candidates = await repo.findDuplicateCandidates(tx, ctx.regencyCode, { nik: id.nik, name: input.name, birthDate: id.birthDate, villageId: place.villageId });
    const saved = await repo.insertPregnancy(tx, {
      regencyCode: ctx.regencyCode,
      status: 'reported',
      nik: id.nik,
      name: input.name,
      birthDate: id.birthDate,
      ...place,
      dusun: input.dusun,
      rt: input.rt,
      rw: input.rw,
      address: input.address,
      phone: id.phone,
      hpht: id.hpht,
      hpl: id.hpht ? dueDateOf(id.hpht) : null,
      familyName: input.familyName,
      familyRelation: input.familyRelation,
      familyPhone: id.familyPhone,
      reportedVia: user.role === 'midwife' ? 'health_worker' : 'community',
      reportedBy: user.userId,
      reportedAt: ctx.now(),
      reportNote: input.note,
      clientId: input.clientId ?? null,
      createdAt: ctx.now(),
      updatedAt: ctx.now(),
    });
    await audit(tx, ctx, actor, meta, 'create', saved, { status: 'reported', possibleDuplicates: candidates.length });
    const p = (await repo.findPregnancy(tx, ctx.regencyCode, saved.id))!;
    if (user.role !== 'midwife') {
      const midwives = (await repo.listStaffAt(tx, ctx.regencyCode, place.puskesmasId, 'midwife')).map((m) => ({ userId: m.id, phone: m.phone, locale: m.locale }));
      await notify(tx, ctx, midwives, `sakina:report:${saved.id}`, 'sakina.new_report', MESSAGES.newReport(who(p), user.displayName));
    }
    // The reporter hears of duplicates she could see anyway (her own village); nothing else.
    const visible = candidates.filter((c) => sakinaAccess(actor, subjectOf(c)).fields.has('name')).length;
    return { id: saved.id, status: saved.status, replayed: false, possibleDuplicates: visible };
  }).catch(async (error: unknown) => {
    // The same report twice at once (a phone retrying on a weak signal while the first is in flight).
    if (pgCode(error) === '23505' && input.clientId) {
      const replayed = await replay(ctx.db);
      if (replayed) return replayed;
    }
    throw error;
  });
  ctx.wake('outbox-deliver');
  return result;
}

/**
 * The possible duplicates of a woman about to be registered, for the midwife to compare side by
 * side before she saves (the registration itself refuses them until she has decided).
 */
export async function findDuplicates(ctx: AppContext, actor: Actor, probe: { nik?: string | null; name: string; birthDate?: string | null; villageId: string; excludeId?: string | null }, meta: RequestMeta) {
  requireStaff(actor);
  const fields: Field[] = [];
  const ident = checkIdentity({ nik: probe.nik, birthDate: probe.birthDate }, today(ctx), fields);
  failIf(fields);
  return ctx.db.transaction(async (tx) => {
    const place = await placeOf(tx, ctx, probe.villageId);
    if (!canDo(actor, { ...place, status: 'active' }, 'register')) throw new AppError('forbidden');
    const candidates = await repo.findDuplicateCandidates(tx, ctx.regencyCode, { nik: ident.nik, name: probe.name, birthDate: ident.birthDate, villageId: place.villageId, excludeId: probe.excludeId ?? null });
    await auditReads(tx, ctx, actor, meta, candidates.filter((c) => sakinaAccess(actor, subjectOf(c)).fields.has('name')), 'duplicates');
    return duplicateViews(actor, candidates, ident.nik);
  });
}

/** Refuses a registration that may be a woman already on the register, unless the midwife has judged each candidate. */
async function guardDuplicates(tx: DbOrTx, ctx: AppContext, actor: Actor, probe: { nik: string; name: string; birthDate: string | null; villageId: string; excludeId?: string }, notDuplicateOf: string[]): Promise<void> {
  const candidates = await repo.findDuplicateCandidates(tx, ctx.regencyCode, { ...probe, excludeId: probe.excludeId ?? null });
  const sameNikActive = candidates.filter((c) => c.nik === probe.nik && c.status === 'active');
  if (sameNikActive.length) {
    throw new AppError(
      'already_exists',
      { id: 'Ibu dengan NIK ini sudah terdaftar hamil. Gabungkan laporan ini ke data yang ada, atau hubungi puskesmasnya.', en: 'A pregnancy with this NIK is already registered. Merge this report into it, or contact its puskesmas.' },
      [{ field: 'nik', message: { id: 'NIK sudah terdaftar pada kehamilan yang sedang berjalan', en: 'This NIK is on an open pregnancy already' } }],
      { duplicates: duplicateViews(actor, sameNikActive, probe.nik) },
    );
  }
  const open = candidates.filter((c) => !notDuplicateOf.includes(c.id));
  if (open.length) {
    throw new AppError(
      'conflict',
      { id: 'Mungkin ibu ini sudah tercatat. Bandingkan dengan data berikut, lalu gabungkan atau nyatakan bukan orang yang sama.', en: 'She may be on the register already. Compare with these records, then merge or declare them different women.' },
      undefined,
      { duplicates: duplicateViews(actor, open, probe.nik) },
    );
  }
}

function registrationFields(input: RegisterInput | ConfirmInput, ident: Identity) {
  return {
    nik: ident.nik,
    name: input.name,
    birthDate: ident.birthDate,
    dusun: input.dusun,
    rt: input.rt,
    rw: input.rw,
    address: input.address,
    phone: ident.phone,
    hpht: input.hpht,
    hpl: dueDateOf(input.hpht),
    gravida: input.gravida,
    para: input.para,
    abortus: input.abortus,
    livingChildren: input.livingChildren,
    heightCm: input.heightCm,
    lastBirthDate: input.lastBirthDate,
    marriageDate: input.marriageDate,
    previousCaesarean: input.previousCaesarean,
    familyName: input.familyName,
    familyRelation: input.familyRelation,
    familyPhone: ident.familyPhone,
    bpjsNumber: input.bpjsNumber?.replace(/\s/g, '') || null,
  };
}

function checkRegistration(ctx: AppContext, input: RegisterInput | ConfirmInput): Identity {
  const fields: Field[] = [];
  const ident = checkIdentity(input, today(ctx), fields);
  checkObstetric(input, today(ctx), fields);
  failIf(fields);
  return ident;
}

/** Runs a write that may hit the one-open-pregnancy-per-NIK index under a race, and says so plainly. */
async function withNikGuard<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (pgCode(error) === '23505') {
      throw new AppError('already_exists', { id: 'Ibu dengan NIK ini sudah terdaftar hamil.', en: 'A pregnancy with this NIK is already registered.' }, [{ field: 'nik', message: { id: 'NIK sudah terdaftar', en: 'NIK already registered' } }]);
    }
    throw error;
  }
}

/** A midwife registers a pregnancy directly, complete. */
export async function registerPregnancy(ctx: AppContext, actor: Actor, input: RegisterInput, meta: RequestMeta) {
  const user = requireStaff(actor);
  const ident = checkRegistration(ctx, input);
  return withNikGuard(() =>
    ctx.db.transaction(async (tx) => {
      if (input.clientId) {
        const existing = await repo.findPregnancyByClientId(tx, ctx.regencyCode, input.clientId);
        if (existing && existing.reportedBy === user.userId) return { id: existing.id, status: existing.status, replayed: true };
        if (existing) throw new AppError('conflict', { id: 'ID klien sudah dipakai.', en: 'This client id is already used.' });
      }
      const place = await placeOf(tx, ctx, input.villageId);
      if (!canDo(user, { ...place, status: 'active' }, 'register')) throw new AppError('forbidden', { id: 'Anda hanya dapat mendaftarkan ibu hamil di wilayah puskesmas Anda.', en: 'You can register pregnancies only in your puskesmas area.' });
      await guardDuplicates(tx, ctx, actor, { nik: ident.nik!, name: input.name, birthDate: ident.birthDate, villageId: place.villageId }, input.notDuplicateOf);
      const saved = await repo.insertPregnancy(tx, {
        regencyCode: ctx.regencyCode,
        status: 'active',
        ...place,
        ...registrationFields(input, ident),
        reportedVia: 'health_worker',
        reportedBy: user.userId,
        reportedAt: ctx.now(),
        confirmedBy: user.userId,
        confirmedAt: ctx.now(),
        clientId: input.clientId ?? null,
        createdAt: ctx.now(),
        updatedAt: ctx.now(),
      });
      await audit(tx, ctx, actor, meta, 'create', saved, { status: 'active', notDuplicateOf: input.notDuplicateOf });
      return { id: saved.id, status: saved.status, replayed: false };
    }),
  );
}

/** The midwife confirms a community report, completing what the kader could not know. */
export async function confirmPregnancy(ctx: AppContext, actor: Actor, id: string, input: ConfirmInput, meta: RequestMeta) {
  requireStaff(actor);
  const ident = checkRegistration(ctx, input);
  return withNikGuard(() =>
    ctx.db.transaction(async (tx) => {
      const { p } = await loadFor(tx, ctx, actor, id, 'confirm', true);
      requireStatus(p, ['reported'], { id: 'Laporan ini sudah dikonfirmasi, digabung atau ditarik.', en: 'This report has already been confirmed, merged or withdrawn.' });
      const place = await placeOf(tx, ctx, input.villageId);
      if (!canDo(actor, { ...place, status: 'active' }, 'register')) throw new AppError('forbidden', { id: 'Desa ini di luar wilayah puskesmas Anda.', en: 'This village is outside your puskesmas area.' });
      await guardDuplicates(tx, ctx, actor, { nik: ident.nik!, name: input.name, birthDate: ident.birthDate, villageId: place.villageId, excludeId: p.id }, input.notDuplicateOf);
      const user = actor as UserActor;
      await repo.updatePregnancy(tx, ctx.regencyCode, p.id, { status: 'active', ...place, ...registrationFields(input, ident), confirmedBy: user.userId, confirmedAt: ctx.now(), updatedAt: ctx.now() });
      await audit(tx, ctx, actor, meta, 'confirm', { ...p, nik: ident.nik }, { notDuplicateOf: input.notDuplicateOf });
      return { id: p.id, status: 'active' as const, replayed: false };
    }),
  );
}

/** A report that turned out to be a woman already registered: it is merged, never silently overwritten. */
export async function mergeReport(ctx: AppContext, actor: Actor, id: string, into: string, meta: RequestMeta) {
  requireStaff(actor);
  return ctx.db.transaction(async (tx) => {
    const { p } = await loadFor(tx, ctx, actor, id, 'confirm', true);
    requireStatus(p, ['reported'], { id: 'Hanya laporan yang belum dikonfirmasi yang dapat digabung.', en: 'Only an unconfirmed report can be merged.' });
    if (into === id) throw new AppError('validation_failed', undefined, [{ field: 'into', message: { id: 'Tidak dapat digabung ke dirinya sendiri', en: 'Cannot merge a record into itself' } }]);
    const { p: target } = await loadFor(tx, ctx, actor, into, 'confirm');
    requireStatus(target, ['reported', 'active'], { id: 'Data tujuan sudah tidak berjalan.', en: 'The target record is no longer open.' });
    // What the report knew and the register did not is kept; nothing the register holds is replaced.
    const fill: Partial<repo.PregnancyRow> = {};
    for (const key of ['phone', 'dusun', 'rt', 'rw', 'address', 'familyName', 'familyRelation', 'familyPhone'] as const) if (!target[key] && p[key]) (fill as Record<string, unknown>)[key] = p[key];
    if (Object.keys(fill).length) await repo.updatePregnancy(tx, ctx.regencyCode, target.id, { ...fill, updatedAt: ctx.now() });
    await repo.updatePregnancy(tx, ctx.regencyCode, p.id, { status: 'merged', mergedInto: target.id, updatedAt: ctx.now() });
    await audit(tx, ctx, actor, meta, 'merge', p, { into: target.id, filled: Object.keys(fill) });
    return { id: p.id, status: 'merged' as const, into: target.id };
  });
}

/** A report that was not a pregnancy (or the woman moved away): withdrawn with a reason. */
export async function withdrawReport(ctx: AppContext, actor: Actor, id: string, reason: string, meta: RequestMeta) {
  requireStaff(actor);
  return ctx.db.transaction(async (tx) => {
    const { p } = await loadFor(tx, ctx, actor, id, 'confirm', true);
    requireStatus(p, ['reported'], { id: 'Hanya laporan yang belum dikonfirmasi yang dapat ditarik.', en: 'Only an unconfirmed report can be withdrawn.' });
    await repo.updatePregnancy(tx, ctx.regencyCode, p.id, { status: 'withdrawn', reportNote: [p.reportNote, `[${reason}]`].filter(Boolean).join(' '), updatedAt: ctx.now() });
    await audit(tx, ctx, actor, meta, 'withdraw', p, { reason });
    return { id: p.id, status: 'withdrawn' as const };
  });
}

export async function updatePregnancy(ctx: AppContext, actor: Actor, id: string, input: UpdateInput, meta: RequestMeta) {
  requireStaff(actor);
  const fields: Field[] = [];
  const ident = checkIdentity({ ...input, nik: null }, today(ctx), fields);
  return ctx.db.transaction(async (tx) => {
    const { p } = await loadFor(tx, ctx, actor, id, 'update', true);
    requireStatus(p, ['reported', 'active', 'delivered'], NOT_ACTIVE);
    checkObstetric({ gravida: input.gravida ?? p.gravida ?? undefined, para: input.para ?? p.para ?? undefined, abortus: input.abortus ?? p.abortus ?? undefined, lastBirthDate: input.lastBirthDate, marriageDate: input.marriageDate, bpjsNumber: input.bpjsNumber, hpht: input.hpht ?? p.hpht }, today(ctx), fields);
    failIf(fields);
    const patch: Partial<repo.PregnancyRow> = {};
    const keys = ['name', 'dusun', 'rt', 'rw', 'address', 'familyName', 'familyRelation', 'gravida', 'para', 'abortus', 'livingChildren', 'heightCm', 'lastBirthDate', 'marriageDate', 'previousCaesarean', 'bpjsNumber'] as const;
    for (const key of keys) if (input[key] !== undefined) (patch as Record<string, unknown>)[key] = input[key];
    if (input.phone !== undefined) patch.phone = ident.phone;
    if (input.familyPhone !== undefined) patch.familyPhone = ident.familyPhone;
    if (input.hpht !== undefined) {
      patch.hpht = input.hpht;
      patch.hpl = dueDateOf(input.hpht);
    }
    await repo.updatePregnancy(tx, ctx.regencyCode, p.id, { ...patch, updatedAt: ctx.now() });
    await audit(tx, ctx, actor, meta, 'update', p, { fields: Object.keys(patch) });
    return { id: p.id, updated: Object.keys(patch) };
  });
}

// ── reading ───────────────────────────────────────────────────────────────────────────────

export type ListFilter = { status?: PregnancyStatus; category?: 'KRR' | 'KRT' | 'KRST'; villageId?: string; q?: string; dueWithinDays?: number; limit?: number; offset?: number };

/** The scope of an actor's lists: her puskesmas, their villages, or (police) their villages' KRT/KRST women still pregnant. */
export function listScope(user: UserActor): repo.PregnancyFilter {
  const ids = (kind: 'village' | 'puskesmas') => user.places.filter((p) => p.kind === kind).map((p) => p.id);
  switch (user.role) {
    case 'midwife':
      return { puskesmasIds: ids('puskesmas'), statuses: ['reported', 'active', 'delivered'] };
    case 'village_official':
      return { villageIds: ids('village'), statuses: ['reported', 'active', 'delivered'] };
    case 'police_officer':
      return { villageIds: ids('village'), statuses: ['active'], categories: ['KRT', 'KRST'] };
    default:
      return { villageIds: [] };
  }
}

/** Audits one read per woman shown (a list shows personal data too), in one transaction. */
async function auditReads(tx: DbOrTx, ctx: AppContext, actor: Actor, meta: RequestMeta, list: repo.PregnancyRow[], view: string): Promise<void> {
  for (const p of list) await audit(tx, ctx, actor, meta, 'read', p, { view });
}

export async function listPregnanciesFor(ctx: AppContext, actor: Actor, filter: ListFilter, meta: RequestMeta) {
  const user = requireStaff(actor);
  const scope = listScope(user);
  const f: repo.PregnancyFilter = { ...scope, limit: Math.min(filter.limit ?? 50, 100), offset: filter.offset ?? 0, q: filter.q };
  if (filter.status) f.statuses = scope.statuses?.includes(filter.status) ? [filter.status] : [];
  if (filter.category) f.categories = scope.categories ? scope.categories.filter((c) => c === filter.category) : [filter.category];
  if (filter.villageId) f.villageIds = scope.villageIds ? scope.villageIds.filter((v) => v === filter.villageId) : [filter.villageId];
  if (filter.dueWithinDays !== undefined) f.dueBy = inDays(ctx, filter.dueWithinDays);
  return ctx.db.transaction(async (tx) => {
    const rows = (await repo.listPregnancies(tx, ctx.regencyCode, f)).map((p) => ({ p, access: sakinaAccess(actor, subjectOf(p)) })).filter((r) => r.access.fields.size > 0);
    await auditReads(tx, ctx, actor, meta, rows.map((r) => r.p), 'list');
    return rows.map((r) => summaryView(r.p, r.access, today(ctx)));
  });
}

async function loadExtras(tx: DbOrTx, ctx: AppContext, p: repo.PregnancyRow, access: Access) {
  const has = (f: Parameters<Access['fields']['has']>[0]) => access.fields.has(f);
  const visits = has('visits') || has('kspr') || has('anc') ? await repo.listVisits(tx, ctx.regencyCode, [p.id]) : [];
  const plan = has('birthPlan') ? await repo.findBirthPlan(tx, ctx.regencyCode, p.id) : null;
  const team = has('team') ? await repo.listTeam(tx, ctx.regencyCode, p.id) : [];
  const tasks = has('tasks') ? await repo.listTasks(tx, ctx.regencyCode, [p.id]) : [];
  const escorts = has('escorts') ? await repo.listEscorts(tx, ctx.regencyCode, [p.id]) : [];
  const outcome = has('outcome') ? await repo.findOutcome(tx, ctx.regencyCode, p.id) : null;
  const postpartum = has('postpartum') ? await repo.listPostpartumVisits(tx, ctx.regencyCode, p.id) : [];
  const retractions = has('kspr') ? await repo.listRetractions(tx, ctx.regencyCode, p.id) : [];
  const userIds = new Set<string>([p.reportedBy, ...retractions.map((r) => r.retractedBy), ...tasks.flatMap((t) => (t.assigneeId ? [t.assigneeId] : [])), ...escorts.flatMap((e) => [e.requestedBy, ...(e.acceptedBy ? [e.acceptedBy] : [])])]);
  const names = new Map((await repo.findStaff(tx, ctx.regencyCode, [...userIds])).map((u) => [u.id, u.displayName]));
  return { visits, plan, team, tasks, escorts, outcome, postpartum, retractions, names };
}

/** One woman's record as the reader may see it; the read is audited with the fields shown. */
export async function getPregnancy(ctx: AppContext, actor: Actor, id: string, meta: RequestMeta) {
  requireStaff(actor);
  return ctx.db.transaction(async (tx) => {
    const { p, access } = await loadFor(tx, ctx, actor, id);
    const extras = await loadExtras(tx, ctx, p, access);
    await audit(tx, ctx, actor, meta, 'read', p, { view: 'record', fields: [...access.fields] });
    return pregnancyView(p, access, today(ctx), (actor as UserActor).role, extras);
  });
}

// ── antenatal visits and the KSPR card ────────────────────────────────────────────────────

/**
 * Records an antenatal visit and its KSPR screening. Every factor found before stays counted;
 * a newly high-risk woman gets her team and a home visit; a new danger sign alerts the team,
 * and a group III sign raises an emergency to all of it, police included.
 */
export async function recordVisit(ctx: AppContext, actor: Actor, id: string, input: VisitInput, meta: RequestMeta) {
  const user = requireStaff(actor);
  const todayDate = today(ctx);
  const result = await ctx.db.transaction(async (tx) => {
    if (input.clientId) {
      const existing = await repo.findVisitByClientId(tx, ctx.regencyCode, input.clientId);
      if (existing && existing.pregnancyId === id) return { visitId: existing.id, replayed: true, alerts: [] as string[] };
      if (existing) throw new AppError('conflict', { id: 'ID klien sudah dipakai.', en: 'This client id is already used.' });
    }
    const { p } = await loadFor(tx, ctx, actor, id, 'visit', true);
    requireStatus(p, ['active'], NOT_ACTIVE);
    const ga = gestationalAge(p.hpht!, input.visitDate);
    const fields: Field[] = [];
    if (input.visitDate > todayDate) fields.push({ field: 'visitDate', message: { id: 'Tanggal kunjungan belum terjadi', en: 'The visit date is in the future' } });
    if (!ga) fields.push({ field: 'visitDate', message: { id: 'Tanggal kunjungan sebelum HPHT', en: 'The visit is before the last period began' } });
    else if (ga.days > 320) fields.push({ field: 'visitDate', message: { id: 'Usia kehamilan pada tanggal ini lebih dari 45 minggu', en: 'The pregnancy would be over 45 weeks on this date' } });
    failIf(fields);

    const found = factorsOf(input.factors);
    const previous = await screeningsOf(tx, ctx, p.id);
    const screenings = [...previous, { date: input.visitDate, gaDays: ga!.days, factors: found }];
    // This visit's column scores what was found up to its date; the woman's card, everything so far.
    const atVisit = scoreKspr(activeFactors(screenings, input.visitDate, null));
    const overall = scoreKspr(activeFactors(screenings, screenings.map((s) => s.date).sort().at(-1)!, null));
    const before = factorsOf(p.factors);
    const visit = await repo.insertVisit(tx, {
      regencyCode: ctx.regencyCode,
      pregnancyId: p.id,
      visitDate: input.visitDate,
      gaDays: ga!.days,
      ksprColumn: ksprColumnOfDays(ga!.days),
      place: input.place,
      examiner: input.examiner,
      examinerName: input.examinerName,
      weightKg: input.weightKg,
      bpSystolic: input.bpSystolic,
      bpDiastolic: input.bpDiastolic,
      hb: input.hb,
      fundalHeightCm: input.fundalHeightCm,
      fetalHeartRate: input.fetalHeartRate,
      findings: input.findings,
      factorsFound: found,
      factorsTotal: atVisit.factors,
      score: atVisit.score,
      category: atVisit.category,
      emergency: atVisit.emergency,
      recordedBy: user.userId,
      clientId: input.clientId ?? null,
      createdAt: ctx.now(),
    });
    const wasHigh = isHighRisk(p.category);
    const isHigh = isHighRisk(overall.category);
    await repo.updatePregnancy(tx, ctx.regencyCode, p.id, {
      factors: overall.factors,
      score: overall.score,
      category: overall.category,
      emergency: overall.emergency,
      riskFoundOn: p.riskFoundOn ?? (isHigh ? input.visitDate : null),
      updatedAt: ctx.now(),
    });
    // A visit made is a missed visit no longer.
    await repo.updateTasks(tx, ctx.regencyCode, { pregnancyId: p.id, kinds: ['missed_visit_follow_up'], status: 'open' }, { status: 'done', doneAt: ctx.now(), doneBy: user.userId, resultNote: 'visit recorded' });
    await audit(tx, ctx, actor, meta, 'create', p, { visitDate: input.visitDate, factorsFound: found, score: atVisit.score, category: atVisit.category }, { type: 'sakina_visit', id: visit.id });

    const raised: string[] = [];
    const updated = { ...p, category: overall.category, score: overall.score, emergency: overall.emergency };
    if (isHigh) {
      const team = await ensureTeam(tx, ctx, updated);
      if (!wasHigh || p.category !== overall.category) {
        const ok = await raiseAlert(tx, ctx, updated, { kind: 'risk_found', dedupeKey: `risk:${p.id}:${overall.category}`, details: { category: overall.category, score: overall.score } }, [
          { to: byDuty(team, 'midwife', 'village_official'), text: MESSAGES.riskFound(who(p), overall.category) },
        ]);
        if (ok) raised.push('risk_found');
      }
      if (!wasHigh) {
        const kader = team.find((m) => m.duty === 'village_official');
        await addTask(tx, ctx, updated, { kind: 'home_visit', duty: 'village_official', assigneeId: kader?.userId ?? null, dueOn: inDays(ctx, HOME_VISIT_WITHIN_DAYS), reason: 'risk_found', dedupeKey: `home_visit:risk:${p.id}` });
      }
      const danger = newDangerSigns(before, overall.factors);
      const emergencySigns = danger.filter((f) => f === 'bleeding' || f === 'severe_preeclampsia');
      if (emergencySigns.length) {
        if (await raiseAlert(tx, ctx, updated, { kind: 'emergency', dedupeKey: `emergency:${p.id}:${emergencySigns.join('+')}`, details: { factors: emergencySigns } }, [{ to: byDuty(team, 'midwife', 'village_official', 'police', 'police_backup'), text: MESSAGES.emergency(who(p)) }])) raised.push('emergency');
      }
      const otherSigns = danger.filter((f) => f !== 'bleeding' && f !== 'severe_preeclampsia');
      if (otherSigns.length) {
        if (await raiseAlert(tx, ctx, updated, { kind: 'danger_sign', dedupeKey: `danger:${p.id}:${visit.id}`, details: { factors: otherSigns } }, [{ to: byDuty(team, 'midwife'), text: MESSAGES.dangerSign(who(p), otherSigns) }])) raised.push('danger_sign');
      }
    }
    return { visitId: visit.id, replayed: false, alerts: raised, kspr: { atVisit: { score: atVisit.score, category: atVisit.category, column: visit.ksprColumn }, overall: { score: overall.score, category: overall.category, emergency: overall.emergency, recommendation: overall.recommendation } } };
  });
  ctx.wake('outbox-deliver');
  return result;
}

/** Her screenings as they count: every visit's ticks, less the factors retracted since. */
export async function screeningsOf(tx: DbOrTx, ctx: AppContext, pregnancyId: string): Promise<Screening[]> {
  const visits = await repo.listVisits(tx, ctx.regencyCode, [pregnancyId]);
  const retractions = await repo.listRetractions(tx, ctx.regencyCode, pregnancyId);
  return applyRetractions(
    visits.map((v) => ({ date: v.visitDate, gaDays: v.gaDays, factors: factorsOf(v.factorsFound), recordedAt: v.createdAt.getTime() })),
    retractions.flatMap((r) => factorsOf([r.factor]).map((factor) => ({ factor, at: r.retractedAt.getTime() }))),
  );
}

/**
 * Withdraws a KSPR factor entered by mistake (midwife of her area, with a reason). A factor found
 * stays counted until 42 days after delivery, so only this explicit step removes it: the visits
 * keep what was ticked, the retraction records who, when, why and the score before and after,
 * and the card is scored again (its category may fall; police see only KRT/KRST women).
 */
export async function retractFactor(ctx: AppContext, actor: Actor, id: string, input: RetractFactorInput, meta: RequestMeta) {
  const user = requireStaff(actor);
  return ctx.db.transaction(async (tx) => {
    const { p } = await loadFor(tx, ctx, actor, id, 'kspr.retract', true);
    requireStatus(p, ['active', 'delivered'], NOT_ACTIVE);
    const factor = input.factor as KsprFactor;
    if (!p.factors.includes(factor)) {
      throw new AppError('conflict', { id: 'Faktor ini tidak sedang dihitung pada kartu skor ibu ini.', en: 'This factor is not counted on her card.' });
    }
    const now = ctx.now();
    const screenings = await screeningsOf(tx, ctx, p.id);
    const withdrawn = applyRetractions(
      screenings.map((s) => ({ ...s, recordedAt: 0 })),
      [{ factor, at: 0 }],
    );
    const last = withdrawn.map((s) => s.date).sort().at(-1);
    const after = scoreKspr(last ? activeFactors(withdrawn, last, null) : factorsOf(p.factors).filter((f) => f !== factor));
    const retraction = await repo.insertRetraction(tx, {
      regencyCode: ctx.regencyCode,
      pregnancyId: p.id,
      factor,
      reason: input.reason,
      retractedBy: user.userId,
      retractedAt: now,
      scoreBefore: p.score ?? 2,
      scoreAfter: after.score,
      categoryBefore: p.category ?? 'KRR',
      categoryAfter: after.category,
    });
    await repo.updatePregnancy(tx, ctx.regencyCode, p.id, {
      factors: after.factors,
      score: after.score,
      category: after.category,
      emergency: after.emergency,
      riskFoundOn: riskFoundOnOf(withdrawn),
      updatedAt: now,
    });
    await audit(tx, ctx, actor, meta, 'update', p, { retracted: factor, reason: input.reason, scoreBefore: p.score, scoreAfter: after.score, categoryBefore: p.category, categoryAfter: after.category }, { type: 'sakina_kspr_retraction', id: retraction.id });
    return { retractionId: retraction.id, factor, score: after.score, category: after.category, emergency: after.emergency, recommendation: after.recommendation };
  });
}

// ── birth plan ────────────────────────────────────────────────────────────────────────────

export async function saveBirthPlan(ctx: AppContext, actor: Actor, id: string, input: BirthPlanInput, meta: RequestMeta) {
  const user = requireStaff(actor);
  return ctx.db.transaction(async (tx) => {
    const { p } = await loadFor(tx, ctx, actor, id, 'plan', true);
    requireStatus(p, ['active'], NOT_ACTIVE);
    const check = checkBirthPlan(input, { category: p.category, emergency: p.emergency });
    if (!check.ok) throw new AppError('validation_failed', { id: 'Rencana persalinan belum lengkap.', en: 'The birth plan is not complete.' }, check.errors, { warnings: check.warnings });
    const existing = await repo.findBirthPlan(tx, ctx.regencyCode, p.id);
    const plan = check.plan;
    await repo.upsertBirthPlan(tx, {
      regencyCode: ctx.regencyCode,
      pregnancyId: p.id,
      attendant: plan.attendant,
      attendantName: plan.attendantName ?? null,
      place: plan.place,
      placeName: plan.placeName,
      companionName: plan.companionName,
      companionRelation: plan.companionRelation ?? null,
      transport: plan.transport,
      transportDetail: plan.transportDetail ?? null,
      transportPhone: plan.transportPhone ?? null,
      donors: plan.donors.map((d) => ({ name: d.name, bloodType: d.bloodType, phone: d.phone, relation: d.relation ?? null })),
      funding: plan.funding,
      bpjsNumber: plan.bpjsNumber ?? null,
      contraception: plan.contraception,
      motherBloodType: plan.motherBloodType ?? null,
      updatedBy: user.userId,
      updatedAt: ctx.now(),
    });
    await audit(tx, ctx, actor, meta, existing ? 'update' : 'create', p, { warnings: check.warnings.length }, { type: 'sakina_birth_plan', id: p.id });
    return { saved: true, warnings: check.warnings.map((w) => ({ field: w.field, message: w.message[meta.lang] })) };
  });
}

// ── the team ──────────────────────────────────────────────────────────────────────────────

/** The midwife sets who serves on the laskar; null removes a duty, absent leaves it. */
export async function setTeam(ctx: AppContext, actor: Actor, id: string, input: TeamInput, meta: RequestMeta) {
  requireStaff(actor);
  return ctx.db.transaction(async (tx) => {
    const { p } = await loadFor(tx, ctx, actor, id, 'team', true);
    requireStatus(p, ['active'], NOT_ACTIVE);
    const fields: Field[] = [];
    const wanted: [keyof TeamInput, Duty, string, string][] = [
      ['midwife', 'midwife', 'midwife', p.puskesmasId],
      ['villageOfficial', 'village_official', 'village_official', p.villageId],
      ['police', 'police', 'police_officer', p.villageId],
      ['policeBackup', 'police_backup', 'police_officer', p.villageId],
    ];
    for (const [key, , role, placeId] of wanted) {
      const userId = input[key];
      if (!userId) continue;
      const [staff] = await repo.findStaff(tx, ctx.regencyCode, [userId]);
      if (!staff || staff.role !== role || !(await repo.isUserAtPlace(tx, ctx.regencyCode, userId, placeId))) {
        fields.push({ field: key, message: { id: 'Petugas ini tidak bertugas di desa/puskesmas ibu tersebut', en: 'This officer does not serve her village or puskesmas' } });
      }
    }
    if (input.police && input.police === input.policeBackup) fields.push({ field: 'policeBackup', message: { id: 'Cadangan harus petugas lain', en: 'The backup must be another officer' } });
    failIf(fields);
    for (const [key, duty] of wanted) {
      const userId = input[key];
      if (userId === undefined) continue;
      if (userId === null) await repo.removeTeamMember(tx, ctx.regencyCode, p.id, duty);
      else await repo.setTeamMember(tx, { regencyCode: ctx.regencyCode, pregnancyId: p.id, duty, userId, assignedAt: ctx.now() });
    }
    await audit(tx, ctx, actor, meta, 'update', p, { team: input }, { type: 'sakina_team', id: p.id });
    return (await repo.listTeam(tx, ctx.regencyCode, p.id)).map((m) => ({ duty: m.duty, userId: m.userId, name: m.displayName, phone: m.phone }));
  });
}

/** Who may serve on this woman's team, by duty (for the midwife's picker). */
export async function teamCandidates(ctx: AppContext, actor: Actor, id: string) {
  requireStaff(actor);
  const { p } = await loadFor(ctx.db, ctx, actor, id, 'team');
  const pick = async (placeId: string, role: string) => (await repo.listStaffAt(ctx.db, ctx.regencyCode, placeId, role)).map((s) => ({ userId: s.id, name: s.displayName }));
  return { midwife: await pick(p.puskesmasId, 'midwife'), villageOfficial: await pick(p.villageId, 'village_official'), police: await pick(p.villageId, 'police_officer') };
}

// ── outcome and postpartum ────────────────────────────────────────────────────────────────

export async function recordOutcome(ctx: AppContext, actor: Actor, id: string, input: OutcomeInput, meta: RequestMeta) {
  const user = requireStaff(actor);
  const todayDate = today(ctx);
  return ctx.db.transaction(async (tx) => {
    const { p } = await loadFor(tx, ctx, actor, id, 'outcome', true);
    requireStatus(p, ['active'], { id: 'Persalinan hanya dapat dicatat untuk kehamilan yang sedang berjalan.', en: 'An outcome can be recorded only for an ongoing pregnancy.' });
    const fields: Field[] = [];
    if (input.deliveryDate > todayDate) fields.push({ field: 'deliveryDate', message: { id: 'Tanggal persalinan belum terjadi', en: 'The delivery date is in the future' } });
    if (input.deliveryDate < p.hpht!) fields.push({ field: 'deliveryDate', message: { id: 'Tanggal persalinan sebelum HPHT', en: 'The delivery is before the last period began' } });
    if (input.kind === 'birth') {
      if (!input.babies.length) fields.push({ field: 'babies', message: { id: 'Isi data bayi yang lahir', en: 'Enter the baby born' } });
      if (!input.mode) fields.push({ field: 'mode', message: { id: 'Pilih cara persalinan', en: 'Choose the mode of delivery' } });
    } else {
      if (input.babies.length) fields.push({ field: 'babies', message: { id: 'Keguguran tidak mencatat bayi', en: 'A pregnancy loss records no baby' } });
      if (input.mode) fields.push({ field: 'mode', message: { id: 'Keguguran tidak mencatat cara persalinan', en: 'A pregnancy loss records no mode of delivery' } });
    }
    if ((input.motherStatus === 'died') !== !!input.motherDiedOn) fields.push({ field: 'motherDiedOn', message: { id: 'Isi tanggal meninggal bila, dan hanya bila, ibu meninggal', en: 'Give the date of death if, and only if, the mother died' } });
    if (input.motherDiedOn && (input.motherDiedOn < input.deliveryDate || input.motherDiedOn > todayDate)) fields.push({ field: 'motherDiedOn', message: { id: 'Tanggal meninggal antara persalinan dan hari ini', en: 'The date of death is between the delivery and today' } });
    input.babies.forEach((b, i) => {
      if ((b.status === 'died') !== !!b.diedOn) fields.push({ field: `babies.${i}.diedOn`, message: { id: 'Isi tanggal meninggal bila, dan hanya bila, bayi meninggal setelah lahir hidup', en: 'Give the date of death if, and only if, the baby died after a live birth' } });
      if (b.diedOn && (b.diedOn < input.deliveryDate || b.diedOn > todayDate)) fields.push({ field: `babies.${i}.diedOn`, message: { id: 'Tanggal meninggal antara kelahiran dan hari ini', en: 'The date of death is between the birth and today' } });
    });
    failIf(fields);
    await repo.insertOutcome(
      tx,
      {
        regencyCode: ctx.regencyCode,
        pregnancyId: p.id,
        kind: input.kind,
        deliveryDate: input.deliveryDate,
        deliveryTime: input.deliveryTime,
        gaDays: daysBetween(p.hpht!, input.deliveryDate),
        placeKind: input.placeKind,
        placeName: input.placeName,
        attendant: input.attendant,
        attendantName: input.attendantName,
        mode: input.mode,
        motherStatus: input.motherStatus,
        motherDiedOn: input.motherDiedOn,
        note: input.note,
        recordedBy: user.userId,
        recordedAt: ctx.now(),
      },
      input.babies.map((b, i) => ({ regencyCode: ctx.regencyCode, pregnancyId: p.id, seq: i + 1, sex: b.sex, weightGrams: b.weightGrams, lengthCm: b.lengthCm, status: b.status, diedOn: b.diedOn, name: b.name })),
    );
    await repo.updatePregnancy(tx, ctx.regencyCode, p.id, { status: 'delivered', deliveredOn: input.deliveryDate, updatedAt: ctx.now() });
    // Visits and home visits are over; an escort under way finishes on its own.
    await repo.updateTasks(tx, ctx.regencyCode, { pregnancyId: p.id, kinds: ['home_visit', 'missed_visit_follow_up'], status: 'open' }, { status: 'cancelled', doneAt: ctx.now(), doneBy: user.userId, resultNote: 'delivered' });
    await audit(tx, ctx, actor, meta, 'create', p, { kind: input.kind, deliveryDate: input.deliveryDate, placeKind: input.placeKind, babies: input.babies.length }, { type: 'sakina_outcome', id: p.id });
    return { id: p.id, status: 'delivered' as const, handoverAvailable: input.kind === 'birth' && FACILITY_PLACES.includes(input.placeKind) && input.babies.some((b) => b.status !== 'stillborn') };
  });
}

export async function recordPostpartumVisit(ctx: AppContext, actor: Actor, id: string, input: PostpartumInput, meta: RequestMeta) {
  const user = requireStaff(actor);
  const todayDate = today(ctx);
  return ctx.db.transaction(async (tx) => {
    if (input.clientId) {
      const existing = await repo.findPostpartumByClientId(tx, ctx.regencyCode, input.clientId);
      if (existing && existing.pregnancyId === id) return { id: existing.id, kf: existing.kf, replayed: true };
      if (existing) throw new AppError('conflict', { id: 'ID klien sudah dipakai.', en: 'This client id is already used.' });
    }
    const { p } = await loadFor(tx, ctx, actor, id, 'postpartum', true);
    requireStatus(p, ['delivered'], { id: 'Kunjungan nifas hanya setelah persalinan, sampai 42 hari.', en: 'Postpartum visits come after delivery, up to 42 days.' });
    const outcome = (await repo.findOutcome(tx, ctx.regencyCode, p.id))!;
    const kf = kfVisitOf(outcome.deliveryDate, input.visitDate);
    const fields: Field[] = [];
    if (input.visitDate > todayDate) fields.push({ field: 'visitDate', message: { id: 'Tanggal kunjungan belum terjadi', en: 'The visit date is in the future' } });
    else if (!kf) fields.push({ field: 'visitDate', message: { id: `Kunjungan nifas antara ${outcome.deliveryDate} dan ${postpartumEnd(outcome.deliveryDate)}`, en: `Postpartum visits fall between ${outcome.deliveryDate} and ${postpartumEnd(outcome.deliveryDate)}` } });
    const baby = outcome.babies.find((b) => b.seq === input.babySeq);
    if (input.babyCondition && !baby) fields.push({ field: 'babySeq', message: { id: 'Bayi ke- ini tidak ada', en: 'There is no such baby' } });
    failIf(fields);
    const saved = await repo.insertPostpartumVisit(tx, {
      regencyCode: ctx.regencyCode,
      pregnancyId: p.id,
      visitDate: input.visitDate,
      kf: kf!,
      motherCondition: input.motherCondition,
      babyCondition: input.babyCondition,
      bpSystolic: input.bpSystolic,
      bpDiastolic: input.bpDiastolic,
      contraception: input.contraception,
      notes: input.notes,
      recordedBy: user.userId,
      clientId: input.clientId ?? null,
      createdAt: ctx.now(),
    });
    if (input.motherCondition === 'died' && outcome.motherStatus !== 'died') await repo.updateOutcome(tx, ctx.regencyCode, p.id, { motherStatus: 'died', motherDiedOn: input.visitDate });
    if (input.babyCondition === 'died' && baby?.status === 'alive') await repo.updateBaby(tx, ctx.regencyCode, p.id, baby.seq, { status: 'died', diedOn: input.visitDate });
    await audit(tx, ctx, actor, meta, 'create', p, { kf, motherCondition: input.motherCondition, babyCondition: input.babyCondition }, { type: 'sakina_postpartum_visit', id: saved.id });
    return { id: saved.id, kf: saved.kf, replayed: false };
  });
}

// ── hand-over to the birth certificate application ────────────────────────────────────────

export type BirthCertificateHandover = {
  source: { system: 'sakina'; pregnancyId: string; recordedAt: string };
  serviceCode: 'akta-kelahiran';
  /** The facility's birth statement stands in for the "surat keterangan kelahiran" requirement. */
  providesDocuments: ['surat-keterangan-kelahiran'];
  mother: { nik: string; name: string; birthDate: string | null; phone: string | null; address: { villageCode: string; villageName: string; district: string | null; dusun: string | null; rt: string | null; rw: string | null; text: string | null } };
  father: { name: string } | null;
  birth: {
    date: string;
    time: string | null;
    place: { kind: string; name: string | null; villageName: string; district: string | null };
    attendant: { kind: string; name: string | null };
    type: 'single' | 'twins' | 'triplets' | 'multiple';
    gestationWeeks: number | null;
  };
  children: { seq: number; name: string | null; sex: 'F' | 'M'; weightGrams: number | null; lengthCm: number | null; birthOrderInFamily: number | null }[];
};

/**
 * The data a birth-certificate application needs, prefilled from the register so nobody types it
 * again ("the data travels, not the person"). Only for a birth at a health facility, only the
 * children born alive; the applications module files it.
 */
export async function birthCertificateHandover(ctx: AppContext, actor: Actor, id: string, meta: RequestMeta): Promise<BirthCertificateHandover> {
  requireStaff(actor);
  return ctx.db.transaction(async (tx) => {
    const { p } = await loadFor(tx, ctx, actor, id, 'handover');
    const outcome = await repo.findOutcome(tx, ctx.regencyCode, p.id);
    if (!outcome || outcome.kind !== 'birth') throw stateError('Belum ada kelahiran tercatat untuk kehamilan ini.', 'No birth is recorded for this pregnancy.');
    if (!FACILITY_PLACES.includes(outcome.placeKind)) throw stateError('Hanya kelahiran di fasilitas kesehatan yang dapat diteruskan langsung; kelahiran lain memakai SPTJM di Dispendukcapil.', 'Only a birth at a health facility can be handed over; other births use a sworn statement at Dispendukcapil.');
    const born = outcome.babies.filter((b) => b.status !== 'stillborn');
    if (!born.length) throw stateError('Tidak ada bayi lahir hidup untuk dibuatkan akta.', 'No live-born child to register.');
    const husband = p.familyName && /^(suami|husband)$/i.test(p.familyRelation ?? '') ? { name: p.familyName } : null;
    const count = outcome.babies.length;
    await audit(tx, ctx, actor, meta, 'read', p, { purpose: 'birth_certificate_handover' });
    return {
      source: { system: 'sakina', pregnancyId: p.id, recordedAt: outcome.recordedAt.toISOString() },
      serviceCode: 'akta-kelahiran',
      providesDocuments: ['surat-keterangan-kelahiran'],
      mother: { nik: p.nik!, name: p.name, birthDate: p.birthDate, phone: p.phone, address: { villageCode: p.village.code, villageName: p.village.name, district: p.village.district, dusun: p.dusun, rt: p.rt, rw: p.rw, text: p.address } },
      father: husband,
      birth: {
        date: outcome.deliveryDate,
        time: outcome.deliveryTime,
        place: { kind: outcome.placeKind, name: outcome.placeName, villageName: p.village.name, district: p.village.district },
        attendant: { kind: outcome.attendant, name: outcome.attendantName },
        type: count === 1 ? 'single' : count === 2 ? 'twins' : count === 3 ? 'triplets' : 'multiple',
        gestationWeeks: outcome.gaDays === null ? null : Math.floor(outcome.gaDays / 7),
      },
      children: born.map((b) => ({ seq: b.seq, name: b.name, sex: b.sex, weightGrams: b.weightGrams, lengthCm: b.lengthCm, birthOrderInFamily: p.para === null ? null : p.para + 1 })),
    };
  });
}

// ── what the reader may print ─────────────────────────────────────────────────────────────

export async function stickerData(ctx: AppContext, actor: Actor, id: string, meta: RequestMeta) {
  requireStaff(actor);
  return ctx.db.transaction(async (tx) => {
    const { p } = await loadFor(tx, ctx, actor, id, 'sticker');
    const plan = await repo.findBirthPlan(tx, ctx.regencyCode, p.id);
    if (!plan) throw stateError('Rencana persalinan (P4K) belum diisi.', 'The birth plan (P4K) has not been filled in yet.');
    await audit(tx, ctx, actor, meta, 'read', p, { purpose: 'p4k_sticker' });
    return { p, plan };
  });
}
