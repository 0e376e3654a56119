import type { Actor } from '../shared/actor.ts';

export type QueueAction =
  | 'queue.board.read' // the hall display, quotas and slots: public
  | 'queue.book' // book, cancel, reschedule one's own slot
  | 'queue.ticket.issue' // walk-in ticket from a kiosk or a counter
  | 'queue.check_in' // check a booking in by its code
  | 'queue.booking.read' // a booking by code, at the point
  | 'queue.console' // sign in to a counter, call, serve, finish
  | 'queue.kpi.read'
  | 'queue.settings.manage' // slots, quotas, priority groups, mix, running text
  | 'queue.settings.points' // list the points whose settings one could open (which are one's own: `manageable`)
  | 'queue.kiosk.pair';

/**
 * Who may do what at which service point. `ownPoint`: the actor is bound to the point's place
 * (a Smart Kampung point is its village's place). Kiosks are not actors: a paired kiosk token
 * allows `queue.ticket.issue` and `queue.check_in` at its own point only (see service.ts).
 */
export function canQueue(actor: Actor, action: QueueAction, ownPoint: boolean): boolean {
  if (action === 'queue.board.read') return true;
  if (actor.kind !== 'user') return false;
  const role = actor.role;
  switch (action) {
    case 'queue.book':
      return role === 'citizen';
    case 'queue.ticket.issue':
    case 'queue.check_in':
    case 'queue.booking.read':
    case 'queue.console':
      return ownPoint && (role === 'counter_officer' || role === 'mpp_admin' || role === 'village_operator');
    case 'queue.kpi.read':
      return role === 'leader' || (ownPoint && (role === 'mpp_admin' || role === 'counter_officer' || role === 'village_operator'));
    case 'queue.settings.points':
      return role === 'mpp_admin';
    case 'queue.settings.manage':
    case 'queue.kiosk.pair':
      return ownPoint && role === 'mpp_admin';
  }
}
