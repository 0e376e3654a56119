/**
 * What a reader gets back of a pregnancy: only the fields `sakinaAccess` grants, each under its
 * field name, absent (not null) when not granted — so a test, or a curious client, can tell
 * "not allowed" from "not known".
 */
import { wibDateOf } from '../catalogue/calendar/local-date.ts';
import { maskNik } from '../identity/nik.ts';
import type { LocalText } from '../shared/errors.ts';
import type { Access, SakinaAction } from './access.ts';
import { ancCoverage, expectedNextVisit, missedVisit, trimesterShortfalls } from './anc.ts';
import { applyRetractions, deriveFactors, fillCard, isKsprFactor, KSPR_FACTORS, scoreKspr, type KsprFactor } from './kspr.ts';
import { formatGestationalAge, gestationalAge, trimesterOfDays } from './pregnancy.ts';
import type * as repo from './repository.ts';
import { TASK_REASONS } from './messages.ts';

export type Extras = {
  visits?: repo.VisitRow[];
  plan?: repo.BirthPlanRow | null;
  team?: repo.TeamMember[];
  tasks?: repo.TaskRow[];
  escorts?: repo.EscortRow[];
  outcome?: (repo.OutcomeRow & { babies: repo.BabyRow[] }) | null;
  postpartum?: repo.PostpartumRow[];
  retractions?: repo.RetractionRow[];
  names?: Map<string, string>;
};

export const factorsOf = (list: readonly string[]): KsprFactor[] => list.filter(isKsprFactor);

export function factorView(f: KsprFactor) {
  const def = KSPR_FACTORS[f];
  return { code: f, no: def.no, group: def.group, score: def.score, label: def.label };
}

/** The woman's address in one line: "Dusun Krajan RT 002/RW 001, Jl. …". */
export function addressLine(p: repo.PregnancyRow): string {
  const parts = [p.dusun ? `Dusun ${p.dusun}` : null, p.rt || p.rw ? `RT ${p.rt ?? '-'}/RW ${p.rw ?? '-'}` : null, p.address].filter(Boolean);
  return parts.join(', ');
}

export function visitView(v: repo.VisitRow) {
  return {
    id: v.id,
    visitDate: v.visitDate,
    gestationalAge: { weeks: Math.floor(v.gaDays / 7), days: v.gaDays % 7 },
    trimester: trimesterOfDays(v.gaDays),
    ksprColumn: v.ksprColumn,
    place: v.place,
    examiner: v.examiner,
    examinerName: v.examinerName,
    weightKg: v.weightKg,
    bloodPressure: v.bpSystolic && v.bpDiastolic ? `${v.bpSystolic}/${v.bpDiastolic}` : null,
    hb: v.hb,
    fundalHeightCm: v.fundalHeightCm,
    fetalHeartRate: v.fetalHeartRate,
    findings: v.findings,
    factorsFound: factorsOf(v.factorsFound).map(factorView),
    score: v.score,
    category: v.category,
    emergency: v.emergency,
  };
}

export function escortView(e: repo.EscortRow, names: Map<string, string> = new Map()) {
  return {
    id: e.id,
    pregnancyId: e.pregnancyId,
    reason: e.reason,
    destination: e.destination,
    note: e.note,
    status: e.status,
    requestedAt: e.requestedAt.toISOString(),
    requestedBy: names.get(e.requestedBy) ?? null,
    acceptedAt: e.acceptedAt?.toISOString() ?? null,
    acceptedBy: e.acceptedBy ? (names.get(e.acceptedBy) ?? null) : null,
    acceptedById: e.acceptedBy,
    onTheWayAt: e.onTheWayAt?.toISOString() ?? null,
    arrivedAt: e.arrivedAt?.toISOString() ?? null,
    cancelledAt: e.cancelledAt?.toISOString() ?? null,
    escalatedAt: e.escalatedAt?.toISOString() ?? null,
  };
}

export function taskView(t: repo.TaskRow, names: Map<string, string> = new Map()) {
  return {
    id: t.id,
    pregnancyId: t.pregnancyId,
    kind: t.kind,
    duty: t.duty,
    assignee: t.assigneeId ? (names.get(t.assigneeId) ?? null) : null,
    assigneeId: t.assigneeId,
    escortId: t.escortId,
    dueOn: t.dueOn,
    status: t.status,
    reason: (TASK_REASONS[t.reason] ?? { id: t.reason, en: t.reason }) as LocalText,
    doneAt: t.doneAt?.toISOString() ?? null,
    resultNote: t.resultNote,
  };
}

