/**
 * Who sees what of a pregnant woman's record, and who may do what (UU PDP 27/2022: health data
 * only to the roles that need it, field by field). The one place SAKINA decides access:
 *
 * | role             | whose records                                  | fields                                                     |
 * |------------------|------------------------------------------------|------------------------------------------------------------|
 * | midwife          | her puskesmas area (the villages it serves)    | all                                                        |
 * | village official | their own village(s)                           | identity, contacts, due date, category, plan, team, tasks, escorts — no clinical values |
 * | police officer   | their villages, KRT/KRST, still pregnant       | name, address, phone, due date, escorts and escort tasks, team |
 * | leader           | nobody's                                        | figures only                                               |
 *
 * A record outside one's place is not there at all (404, never 403): its existence is itself
 * personal data.
 */
import type { Actor } from '../shared/actor.ts';
import type { PregnancyStatus } from './schema.ts';

export const SAKINA_FIELDS = [
  'status',
  'report',
  'name',
  'nik',
  'nikMasked',
  'birthDate',
  'address',
  'phone',
  'family',
  'bpjs',
  'hpht',
  'dueDate',
  'gestationalAge',
  'obstetricHistory',
  'category',
  'kspr',
  'visits',
  'anc',
  'birthPlan',
  'team',
  'tasks',
  'escorts',
  'outcome',
  'postpartum',
] as const;
export type SakinaField = (typeof SAKINA_FIELDS)[number];

export const SAKINA_ACTIONS = [
  'report', // a new pregnancy, even with incomplete data
  'register', // a complete registration by a health worker
  'confirm', // a community report becomes a registered pregnancy (or is merged or withdrawn)
  'update',
  'visit',
  'kspr.retract', // withdraw a mistaken KSPR factor, with a reason
  'plan',
  'team',
  'escort.request',
  'escort.progress', // accept, on the way, arrived
  'escort.cancel',
  'task.complete',
  'outcome',
  'postpartum',
  'sticker',
  'handover',
  'figures',
] as const;
export type SakinaAction = (typeof SAKINA_ACTIONS)[number];

/** Where a record (or a place, for creating one or reading figures) sits. */
export type Subject = {
  villageId: string | null;
  puskesmasId: string;
  category?: 'KRR' | 'KRT' | 'KRST' | null;
  status?: PregnancyStatus;
};

export type Relation = 'own' | 'other';
export type Access = { relation: Relation; fields: ReadonlySet<SakinaField>; actions: ReadonlySet<SakinaAction> };

const ALL: readonly SakinaField[] = SAKINA_FIELDS;
const COMMUNITY: readonly SakinaField[] = ['status', 'report', 'name', 'nikMasked', 'birthDate', 'address', 'phone', 'family', 'dueDate', 'category', 'birthPlan', 'team', 'tasks', 'escorts'];
const POLICE: readonly SakinaField[] = ['name', 'address', 'phone', 'dueDate', 'team', 'tasks', 'escorts'];

const MIDWIFE_ACTIONS: readonly SakinaAction[] = ['report', 'register', 'confirm', 'update', 'visit', 'kspr.retract', 'plan', 'team', 'escort.request', 'escort.cancel', 'task.complete', 'outcome', 'postpartum', 'sticker', 'handover', 'figures'];
const COMMUNITY_ACTIONS: readonly SakinaAction[] = ['report', 'escort.request', 'escort.cancel', 'task.complete', 'sticker'];
const POLICE_ACTIONS: readonly SakinaAction[] = ['escort.progress', 'task.complete'];

const NONE: Access = { relation: 'other', fields: new Set(), actions: new Set() };

function placeIds(actor: Actor, kind: 'village' | 'puskesmas'): string[] {
  return actor.kind === 'user' ? actor.places.filter((p) => p.kind === kind).map((p) => p.id) : [];
}

/** The one decision: role × place (own / other) × field and action. */
export function sakinaAccess(actor: Actor, subject: Subject): Access {
  if (actor.kind !== 'user') return NONE;
  switch (actor.role) {
    case 'midwife': {
      if (!placeIds(actor, 'puskesmas').includes(subject.puskesmasId)) return NONE;
      return { relation: 'own', fields: new Set(ALL), actions: new Set(MIDWIFE_ACTIONS) };
    }
    case 'village_official': {
      if (!subject.villageId || !placeIds(actor, 'village').includes(subject.villageId)) return NONE;
      // A report merged into another record or withdrawn is the puskesmas's business only.
      if (subject.status === 'merged' || subject.status === 'withdrawn') return { relation: 'own', fields: new Set(), actions: new Set(['report']) };
      return { relation: 'own', fields: new Set(COMMUNITY), actions: new Set(COMMUNITY_ACTIONS) };
    }
    case 'police_officer': {
      if (!subject.villageId || !placeIds(actor, 'village').includes(subject.villageId)) return NONE;
      const watched = (subject.category === 'KRT' || subject.category === 'KRST') && subject.status === 'active';
      return watched ? { relation: 'own', fields: new Set(POLICE), actions: new Set(POLICE_ACTIONS) } : { relation: 'own', fields: new Set(), actions: new Set() };
    }
    case 'leader':
      return { relation: 'other', fields: new Set(), actions: new Set(['figures']) };
    default:
      return NONE;
  }
}

export function canSee(actor: Actor, subject: Subject, field: SakinaField): boolean {
  return sakinaAccess(actor, subject).fields.has(field);
}

export function canDo(actor: Actor, subject: Subject, action: SakinaAction): boolean {
  return sakinaAccess(actor, subject).actions.has(action);
}

/** Roles that use SAKINA's record screens at all (the leader sees figures only). */
export function isSakinaStaff(actor: Actor): boolean {
  return actor.kind === 'user' && (actor.role === 'midwife' || actor.role === 'village_official' || actor.role === 'police_officer');
}
