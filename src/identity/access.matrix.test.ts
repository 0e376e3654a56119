import { describe, expect, it } from 'vitest';
import type { Actor } from '../shared/actor.ts';
import { AppError } from '../shared/errors.ts';
import { canIdentity, requireAccess, type IdentityAction } from './access.ts';
import { ROLES, type Role } from './schema.ts';

const ACTIONS = ['users.manage', 'api_tokens.manage', 'outbox.read', 'audit.read', 'audit.read_own', 'places.read'] as const satisfies readonly IdentityAction[];
// Fails the type check when access.ts gains an action this table does not cover.
const everyActionCovered: Exclude<IdentityAction, (typeof ACTIONS)[number]> extends never ? true : false = true;

type Who = Role | 'agency_system' | 'anonymous';

// ✓ allowed, · denied. Columns in the order of ACTIONS.
//                               users  tokens outbox audit  own   places
const MATRIX: Record<Who, string> = {
  citizen: /*               */ '·      ·      ·      ·      ✓     ·',
  counter_officer: /*       */ '·      ·      ·      ·      ·     ✓',
  agency_processor: /*      */ '·      ·      ·      ·      ·     ✓',
  village_operator: /*      */ '·      ·      ·      ·      ·     ✓',
  midwife: /*               */ '·      ·      ·      ·      ·     ✓',
  village_official: /*      */ '·      ·      ·      ·      ·     ✓',
  police_officer: /*        */ '·      ·      ·      ·      ·     ✓',
  mpp_admin: /*             */ '✓      ✓      ✓      ✓      ·     ✓',
  leader: /*                */ '·      ·      ·      ·      ·     ✓',
  agency_system: /*         */ '·      ·      ·      ·      ·     ·',
  anonymous: /*             */ '·      ·      ·      ·      ·     ·',
};

const place = { id: '00000000-0000-4000-8000-000000000001', kind: 'agency' as const, code: 'dispendukcapil', name: 'Dispendukcapil', regionCode: '35.10.16' };

function actorFor(who: Who): Actor {
  if (who === 'anonymous') return { kind: 'anonymous' };
  if (who === 'agency_system') return { kind: 'agency_system', tokenId: 't1', place };
  return { kind: 'user', userId: 'u1', role: who, displayName: who, nik: null, locale: 'id', places: [place], sessionTokenHash: 'h' };
}

const cases = (Object.keys(MATRIX) as Who[]).flatMap((who) => {
  const marks = MATRIX[who].split(/\s+/);
  return ACTIONS.map((action, i) => ({ who, action, allowed: marks[i] === '✓' }));
});

describe('identity access matrix', () => {
  it('covers every role and every action', () => {
    expect(everyActionCovered).toBe(true);
    for (const role of ROLES) expect(MATRIX).toHaveProperty(role);
    for (const who of Object.keys(MATRIX)) expect(MATRIX[who as Who].split(/\s+/)).toHaveLength(ACTIONS.length);
  });

  it.each(cases)('$who → $action: $allowed', ({ who, action, allowed }) => {
    expect(canIdentity(actorFor(who), action)).toBe(allowed);
  });

  it('turns a denial into 401 for nobody and 403 for anyone else', () => {
    const codeOf = (who: Who) => {
      try {
        requireAccess(actorFor(who), false);
        return 'allowed';
      } catch (error) {
        return (error as AppError).code;
      }
    };
    expect(codeOf('anonymous')).toBe('unauthenticated');
    expect(codeOf('agency_system')).toBe('forbidden');
    for (const role of ROLES) expect(codeOf(role)).toBe('forbidden');
    expect(() => requireAccess(actorFor('anonymous'), true)).not.toThrow();
  });
});