export function outcomeView(o: repo.OutcomeRow & { babies: repo.BabyRow[] }) {
  return {
    kind: o.kind,
    deliveryDate: o.deliveryDate,
    deliveryTime: o.deliveryTime,
    gestationalAge: o.gaDays === null ? null : { weeks: Math.floor(o.gaDays / 7), days: o.gaDays % 7 },
    placeKind: o.placeKind,
    placeName: o.placeName,
    attendant: o.attendant,
    attendantName: o.attendantName,
    mode: o.mode,
    motherStatus: o.motherStatus,
    motherDiedOn: o.motherDiedOn,
    babies: o.babies.map((b) => ({ seq: b.seq, sex: b.sex, weightGrams: b.weightGrams, lengthCm: b.lengthCm, status: b.status, diedOn: b.diedOn, name: b.name })),
    note: o.note,
  };
}

export function planView(plan: repo.BirthPlanRow) {
  return {
    attendant: plan.attendant,
    attendantName: plan.attendantName,
    place: plan.place,
    placeName: plan.placeName,
    companionName: plan.companionName,
    companionRelation: plan.companionRelation,
    transport: plan.transport,
    transportDetail: plan.transportDetail,
    transportPhone: plan.transportPhone,
    donors: plan.donors,
    funding: plan.funding,
    bpjsNumber: plan.bpjsNumber,
    contraception: plan.contraception,
    motherBloodType: plan.motherBloodType,
    updatedAt: plan.updatedAt.toISOString(),
  };
}

/** Which tasks a reader sees: the midwife all, the others their own duty's. */
export function tasksFor(role: string, list: repo.TaskRow[]): repo.TaskRow[] {
  if (role === 'midwife') return list;
  if (role === 'village_official') return list.filter((t) => t.duty === 'village_official');
  if (role === 'police_officer') return list.filter((t) => t.duty === 'police' || t.duty === 'police_backup');
  return [];
}

