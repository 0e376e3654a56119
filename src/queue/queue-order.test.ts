import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CallClass,
  classOfPick,
  DEFAULT_ORDER_POLICY,
  isOverdue,
  type OrderPolicy,
  orderQueue,
  pickNext,
  policyProblems,
  priorityAllowed,
  waitStart,
  type WaitingTicket,
  weightOf,
} from './queue-order.ts';

const MIN = 60_000;
const T0 = Date.UTC(2026, 10, 30, 1, 0); // 08:00 WIB
const at = (minutes: number) => T0 + minutes * MIN;

const policy: OrderPolicy = {
  groups: [
    { code: 'disabilitas', label: { id: 'Disabilitas', en: 'Disability' }, weight: 3 },
    { code: 'lansia', label: { id: 'Lansia', en: 'Elderly' }, weight: 2 },
    { code: 'ibu_hamil', label: { id: 'Ibu hamil', en: 'Pregnant' }, weight: 2 },
  ],
  mix: { priority: 1, normal: 2 },
  maxWaitMinutes: 60,
};

const walkIn = (id: string, arrived: number, group: string | null = null): WaitingTicket => ({ id, kind: 'walk_in', arrivedAt: at(arrived), priorityGroup: group });
const appt = (id: string, arrived: number, booked: number): WaitingTicket => ({ id, kind: 'appointment', arrivedAt: at(arrived), bookedAt: at(booked) });

const ids = (picks: { ticket: WaitingTicket }[]) => picks.map((p) => p.ticket.id);

describe('pickNext: walk-ins', () => {
  it('returns null for an empty queue', () => {
    expect(pickNext([], [], at(0), policy)).toBeNull();
  });

  it('calls normal tickets by arrival', () => {
    const pick = pickNext([walkIn('b', 5), walkIn('a', 1), walkIn('c', 9)], [], at(10), policy);
    expect(pick).toEqual({ ticket: walkIn('a', 1), reason: 'normal' });
  });

  it('breaks an arrival tie on the ticket id, so the order is total', () => {
    expect(pickNext([walkIn('y', 3), walkIn('x', 3)], [], at(10), policy)!.ticket.id).toBe('x');
  });

  it('calls a priority ticket first when the mix allows it', () => {
    const pick = pickNext([walkIn('n1', 1), walkIn('p1', 5, 'lansia')], [], at(10), policy);
    expect(pick).toMatchObject({ ticket: { id: 'p1' }, reason: 'priority' });
  });

  it('orders priority tickets by weight, then arrival', () => {
    const queue = [walkIn('hamil', 1, 'ibu_hamil'), walkIn('lansia', 2, 'lansia'), walkIn('difabel', 8, 'disabilitas')];
    expect(ids(orderQueue(queue, [], at(10), policy))).toEqual(['difabel', 'hamil', 'lansia']);
  });

  it('holds priority back after one priority call until two normal calls (mix 1:2)', () => {
    const queue = [walkIn('n1', 1), walkIn('n2', 2), walkIn('n3', 3), walkIn('p1', 4, 'lansia'), walkIn('p2', 5, 'lansia')];
    expect(ids(orderQueue(queue, [], at(10), policy))).toEqual(['p1', 'n1', 'n2', 'p2', 'n3']);
  });

  it('respects the mix across the history of earlier calls', () => {
    const queue = [walkIn('n1', 1), walkIn('p1', 2, 'lansia')];
    expect(pickNext(queue, ['priority'], at(10), policy)!.ticket.id).toBe('n1');
    expect(pickNext(queue, ['priority', 'normal'], at(10), policy)!.ticket.id).toBe('n1');
    expect(pickNext(queue, ['priority', 'normal', 'normal'], at(10), policy)!.ticket.id).toBe('p1');
  });

  it('calls priority tickets back to back when no normal ticket waits', () => {
    const queue = [walkIn('p1', 1, 'lansia'), walkIn('p2', 2, 'lansia')];
    expect(ids(orderQueue(queue, ['priority'], at(10), policy))).toEqual(['p1', 'p2']);
  });

  it('treats a group the policy does not know as normal: groups are data, not code', () => {
    expect(weightOf(walkIn('v', 1, 'veteran'), policy)).toBe(0);
    const withVeterans: OrderPolicy = { ...policy, groups: [...policy.groups, { code: 'veteran', label: { id: 'Veteran', en: 'Veteran' }, weight: 5 }] };
    expect(weightOf(walkIn('v', 1, 'veteran'), withVeterans)).toBe(5);
    const queue = [walkIn('d', 1, 'disabilitas'), walkIn('v', 2, 'veteran')];
    expect(ids(orderQueue(queue, [], at(5), withVeterans))).toEqual(['v', 'd']);
    expect(ids(orderQueue(queue, [], at(5), policy))).toEqual(['d', 'v']);
  });

  it('mix 2:3 gives two priority calls, then three normal', () => {
    const p: OrderPolicy = { ...policy, mix: { priority: 2, normal: 3 } };
    const queue = [...[1, 2, 3, 4, 5, 6].map((i) => walkIn(`n${i}`, i)), ...[1, 2, 3, 4].map((i) => walkIn(`p${i}`, 10 + i, 'lansia'))];
    expect(ids(orderQueue(queue, [], at(20), p))).toEqual(['p1', 'p2', 'n1', 'n2', 'n3', 'p3', 'p4', 'n4', 'n5', 'n6']);
  });

  it('mix 0:1 never lets priority pass a normal ticket (only the guard does)', () => {
    const p: OrderPolicy = { ...policy, mix: { priority: 0, normal: 1 } };
    expect(ids(orderQueue([walkIn('p', 1, 'lansia'), walkIn('n', 2)], [], at(5), p))).toEqual(['n', 'p']);
  });

  it('mix 1:0 always calls priority first', () => {
    const p: OrderPolicy = { ...policy, mix: { priority: 1, normal: 0 } };
    expect(ids(orderQueue([walkIn('n', 1), walkIn('p1', 2, 'lansia'), walkIn('p2', 3, 'lansia')], [], at(5), p))).toEqual(['p1', 'p2', 'n']);
  });
});

