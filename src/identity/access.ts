import type { Actor } from '../shared/actor.ts';
import { AppError } from '../shared/errors.ts';

export type IdentityAction =
  | 'users.manage' // create staff accounts, bind them to places, deactivate
  | 'api_tokens.manage'
  | 'outbox.read' // the development outbox: where one-time codes go without an SMS gateway
  | 'audit.read' // the whole regency's audit trail
  | 'audit.read_own' // a citizen's view of who touched their data
  | 'places.read';

/** Who may do what in the identity module. Places do not narrow these: they are regency-wide duties. */
export function canIdentity(actor: Actor, action: IdentityAction): boolean {
  if (actor.kind !== 'user') return false;
  switch (action) {
    case 'users.manage':
    case 'api_tokens.manage':
    case 'outbox.read':
    case 'audit.read':
      return actor.role === 'mpp_admin';
    case 'audit.read_own':
      return actor.role === 'citizen';
    case 'places.read':
      return actor.role !== 'citizen';
  }
}

/** Turns a denied decision into the right error: 401 for nobody, 403 for the wrong person. */
export function requireAccess(actor: Actor, allowed: boolean): void {
  if (allowed) return;
  throw new AppError(actor.kind === 'anonymous' ? 'unauthenticated' : 'forbidden');
}