/** The record as this reader may see it. `today` is the WIB day the ages and schedules are counted on. */
export function pregnancyView(p: repo.PregnancyWithPlaces, access: Access, today: string, role: string, extras: Extras = {}) {
  const has = (f: Parameters<Access['fields']['has']>[0]) => access.fields.has(f);
  const out: Record<string, unknown> = {
    id: p.id,
    village: { id: p.village.id, code: p.village.code, name: p.village.name, district: p.village.district },
    puskesmas: { id: p.puskesmas.id, code: p.puskesmas.code, name: p.puskesmas.name },
    can: [...access.actions].filter((a): a is SakinaAction => a !== 'report' && a !== 'register' && a !== 'figures'),
  };
  if (has('status')) out.status = p.status;
  if (has('report')) {
    out.report = {
      via: p.reportedVia,
      reportedAt: p.reportedAt.toISOString(),
      reportedBy: extras.names?.get(p.reportedBy) ?? null,
      note: p.reportNote,
      confirmedAt: p.confirmedAt?.toISOString() ?? null,
      mergedInto: p.mergedInto,
    };
  }
  if (has('name')) out.name = p.name;
  if (has('nik')) out.nik = p.nik;
  if (has('nikMasked')) out.nikMasked = p.nik ? maskNik(p.nik) : null;
  if (has('birthDate')) out.birthDate = p.birthDate;
  if (has('address')) out.address = { dusun: p.dusun, rt: p.rt, rw: p.rw, text: p.address, line: addressLine(p) };
  if (has('phone')) out.phone = p.phone;
  if (has('family')) out.family = { name: p.familyName, relation: p.familyRelation, phone: p.familyPhone };
  if (has('bpjs')) out.bpjs = p.bpjsNumber;
  if (has('hpht')) out.hpht = p.hpht;
  if (has('dueDate')) out.dueDate = p.hpl;
  if (has('gestationalAge')) {
    const ga = p.hpht && !p.deliveredOn ? gestationalAge(p.hpht, today) : null;
    out.gestationalAge = ga ? { weeks: ga.weeks, days: ga.extraDays, trimester: trimesterOfDays(ga.days), text: { id: formatGestationalAge(ga, 'id'), en: formatGestationalAge(ga, 'en') } } : null;
  }
  if (has('obstetricHistory')) {
    out.obstetricHistory = { gravida: p.gravida, para: p.para, abortus: p.abortus, livingChildren: p.livingChildren, heightCm: p.heightCm, lastBirthDate: p.lastBirthDate, marriageDate: p.marriageDate, previousCaesarean: p.previousCaesarean };
  }
  if (has('category')) out.category = p.category;
  if (has('kspr')) {
    const visits = extras.visits ?? [];
    const retractions = extras.retractions ?? [];
    const card = fillCard(
      applyRetractions(
        visits.map((v) => ({ date: v.visitDate, gaDays: v.gaDays, factors: factorsOf(v.factorsFound), recordedAt: v.createdAt.getTime() })),
        retractions.flatMap((r) => factorsOf([r.factor]).map((factor) => ({ factor, at: r.retractedAt.getTime() }))),
      ),
    );
    const result = scoreKspr(factorsOf(p.factors));
    const suggested = deriveFactors(p);
    out.kspr = {
      screened: p.category !== null,
      score: p.score ?? 2,
      category: p.category,
      emergency: p.emergency,
      factors: result.factors.map(factorView),
      recommendation: result.recommendation,
      card: card.map((e) => ({ date: e.date, column: e.column, score: e.result.score, category: e.result.category, newlyFound: e.newlyFound.map(factorView), retracted: e.retracted.map(factorView) })),
      retractions: retractions.flatMap((r) =>
        factorsOf([r.factor]).map((f) => ({
          id: r.id,
          factor: factorView(f),
          reason: r.reason,
          retractedAt: r.retractedAt.toISOString(),
          retractedBy: extras.names?.get(r.retractedBy) ?? null,
          scoreBefore: r.scoreBefore,
          scoreAfter: r.scoreAfter,
          categoryBefore: r.categoryBefore,
          categoryAfter: r.categoryAfter,
        })),
      ),
      suggestedFactors: suggested.filter((f) => !result.factors.includes(f)).map(factorView),
      riskFoundOn: p.riskFoundOn,
    };
  }
  if (has('visits')) out.visits = (extras.visits ?? []).map(visitView);
  if (has('anc')) {
    if (p.hpht) {
      const list = (extras.visits ?? []).map((v) => ({ date: v.visitDate, examiner: v.examiner }));
      const registeredOn = p.confirmedAt ? wibDateOf(p.confirmedAt) : null;
      const c = ancCoverage(list, p.hpht, p.deliveredOn);
      out.anc = {
        ...c,
        nextVisit: p.status === 'active' ? expectedNextVisit(list, p.hpht, { registeredOn }) : null,
        missed: p.status === 'active' ? missedVisit(list, p.hpht, today, { registeredOn }) : null,
        shortfalls: trimesterShortfalls(list, p.hpht, today, p.deliveredOn),
      };
    } else out.anc = null;
  }
  if (has('birthPlan')) out.birthPlan = extras.plan ? planView(extras.plan) : null;
  if (has('team')) out.team = (extras.team ?? []).map((m) => ({ duty: m.duty, userId: m.userId, name: m.displayName, phone: m.phone }));
  if (has('tasks')) out.tasks = tasksFor(role, extras.tasks ?? []).map((t) => taskView(t, extras.names));
  if (has('escorts')) out.escorts = (extras.escorts ?? []).map((e) => escortView(e, extras.names));
  if (has('outcome')) out.outcome = extras.outcome ? outcomeView(extras.outcome) : null;
  if (has('postpartum')) {
    out.postpartum = (extras.postpartum ?? []).map((v) => ({ id: v.id, visitDate: v.visitDate, kf: v.kf, motherCondition: v.motherCondition, babyCondition: v.babyCondition, bloodPressure: v.bpSystolic && v.bpDiastolic ? `${v.bpSystolic}/${v.bpDiastolic}` : null, contraception: v.contraception, notes: v.notes }));
  }
  return out;
}

/** A list row: the same rule, fewer fields. */
export function summaryView(p: repo.PregnancyWithPlaces, access: Access, today: string) {
  const has = (f: Parameters<Access['fields']['has']>[0]) => access.fields.has(f);
  const out: Record<string, unknown> = { id: p.id, village: { id: p.village.id, code: p.village.code, name: p.village.name } };
  if (has('status')) out.status = p.status;
  if (has('report')) out.reportedVia = p.reportedVia;
  if (has('name')) out.name = p.name;
  if (has('nikMasked')) out.nikMasked = p.nik ? maskNik(p.nik) : null;
  if (has('address')) out.addressLine = addressLine(p);
  if (has('phone')) out.phone = p.phone;
  if (has('dueDate')) out.dueDate = p.hpl;
  if (has('category')) out.category = p.category;
  if (has('kspr')) {
    out.score = p.score;
    out.emergency = p.emergency;
  }
  if (has('gestationalAge')) {
    const ga = p.hpht && !p.deliveredOn ? gestationalAge(p.hpht, today) : null;
    out.gestationalAge = ga ? { weeks: ga.weeks, days: ga.extraDays } : null;
  }
  return out;
}