describe('pickNext: appointments', () => {
  it('calls a due appointment before walk-ins, by booked time', () => {
    const queue = [walkIn('w', 0), appt('late-slot', 1, 10), appt('early-slot', 5, 5)];
    expect(ids(orderQueue(queue, [], at(12), policy))).toEqual(['early-slot', 'late-slot', 'w']);
  });

  it('lets an appointment checked in before its time wait behind walk-ins', () => {
    const queue = [appt('a', 0, 30), walkIn('w', 5)];
    expect(pickNext(queue, [], at(10), policy)).toMatchObject({ ticket: { id: 'w' }, reason: 'normal' });
  });

  it('serves an early appointment when nothing else waits', () => {
    expect(pickNext([appt('a', 0, 30)], [], at(10), policy)).toMatchObject({ ticket: { id: 'a' }, reason: 'early_appointment' });
  });

  it('an appointment becomes due exactly at its booked time', () => {
    const queue = [appt('a', 0, 30), walkIn('w', 5)];
    expect(pickNext(queue, [], at(30), policy)!.ticket.id).toBe('a');
    expect(pickNext(queue, [], at(30) - 1, policy)!.ticket.id).toBe('w');
  });

  it('appointments ignore priority groups and do not count toward the mix', () => {
    const pick = pickNext([{ ...appt('a', 0, 0), priorityGroup: 'lansia' }], [], at(1), policy)!;
    expect(weightOf(pick.ticket, policy)).toBe(0);
    expect(classOfPick(pick)).toBeNull();
  });
});

