import { describe, expect, it } from 'vitest';
import type { PlaceKind, Role } from '../identity/schema.ts';
import type { Actor, ActorPlace } from '../shared/actor.ts';
import { type ApplicationAction, type ApplicationRelation, canApplication, canFile, canManageIntegration, filingActionOf, partiesOf, slaFiguresScope } from './access.ts';

const ACTIONS = ['read', 'read_documents', 'edit', 'act', 'handle'] as const satisfies readonly ApplicationAction[];
const everyActionCovered: Exclude<ApplicationAction, (typeof ACTIONS)[number]> extends never ? true : false = true;

const place = (kind: PlaceKind, code: string): ActorPlace => ({ id: `${kind}:${code}`, kind, code, name: code, regionCode: null });
const CAPIL = place('agency', 'dispendukcapil');
const DPMPTSP = place('agency', 'dpmptsp');
const MPP = place('service_point', 'mpp-banyuwangi');
const PASAR = place('service_point', 'ppp-genteng');
const SEMPU = place('village', '35.10.20.2001');
const JAMBEWANGI = place('village', '35.10.20.2002');
const CITIZEN_NIK = '3510205203940001';

/** A submitted application of Dispendukcapil, filed at the MPP counter for CITIZEN_NIK. */
const atMpp: ApplicationRelation = { handlerPlaceId: CAPIL.id, filedAtPlaceId: MPP.id, filedByUserId: 'loket-1', applicantNik: CITIZEN_NIK, status: 'verifikasi_berkas' };
/** A village letter of Sempu, filed by Sempu's operator. */
const villageLetter: ApplicationRelation = { handlerPlaceId: SEMPU.id, filedAtPlaceId: SEMPU.id, filedByUserId: 'desa-1', applicantNik: '3510204107850002', status: 'verifikasi_desa' };

type Row = { who: string; actor: Actor; app: ApplicationRelation; marks: string; parties: string };

const user = (role: Role, places: ActorPlace[], nik: string | null = null, userId = `${role}-x`): Actor => ({ kind: 'user', userId, role, displayName: role, nik, locale: 'id', places, sessionTokenHash: 'h' });

// ✓ allowed, · denied. Columns: read, read_documents, edit, act, handle.
const ROWS: Row[] = [
  { who: 'citizen, own application', actor: user('citizen', [], CITIZEN_NIK), app: atMpp, marks: '✓ ✓ ✓ ✓ ·', parties: 'applicant' },
  { who: 'citizen, someone else’s', actor: user('citizen', [], '3510204107850002'), app: atMpp, marks: '· · · · ·', parties: '' },
  { who: 'counter officer who filed it', actor: user('counter_officer', [MPP], null, 'loket-1'), app: atMpp, marks: '✓ ✓ ✓ ✓ ·', parties: 'applicant desk' },
  { who: 'counter officer at the filing point', actor: user('counter_officer', [MPP]), app: atMpp, marks: '✓ ✓ ✓ ✓ ·', parties: 'applicant desk' },
  { who: 'counter officer of the handling agency', actor: user('counter_officer', [PASAR, CAPIL]), app: atMpp, marks: '✓ ✓ · ✓ ·', parties: 'counter' },
  { who: 'counter officer elsewhere', actor: user('counter_officer', [PASAR, DPMPTSP]), app: atMpp, marks: '· · · · ·', parties: '' },
  { who: 'agency processor of the agency', actor: user('agency_processor', [CAPIL]), app: atMpp, marks: '✓ ✓ · ✓ ✓', parties: 'handler' },
  { who: 'agency processor of another agency', actor: user('agency_processor', [DPMPTSP]), app: atMpp, marks: '· · · · ·', parties: '' },
  { who: 'village operator, not involved', actor: user('village_operator', [SEMPU]), app: atMpp, marks: '· · · · ·', parties: '' },
  { who: 'village operator, own village letter', actor: user('village_operator', [SEMPU], null, 'desa-1'), app: villageLetter, marks: '✓ ✓ ✓ ✓ ✓', parties: 'applicant desk handler' },
  { who: 'village operator of the handling village', actor: user('village_operator', [SEMPU]), app: villageLetter, marks: '✓ ✓ ✓ ✓ ✓', parties: 'applicant desk handler' },
  { who: 'village operator of another village', actor: user('village_operator', [JAMBEWANGI]), app: villageLetter, marks: '· · · · ·', parties: '' },
  { who: 'midwife of the village', actor: user('midwife', [SEMPU]), app: villageLetter, marks: '· · · · ·', parties: '' },
  { who: 'village official of the village', actor: user('village_official', [SEMPU]), app: villageLetter, marks: '· · · · ·', parties: '' },
  { who: 'police officer of the village', actor: user('police_officer', [SEMPU]), app: villageLetter, marks: '· · · · ·', parties: '' },
  { who: 'MPP admin', actor: user('mpp_admin', [MPP]), app: atMpp, marks: '✓ · · · ·', parties: '' },
  { who: 'leader', actor: user('leader', []), app: atMpp, marks: '· · · · ·', parties: '' },
  { who: 'agency system of the agency', actor: { kind: 'agency_system', tokenId: 't', place: CAPIL }, app: atMpp, marks: '✓ ✓ · ✓ ✓', parties: 'handler' },
  { who: 'agency system of another agency', actor: { kind: 'agency_system', tokenId: 't', place: DPMPTSP }, app: atMpp, marks: '· · · · ·', parties: '' },
  { who: 'anonymous', actor: { kind: 'anonymous' }, app: atMpp, marks: '· · · · ·', parties: '' },
  // A draft is the applicant’s until it is submitted.
  { who: 'agency processor, a draft', actor: user('agency_processor', [CAPIL]), app: { ...atMpp, status: 'draft' }, marks: '· · · · ·', parties: '' },
  { who: 'agency system, a draft', actor: { kind: 'agency_system', tokenId: 't', place: CAPIL }, app: { ...atMpp, status: 'draft' }, marks: '· · · · ·', parties: '' },
  { who: 'counter officer of the agency, a draft', actor: user('counter_officer', [PASAR, CAPIL]), app: { ...atMpp, status: 'draft' }, marks: '· · · · ·', parties: '' },
  { who: 'citizen, own draft', actor: user('citizen', [], CITIZEN_NIK), app: { ...atMpp, status: 'draft' }, marks: '✓ ✓ ✓ ✓ ·', parties: 'applicant' },
];

