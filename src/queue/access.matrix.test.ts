import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../identity/schema.ts';
import type { Actor } from '../shared/actor.ts';
import { canQueue, type QueueAction } from './access.ts';

const ACTIONS: QueueAction[] = ['queue.board.read', 'queue.book', 'queue.ticket.issue', 'queue.check_in', 'queue.booking.read', 'queue.console', 'queue.kpi.read', 'queue.settings.manage', 'queue.settings.points', 'queue.kiosk.pair'];

function user(role: Role): Actor {
  return { kind: 'user', userId: 'u', role, displayName: role, nik: role === 'citizen' ? '3510205203940001' : null, locale: 'id', places: [], sessionTokenHash: 'h' };
}

/** The expected decision, written out as a table: role → actions allowed at its own point / at another point. */
const MATRIX: Record<Role, { own: QueueAction[]; other: QueueAction[] }> = {
  citizen: { own: ['queue.board.read', 'queue.book'], other: ['queue.board.read', 'queue.book'] },
  counter_officer: { own: ['queue.board.read', 'queue.ticket.issue', 'queue.check_in', 'queue.booking.read', 'queue.console', 'queue.kpi.read'], other: ['queue.board.read'] },
  village_operator: { own: ['queue.board.read', 'queue.ticket.issue', 'queue.check_in', 'queue.booking.read', 'queue.console', 'queue.kpi.read'], other: ['queue.board.read'] },
  mpp_admin: { own: ACTIONS.filter((a) => a !== 'queue.book'), other: ['queue.board.read', 'queue.settings.points'] },
  leader: { own: ['queue.board.read', 'queue.kpi.read'], other: ['queue.board.read', 'queue.kpi.read'] },
  agency_processor: { own: ['queue.board.read'], other: ['queue.board.read'] },
  midwife: { own: ['queue.board.read'], other: ['queue.board.read'] },
  village_official: { own: ['queue.board.read'], other: ['queue.board.read'] },
  police_officer: { own: ['queue.board.read'], other: ['queue.board.read'] },
};

describe('canQueue: every role × action × own/other point', () => {
  const cases = ROLES.flatMap((role) => ACTIONS.flatMap((action) => [true, false].map((own) => [role, action, own] as const)));
  it.each(cases)('%s %s (own point: %s)', (role, action, own) => {
    const allowed = (own ? MATRIX[role].own : MATRIX[role].other).includes(action);
    expect(canQueue(user(role), action, own)).toBe(allowed);
  });

  it('nobody signed in, and agency systems, may only read the board', () => {
    const agency: Actor = { kind: 'agency_system', tokenId: 't', place: { id: 'p', kind: 'agency', code: 'x', name: 'x', regionCode: null } };
    for (const actor of [{ kind: 'anonymous' } as Actor, agency]) {
      for (const action of ACTIONS) for (const own of [true, false]) expect(canQueue(actor, action, own)).toBe(action === 'queue.board.read');
    }
  });
});