describe('pickNext: the maximum-wait guard', () => {
  it('calls an overdue normal ticket before a due appointment and priority tickets', () => {
    const queue = [walkIn('old', 0), appt('a', 50, 55), walkIn('p', 58, 'disabilitas')];
    expect(pickNext(queue, [], at(60), policy)).toMatchObject({ ticket: { id: 'old' }, reason: 'overdue' });
    expect(pickNext(queue, [], at(60) - 1, policy)!.ticket.id).toBe('a');
  });

  it('among overdue tickets, calls the one waiting longest', () => {
    const queue = [walkIn('b', 10), walkIn('a', 5, 'lansia'), walkIn('c', 20)];
    expect(ids(orderQueue(queue, [], at(90), policy))).toEqual(['a', 'b', 'c']);
  });

  it('counts an appointment’s wait from its booked time, not from an early check-in', () => {
    const early = appt('a', 0, 30);
    expect(waitStart(early)).toBe(at(30));
    expect(isOverdue(early, at(89), policy)).toBe(false);
    expect(isOverdue(early, at(90), policy)).toBe(true);
    // Checked in late (walk-in conversion happens elsewhere): the wait starts at arrival.
    expect(waitStart(appt('b', 40, 30))).toBe(at(40));
  });

  it('overdue calls do not count toward the mix', () => {
    const pick = pickNext([walkIn('old', 0, 'lansia')], [], at(120), policy)!;
    expect(pick.reason).toBe('overdue');
    expect(classOfPick(pick)).toBeNull();
  });
});

describe('priorityAllowed', () => {
  it.each<[CallClass[], { priority: number; normal: number }, boolean]>([
    [[], { priority: 1, normal: 2 }, true],
    [['priority'], { priority: 1, normal: 2 }, false],
    [['priority', 'normal'], { priority: 1, normal: 2 }, false],
    [['priority', 'normal', 'normal'], { priority: 1, normal: 2 }, true],
    [['normal', 'priority'], { priority: 2, normal: 1 }, true],
    [['priority', 'priority'], { priority: 2, normal: 1 }, false],
    [['priority'], { priority: 0, normal: 1 }, false],
    [['priority', 'priority', 'priority'], { priority: 1, normal: 0 }, true],
  ])('history %j with mix %j → %s', (history, mix, allowed) => {
    expect(priorityAllowed(history, mix)).toBe(allowed);
  });
});

describe('policyProblems', () => {
  it('accepts the default policy', () => {
    expect(policyProblems(DEFAULT_ORDER_POLICY)).toEqual([]);
  });
  it('names each problem', () => {
    const bad: OrderPolicy = {
      groups: [
        { code: 'Lansia!', label: { id: 'x', en: 'x' }, weight: 0 },
        { code: 'dup', label: { id: 'x', en: 'x' }, weight: 1 },
        { code: 'dup', label: { id: 'x', en: 'x' }, weight: 1 },
      ],
      mix: { priority: 0, normal: 0 },
      maxWaitMinutes: 1,
    };
    expect(policyProblems(bad).map((p) => p.field)).toEqual(['groups.0.code', 'groups.0.weight', 'groups.2.code', 'mix', 'maxWaitMinutes']);
  });
});

// — properties —

const GROUPS = [null, null, null, 'lansia', 'disabilitas', 'ibu_hamil', 'unknown'];

const ticketArb = (index: number) =>
  fc.record({
    kind: fc.constantFrom<'walk_in' | 'appointment'>('walk_in', 'walk_in', 'walk_in', 'appointment'),
    arrived: fc.integer({ min: 0, max: 240 }),
    bookedOffset: fc.integer({ min: -20, max: 40 }),
    group: fc.constantFrom(...GROUPS),
  }).map(({ kind, arrived, bookedOffset, group }): WaitingTicket =>
    kind === 'walk_in'
      ? { id: `t${String(index).padStart(3, '0')}`, kind, arrivedAt: at(arrived), priorityGroup: group }
      : { id: `t${String(index).padStart(3, '0')}`, kind, arrivedAt: at(arrived), bookedAt: at(arrived + bookedOffset), priorityGroup: group },
  );

