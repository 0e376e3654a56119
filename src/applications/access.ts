/**
 * Who may do what with an application: one place for the whole decision, role × place × action.
 * Personal data (UU PDP 27/2022) is seen only by the citizen it belongs to, the office that filed
 * for them, and the staff of the place that handles it; the MPP admin sees the file for oversight
 * but not the documents; nobody else learns that it exists.
 */
import type { Actor } from '../shared/actor.ts';
import type { Party } from './workflow.ts';

/** What access needs to know about an application. */
export type ApplicationRelation = {
  handlerPlaceId: string;
  filedAtPlaceId: string | null;
  filedByUserId: string;
  applicantNik: string;
  status: string;
};

export type ApplicationAction =
  /** See the file: applicant data, status, timeline. */
  | 'read'
  /** Open the uploaded documents. */
  | 'read_documents'
  /** Change a draft or a file sent back for correction (applicant data, documents). */
  | 'edit'
  /** Move it through the workflow (the workflow then decides which moves, by party). */
  | 'act'
  /** Attach the product, claim the file: the handler's work. */
  | 'handle';

export type FilingAction = 'file_online' | 'file_at_counter' | 'file_at_village';

/** The parties an actor is to an application (see workflow.ts). Empty: a stranger to it. */
export function partiesOf(actor: Actor, app: ApplicationRelation): Party[] {
  const parties = new Set<Party>();
  if (actor.kind === 'agency_system') {
    if (actor.place.id === app.handlerPlaceId && app.status !== 'draft') parties.add('handler');
    return [...parties];
  }
  if (actor.kind !== 'user') return [];
  const placeIds = new Set(actor.places.map((p) => p.id));
  switch (actor.role) {
    case 'citizen':
      if (actor.nik === app.applicantNik) parties.add('applicant');
      break;
    case 'counter_officer':
      if (app.filedByUserId === actor.userId || (app.filedAtPlaceId && placeIds.has(app.filedAtPlaceId))) parties.add('applicant').add('desk');
      if (placeIds.has(app.handlerPlaceId)) parties.add('counter');
      break;
    case 'village_operator':
      if (app.filedByUserId === actor.userId || (app.filedAtPlaceId && placeIds.has(app.filedAtPlaceId))) parties.add('applicant').add('desk');
      // Village letters are handled by the village office itself.
      if (placeIds.has(app.handlerPlaceId)) parties.add('handler');
      break;
    case 'agency_processor':
      if (placeIds.has(app.handlerPlaceId)) parties.add('handler');
      break;
    default:
      break;
  }
  // A draft is the applicant's work in progress: the agency sees it once it is submitted.
  if (app.status === 'draft') {
    parties.delete('handler');
    parties.delete('counter');
    if (!parties.has('applicant')) parties.delete('desk');
  }
  return [...parties];
}

export function canApplication(actor: Actor, action: ApplicationAction, app: ApplicationRelation): boolean {
  const parties = partiesOf(actor, app);
  switch (action) {
    case 'read':
      return parties.length > 0 || (actor.kind === 'user' && actor.role === 'mpp_admin');
    case 'read_documents':
    case 'act':
      return parties.length > 0;
    case 'edit':
      return parties.includes('applicant');
    case 'handle':
      return parties.includes('handler');
  }
}

/** Who may file, and through which channel: citizens online for themselves, officers and village operators for others. */
export function canFile(actor: Actor, action: FilingAction): boolean {
  if (actor.kind !== 'user') return false;
  switch (action) {
    case 'file_online':
      return actor.role === 'citizen' && actor.nik !== null;
    case 'file_at_counter':
      return actor.role === 'counter_officer' && actor.places.some((p) => p.kind === 'service_point');
    case 'file_at_village':
      return actor.role === 'village_operator' && actor.places.some((p) => p.kind === 'village');
  }
}

/** The filing action that fits the actor, or null when they cannot file at all. */
export function filingActionOf(actor: Actor): FilingAction | null {
  if (actor.kind !== 'user') return null;
  if (actor.role === 'citizen') return 'file_online';
  if (actor.role === 'counter_officer') return 'file_at_counter';
  if (actor.role === 'village_operator') return 'file_at_village';
  return null;
}

export type InboxScope =
  | { kind: 'handler'; placeIds: string[] }
  | { kind: 'filed'; placeIds: string[]; userId: string }
  | { kind: 'applicant'; nik: string }
  | { kind: 'all' };

/** Which applications a list shows the actor: the ones of their places, their own, or (admin) all. */
export function inboxScopes(actor: Actor): InboxScope[] {
  if (actor.kind === 'agency_system') return [{ kind: 'handler', placeIds: [actor.place.id] }];
  if (actor.kind !== 'user') return [];
  const ids = (kind?: string) => actor.places.filter((p) => !kind || p.kind === kind).map((p) => p.id);
  switch (actor.role) {
    case 'citizen':
      return actor.nik ? [{ kind: 'applicant', nik: actor.nik }] : [];
    case 'agency_processor':
      return [{ kind: 'handler', placeIds: ids('agency') }];
    case 'counter_officer':
      return [
        { kind: 'handler', placeIds: ids('agency') },
        { kind: 'filed', placeIds: ids('service_point'), userId: actor.userId },
      ];
    case 'village_operator':
      return [
        { kind: 'handler', placeIds: ids('village') },
        { kind: 'filed', placeIds: ids('village'), userId: actor.userId },
      ];
    case 'mpp_admin':
      return [{ kind: 'all' }];
    default:
      return [];
  }
}

/** Agency integration settings (webhook, supervisor contacts): the agency's own system or the MPP admin. */
export function canManageIntegration(actor: Actor, agencyPlaceId: string): boolean {
  if (actor.kind === 'agency_system') return actor.place.id === agencyPlaceId;
  return actor.kind === 'user' && actor.role === 'mpp_admin';
}

export type FiguresScope = { kind: 'regency' } | { kind: 'agencies'; placeIds: string[] };

/**
 * Who sees the SLA figures (counts only, no personal data): the leader and the MPP admin for the
 * whole regency, an agency's processors for their own agency; nobody else (null).
 */
export function slaFiguresScope(actor: Actor): FiguresScope | null {
  if (actor.kind !== 'user') return null;
  switch (actor.role) {
    case 'leader':
    case 'mpp_admin':
      return { kind: 'regency' };
    case 'agency_processor': {
      const placeIds = actor.places.filter((p) => p.kind === 'agency').map((p) => p.id);
      return placeIds.length ? { kind: 'agencies', placeIds } : null;
    }
    default:
      return null;
  }
}