describe('applications access matrix', () => {
  it('covers every action', () => {
    expect(everyActionCovered).toBe(true);
    for (const row of ROWS) expect(row.marks.split(' ')).toHaveLength(ACTIONS.length);
  });

  const cases = ROWS.flatMap((row) => ACTIONS.map((action, i) => ({ ...row, action, allowed: row.marks.split(' ')[i] === '✓' })));
  it.each(cases)('$who → $action: $allowed', ({ actor, app, action, allowed }) => {
    expect(canApplication(actor, action, app)).toBe(allowed);
  });

  it.each(ROWS)('$who is: $parties', ({ actor, app, parties }) => {
    expect(partiesOf(actor, app).sort().join(' ')).toBe(parties.split(' ').filter(Boolean).sort().join(' '));
  });
});

describe('who may file, and how', () => {
  it.each([
    ['citizen', user('citizen', [], CITIZEN_NIK), 'file_online'],
    ['counter officer at a point', user('counter_officer', [MPP, CAPIL]), 'file_at_counter'],
    ['village operator', user('village_operator', [SEMPU]), 'file_at_village'],
  ] as const)('%s → %s', (_, actor, action) => {
    expect(filingActionOf(actor)).toBe(action);
    expect(canFile(actor, action)).toBe(true);
  });

  it.each([
    ['counter officer with no service point', user('counter_officer', [CAPIL])],
    ['village operator with no village', user('village_operator', [])],
    ['citizen without a NIK', user('citizen', [], null)],
  ] as const)('refuses a %s', (_, actor) => {
    expect(canFile(actor, filingActionOf(actor)!)).toBe(false);
  });

  it.each(['agency_processor', 'midwife', 'village_official', 'police_officer', 'mpp_admin', 'leader'] as const)('%s does not file', (role) => {
    expect(filingActionOf(user(role, [CAPIL, MPP, SEMPU]))).toBeNull();
  });

  it('no one without an account files', () => {
    expect(filingActionOf({ kind: 'anonymous' })).toBeNull();
    expect(filingActionOf({ kind: 'agency_system', tokenId: 't', place: CAPIL })).toBeNull();
  });
});

describe('agency integration settings', () => {
  it('are the agency’s own system’s or the MPP admin’s', () => {
    expect(canManageIntegration({ kind: 'agency_system', tokenId: 't', place: CAPIL }, CAPIL.id)).toBe(true);
    expect(canManageIntegration({ kind: 'agency_system', tokenId: 't', place: DPMPTSP }, CAPIL.id)).toBe(false);
    expect(canManageIntegration(user('mpp_admin', []), CAPIL.id)).toBe(true);
    expect(canManageIntegration(user('agency_processor', [CAPIL]), CAPIL.id)).toBe(false);
  });
});

describe('SLA figures', () => {
  it.each([
    ['leader', user('leader', []), 'regency'],
    ['MPP admin', user('mpp_admin', [MPP]), 'regency'],
    ['agency processor', user('agency_processor', [CAPIL]), `agencies ${CAPIL.id}`],
    ['agency processor of two agencies', user('agency_processor', [CAPIL, DPMPTSP]), `agencies ${CAPIL.id} ${DPMPTSP.id}`],
    ['agency processor bound to no agency', user('agency_processor', [MPP]), 'none'],
    ['counter officer', user('counter_officer', [MPP, CAPIL]), 'none'],
    ['village operator', user('village_operator', [SEMPU]), 'none'],
    ['midwife', user('midwife', [SEMPU]), 'none'],
    ['village official', user('village_official', [SEMPU]), 'none'],
    ['police officer', user('police_officer', [SEMPU]), 'none'],
    ['citizen', user('citizen', [], CITIZEN_NIK), 'none'],
    ['agency system', { kind: 'agency_system', tokenId: 't', place: CAPIL } as Actor, 'none'],
    ['anonymous', { kind: 'anonymous' } as Actor, 'none'],
  ] as const)('%s → %s', (_, actor, expected) => {
    const scope = slaFiguresScope(actor);
    const shown = !scope ? 'none' : scope.kind === 'regency' ? 'regency' : `agencies ${scope.placeIds.join(' ')}`;
    expect(shown).toBe(expected);
  });
});
