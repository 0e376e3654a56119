/**
 * The life of a queue ticket (PRODUCT.md §2): seven states and the events that move between them.
 * Pure: the service asks `nextState` before it writes, and the database repeats the state list in
 * a check constraint. Every transition is stored as an event row with its time and officer.
 *
 *   waiting ──call──▶ called ──start──▶ serving ──finish──▶ done
 *      ▲  ╲              │  ╲recall        │  ╲
 *      │   cancel        │   no_show       │   park / transfer / redirect ──▶ waiting
 *      │   walk_out      │   park / transfer / return ──▶ waiting
 *      └── reinstate ── no_show
 *
 * A parked ticket is a waiting ticket held for the counter that parked it (the citizen went to fetch
 * a document): call-next skips it, and only `resume` (straight back to serving) takes it out.
 */

export const TICKET_STATES = ['waiting', 'called', 'serving', 'done', 'no_show', 'cancelled', 'walked_out'] as const;
export type TicketState = (typeof TICKET_STATES)[number];

export const TICKET_EVENTS = [
  'call', // waiting → called: call next or call a specific ticket
  'recall', // called → called: say the number again
  'start', // called → serving: the citizen sat down
  'finish', // serving → done, with the services actually delivered
  'no_show', // called → no_show, after the officer confirms
  'park', // called | serving → waiting, held for this counter
  'resume', // waiting (held) → serving at the counter that parked it
  'transfer', // waiting | called | serving → waiting in another queue or for another counter
  'redirect', // serving → waiting for a second service, after the first was delivered
  'return', // called → waiting: the counter paused or closed before the citizen came
  'cancel', // waiting → cancelled, by the citizen
  'walk_out', // waiting | called | serving → walked_out: left without being served
  'reinstate', // no_show → waiting: the citizen turned up after all, the same day
] as const;
export type TicketEvent = (typeof TICKET_EVENTS)[number];

export const FINAL_STATES: ReadonlySet<TicketState> = new Set(['done', 'cancelled', 'walked_out']);

/** What an event needs to know beyond the state: whether the ticket is parked (held). */
export type TicketSnapshot = { state: TicketState; held: boolean };

const TABLE: Readonly<Record<TicketEvent, { from: readonly TicketState[]; to: TicketState | 'same'; held?: boolean }>> = {
  call: { from: ['waiting'], to: 'called', held: false },
  recall: { from: ['called'], to: 'called' },
  start: { from: ['called'], to: 'serving' },
  finish: { from: ['serving'], to: 'done' },
  no_show: { from: ['called'], to: 'no_show' },
  park: { from: ['called', 'serving'], to: 'waiting' },
  resume: { from: ['waiting'], to: 'serving', held: true },
  transfer: { from: ['waiting', 'called', 'serving'], to: 'waiting' },
  redirect: { from: ['serving'], to: 'waiting' },
  return: { from: ['called'], to: 'waiting' },
  cancel: { from: ['waiting'], to: 'cancelled', held: false },
  walk_out: { from: ['waiting', 'called', 'serving'], to: 'walked_out' },
  reinstate: { from: ['no_show'], to: 'waiting' },
};

export type TransitionResult = { ok: true; state: TicketState; held: boolean } | { ok: false; reason: 'illegal' | 'held' | 'not_held' };

/** The state after `event`, or why the event is refused. */
export function nextState(ticket: TicketSnapshot, event: TicketEvent): TransitionResult {
  const rule = TABLE[event];
  if (!rule.from.includes(ticket.state)) return { ok: false, reason: 'illegal' };
  if (rule.held === false && ticket.held) return { ok: false, reason: 'held' };
  if (rule.held === true && !ticket.held) return { ok: false, reason: 'not_held' };
  const state = rule.to === 'same' ? ticket.state : rule.to;
  return { ok: true, state, held: event === 'park' };
}

export function canTransition(ticket: TicketSnapshot, event: TicketEvent): boolean {
  return nextState(ticket, event).ok;
}

/** Events allowed from a snapshot, for the counter console's buttons. */
export function allowedEvents(ticket: TicketSnapshot): TicketEvent[] {
  return TICKET_EVENTS.filter((event) => canTransition(ticket, event));
}

export function isFinal(state: TicketState): boolean {
  return FINAL_STATES.has(state);
}

/** Active: still in the hall and still the platform's to serve. */
export function isActive(state: TicketState): boolean {
  return state === 'waiting' || state === 'called' || state === 'serving';
}