const queueArb = (max = 40) =>
  fc.integer({ min: 0, max }).chain((n) => (n === 0 ? fc.constant([] as WaitingTicket[]) : fc.tuple(...Array.from({ length: n }, (_, i) => ticketArb(i)))));

const policyArb = fc.record({
  priority: fc.integer({ min: 0, max: 3 }),
  normal: fc.integer({ min: 0, max: 4 }),
  maxWait: fc.integer({ min: 5, max: 120 }),
}).filter((p) => p.priority + p.normal > 0).map((p): OrderPolicy => ({ ...policy, mix: { priority: p.priority, normal: p.normal }, maxWaitMinutes: p.maxWait }));

const historyArb = fc.array(fc.constantFrom<CallClass>('priority', 'normal'), { maxLength: 8 });

const key = (t: WaitingTicket) => [waitStart(t), t.arrivedAt, t.id] as const;
const keyLess = (a: WaitingTicket, b: WaitingTicket) => {
  const [x, y] = [key(a), key(b)];
  return x[0] !== y[0] ? x[0] < y[0] : x[1] !== y[1] ? x[1] < y[1] : x[2] < y[2];
};

describe('pickNext: properties', () => {
  it('picks one of the waiting tickets, and null only for an empty queue', () => {
    fc.assert(
      fc.property(queueArb(), historyArb, fc.integer({ min: 0, max: 400 }), policyArb, (queue, history, now, p) => {
        const pick = pickNext(queue, history, at(now), p);
        if (queue.length === 0) return pick === null;
        return pick !== null && queue.includes(pick.ticket);
      }),
    );
  });

  it('does not depend on the order the tickets are listed in', () => {
    fc.assert(
      fc.property(queueArb(), historyArb, fc.integer({ min: 0, max: 400 }), policyArb, fc.integer(), (queue, history, now, p, seed) => {
        const shuffled = [...queue].sort((a, b) => ((hash(a.id, seed) - hash(b.id, seed)) || 0));
        expect(pickNext(shuffled, history, at(now), p)?.ticket.id).toBe(pickNext(queue, history, at(now), p)?.ticket.id);
      }),
    );
  });

  it('when anything is overdue, calls the overdue ticket that has waited longest', () => {
    fc.assert(
      fc.property(queueArb(), historyArb, fc.integer({ min: 0, max: 400 }), policyArb, (queue, history, now, p) => {
        const overdue = queue.filter((t) => isOverdue(t, at(now), p));
        const pick = pickNext(queue, history, at(now), p);
        if (!overdue.length) return pick === null || pick.reason !== 'overdue';
        return pick!.reason === 'overdue' && overdue.every((t) => t === pick!.ticket || keyLess(pick!.ticket, t));
      }),
    );
  });

  it('with nothing overdue, a due appointment goes first, earliest booked time first', () => {
    fc.assert(
      fc.property(queueArb(), historyArb, fc.integer({ min: 0, max: 400 }), (queue, history, now) => {
        const p = { ...policy, maxWaitMinutes: 100_000 };
        const due = queue.filter((t) => t.kind === 'appointment' && t.bookedAt! <= at(now));
        const pick = pickNext(queue, history, at(now), p);
        if (!due.length) return pick === null || pick.reason !== 'appointment';
        return pick!.reason === 'appointment' && due.every((t) => t.bookedAt! >= pick!.ticket.bookedAt!);
      }),
    );
  });

  it('orderQueue lists every ticket exactly once', () => {
    fc.assert(
      fc.property(queueArb(), historyArb, fc.integer({ min: 0, max: 400 }), policyArb, (queue, history, now, p) => {
        const order = orderQueue(queue, history, at(now), p);
        expect(ids(order).sort()).toEqual(queue.map((t) => t.id).sort());
      }),
    );
  });

  it('the mix: with both kinds waiting, any P+N consecutive walk-in calls hold at most P priority calls, and at least one when P > 0', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 4 }), historyArb, fc.integer({ min: 1, max: 30 }), (P, N, history, calls) => {
        fc.pre(P + N > 0);
        const p: OrderPolicy = { ...policy, mix: { priority: P, normal: N }, maxWaitMinutes: 100_000 };
        // An endless supply of both kinds: each call takes one; replenish so both always wait.
        const made: CallClass[] = [];
        const all = [...history];
        let n = 0;
        for (let i = 0; i < calls; i++) {
          const queue = [walkIn(`n${n++}`, 1), walkIn(`p${n++}`, 2, 'lansia')];
          const pick = pickNext(queue, all, at(10), p)!;
          const cls = classOfPick(pick)!;
          made.push(cls);
          all.push(cls);
        }
        const W = P + N;
        for (let i = 0; i + W <= made.length; i++) {
          const window = made.slice(i, i + W);
          const count = window.filter((c) => c === 'priority').length;
          expect(count).toBeLessThanOrEqual(P);
          if (P > 0) expect(count).toBeGreaterThanOrEqual(1);
        }
      }),
    );
  });

  it('no starvation: once overdue, a ticket is called within one call per older ticket still waiting', () => {
    fc.assert(
      fc.property(queueArb(60), policyArb, fc.integer({ min: 1, max: 15 }), (arrivals, p, every) => {
        // A counter calls every `every` minutes from 08:00; tickets join at their arrival time.
        const pending = [...arrivals];
        const waiting: WaitingTicket[] = [];
        const calledAt = new Map<string, number>();
        const history: CallClass[] = [];
        for (let t = 0; calledAt.size < arrivals.length; t += every) {
          const now = at(t);
          for (let i = pending.length - 1; i >= 0; i--) if (pending[i]!.arrivedAt <= now) waiting.push(...pending.splice(i, 1));
          const pick = pickNext(waiting, history, now, p);
          if (!pick) continue;
          waiting.splice(waiting.indexOf(pick.ticket), 1);
          calledAt.set(pick.ticket.id, now);
          const cls = classOfPick(pick);
          if (cls) history.push(cls);
        }
        for (const ticket of arrivals) {
          const overdueAt = waitStart(ticket) + p.maxWaitMinutes * MIN;
          const called = calledAt.get(ticket.id)!;
          if (called <= overdueAt) continue;
          // Older tickets (smaller wait start) not yet called when this one became overdue.
          const older = arrivals.filter((o) => o !== ticket && keyLess(o, ticket) && calledAt.get(o.id)! >= overdueAt).length;
          const firstCallAfter = T0 + Math.ceil((overdueAt - T0) / (every * MIN)) * every * MIN;
          expect(called).toBeLessThanOrEqual(firstCallAfter + older * every * MIN);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('no starvation in a flood: a normal ticket behind endless priority arrivals is called by the guard', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 5, max: 90 }), fc.constantFrom('lansia', 'disabilitas', 'ibu_hamil'), (every, maxWait, group) => {
        // The worst mix for normal tickets: priority always first. Two priority arrivals per call.
        const p: OrderPolicy = { ...policy, mix: { priority: 1, normal: 0 }, maxWaitMinutes: maxWait };
        const victim = walkIn('victim', -1);
        const waiting: WaitingTicket[] = [victim];
        const history: CallClass[] = [];
        let n = 0;
        for (let t = 0; t <= maxWait + 2 * every; t += every) {
          waiting.push(walkIn(`p${n++}`, t, group), walkIn(`p${n++}`, t, group));
          const pick = pickNext(waiting, history, at(t), p)!;
          waiting.splice(waiting.indexOf(pick.ticket), 1);
          if (pick.ticket === victim) {
            expect(t).toBeGreaterThanOrEqual(maxWait - 1);
            expect(t).toBeLessThan(maxWait - 1 + every);
            expect(pick.reason).toBe('overdue');
            return;
          }
          const cls = classOfPick(pick);
          if (cls) history.push(cls);
        }
        throw new Error('the normal ticket starved');
      }),
    );
  });
});

function hash(s: string, seed: number): number {
  let h = seed | 0;
  for (const c of s) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
  return h;
}
