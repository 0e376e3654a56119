import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allowedEvents, isActive, isFinal, nextState, TICKET_EVENTS, TICKET_STATES, type TicketEvent, type TicketState } from './ticket-state.ts';

/** The legal transitions, written out once more by hand: the table in ticket-state.ts must agree. */
const LEGAL: Record<string, TicketState> = {
  'waiting|call': 'called',
  'waiting|transfer': 'waiting',
  'waiting|cancel': 'cancelled',
  'waiting|walk_out': 'walked_out',
  'called|recall': 'called',
  'called|start': 'serving',
  'called|no_show': 'no_show',
  'called|park': 'waiting',
  'called|transfer': 'waiting',
  'called|return': 'waiting',
  'called|walk_out': 'walked_out',
  'serving|finish': 'done',
  'serving|park': 'waiting',
  'serving|transfer': 'waiting',
  'serving|redirect': 'waiting',
  'serving|walk_out': 'walked_out',
  'no_show|reinstate': 'waiting',
  // held (parked) waiting tickets
  'waiting*|resume': 'serving',
  'waiting*|transfer': 'waiting',
  'waiting*|walk_out': 'walked_out',
};

describe('nextState: every state × event × held', () => {
  const cases = TICKET_STATES.flatMap((state) => TICKET_EVENTS.flatMap((event) => [false, true].map((held) => [state, event, held] as const)));
  it.each(cases)('%s + %s (held %s)', (state, event, held) => {
    const key = `${state}${held ? '*' : ''}|${event}`;
    const result = nextState({ state, held }, event);
    // A held ticket only exists in the waiting state; elsewhere `held` does not change the answer.
    const expected = held && state !== 'waiting' ? LEGAL[`${state}|${event}`] : LEGAL[key];
    if (expected) expect(result).toEqual({ ok: true, state: expected, held: event === 'park' });
    else expect(result.ok).toBe(false);
  });
});

describe('nextState: reasons', () => {
  it('refuses to call a parked ticket: only its counter resumes it', () => {
    expect(nextState({ state: 'waiting', held: true }, 'call')).toEqual({ ok: false, reason: 'held' });
    expect(nextState({ state: 'waiting', held: true }, 'cancel')).toEqual({ ok: false, reason: 'held' });
  });
  it('refuses to resume a ticket that was not parked', () => {
    expect(nextState({ state: 'waiting', held: false }, 'resume')).toEqual({ ok: false, reason: 'not_held' });
  });
  it('refuses anything from a final state', () => {
    for (const state of ['done', 'cancelled', 'walked_out'] as const) expect(allowedEvents({ state, held: false })).toEqual([]);
  });
  it('no-show is not final: the citizen may be reinstated the same day', () => {
    expect(isFinal('no_show')).toBe(false);
    expect(allowedEvents({ state: 'no_show', held: false })).toEqual(['reinstate']);
  });
  it('park holds the ticket, every other event releases it', () => {
    expect(nextState({ state: 'serving', held: false }, 'park')).toEqual({ ok: true, state: 'waiting', held: true });
    expect(nextState({ state: 'waiting', held: true }, 'resume')).toEqual({ ok: true, state: 'serving', held: false });
    expect(nextState({ state: 'waiting', held: true }, 'transfer')).toEqual({ ok: true, state: 'waiting', held: false });
  });
  it('lists the console buttons for a called ticket', () => {
    expect(allowedEvents({ state: 'called', held: false })).toEqual(['recall', 'start', 'no_show', 'park', 'transfer', 'return', 'walk_out']);
  });
});

describe('properties', () => {
  const event = fc.constantFrom<TicketEvent>(...TICKET_EVENTS);
  it('any sequence of events, applying only the legal ones, stays within the seven states and never leaves a final one', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), (events) => {
        let ticket = { state: 'waiting' as TicketState, held: false };
        for (const e of events) {
          const result = nextState(ticket, e);
          if (isFinal(ticket.state)) expect(result.ok).toBe(false);
          if (!result.ok) continue;
          ticket = { state: result.state, held: result.held };
          expect(TICKET_STATES).toContain(ticket.state);
          if (ticket.held) expect(ticket.state).toBe('waiting');
        }
      }),
    );
  });
  it('active means waiting, called or serving', () => {
    expect(TICKET_STATES.filter(isActive)).toEqual(['waiting', 'called', 'serving']);
  });
});
