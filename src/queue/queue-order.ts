/**
 * Which waiting ticket a counter calls next. Pure and deterministic: the same queue, policy, call
 * history and clock always give the same ticket. The rule, in order (README "Queue ordering"):
 *
 *  1. Guard. A ticket that has waited `maxWaitMinutes` or longer is overdue; overdue tickets go
 *     first, the longest-waiting first. Nothing can starve: once overdue, only tickets that started
 *     waiting before it can still be called ahead of it.
 *  2. Appointments. A checked-in appointment whose booked time has come is called next, earliest
 *     booked time first (then arrival). An appointment checked in before its time waits like the
 *     lowest walk-in, so an idle counter may serve it early but it never pushes a walk-in back.
 *  3. Walk-ins. Priority tickets (a configured group with weight > 0: lansia, disabilitas, ibu hamil
 *     …) by weight, highest first, then arrival; normal tickets by arrival. When both kinds wait,
 *     the mix setting decides: at most `priority` priority calls in any `priority + normal`
 *     consecutive walk-in calls. With only one kind waiting, that kind is called.
 *
 * Ties always break on arrival, then on the ticket id, so the order is total.
 */

export type PriorityGroup = {
  /** Stable code, e.g. 'lansia', 'disabilitas', 'ibu_hamil'. */
  code: string;
  label: { id: string; en: string };
  /** > 0; higher is called first among priority tickets. */
  weight: number;
};

export type OrderPolicy = {
  groups: readonly PriorityGroup[];
  /** At most `priority` priority calls in any `priority + normal` consecutive walk-in calls. */
  mix: { priority: number; normal: number };
  /** The guard: a ticket waiting this long goes ahead of every rule but the guard itself. */
  maxWaitMinutes: number;
};

export const DEFAULT_PRIORITY_GROUPS: readonly PriorityGroup[] = [
  { code: 'disabilitas', label: { id: 'Penyandang disabilitas', en: 'Person with a disability' }, weight: 3 },
  { code: 'lansia', label: { id: 'Lanjut usia (60+)', en: 'Elderly (60+)' }, weight: 2 },
  { code: 'ibu_hamil', label: { id: 'Ibu hamil', en: 'Pregnant woman' }, weight: 2 },
];

export const DEFAULT_ORDER_POLICY: OrderPolicy = {
  groups: DEFAULT_PRIORITY_GROUPS,
  mix: { priority: 1, normal: 2 },
  maxWaitMinutes: 60,
};

export type WaitingTicket = {
  id: string;
  kind: 'walk_in' | 'appointment';
  /** When the ticket joined the queue (walk-in issued, appointment checked in), ms since epoch. */
  arrivedAt: number;
  /** Appointments: the booked slot's start, ms since epoch. */
  bookedAt?: number | null;
  /** A priority group code; null or unknown to the policy = normal. */
  priorityGroup?: string | null;
};

/** A past walk-in call, newest last; appointments and guard calls do not count toward the mix. */
export type CallClass = 'priority' | 'normal';

export type Pick = {
  ticket: WaitingTicket;
  reason: 'overdue' | 'appointment' | 'priority' | 'normal' | 'early_appointment';
};

const MINUTE = 60_000;

export function weightOf(ticket: WaitingTicket, policy: OrderPolicy): number {
  if (ticket.kind !== 'walk_in' || !ticket.priorityGroup) return 0;
  const group = policy.groups.find((g) => g.code === ticket.priorityGroup);
  return group && group.weight > 0 ? group.weight : 0;
}

/** Since when a ticket counts as waiting: an appointment waits only from its booked time. */
export function waitStart(ticket: WaitingTicket): number {
  return ticket.kind === 'appointment' && ticket.bookedAt != null ? Math.max(ticket.arrivedAt, ticket.bookedAt) : ticket.arrivedAt;
}

export function isOverdue(ticket: WaitingTicket, now: number, policy: OrderPolicy): boolean {
  return now - waitStart(ticket) >= policy.maxWaitMinutes * MINUTE;
}

const byArrival = (a: WaitingTicket, b: WaitingTicket) => a.arrivedAt - b.arrivedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function first<T>(items: readonly T[], compare: (a: T, b: T) => number): T | undefined {
  let best: T | undefined;
  for (const item of items) if (best === undefined || compare(item, best) < 0) best = item;
  return best;
}

/** Whether the mix allows a priority call now, given the walk-in calls so far (newest last). */
export function priorityAllowed(history: readonly CallClass[], mix: OrderPolicy['mix']): boolean {
  if (mix.priority <= 0) return false;
  if (mix.normal <= 0) return true;
  const window = history.slice(-(mix.priority + mix.normal - 1));
  return window.filter((c) => c === 'priority').length < mix.priority;
}

/** The ticket to call next, or null when nothing waits. */
export function pickNext(waiting: readonly WaitingTicket[], history: readonly CallClass[], now: number, policy: OrderPolicy): Pick | null {
  if (waiting.length === 0) return null;

  const overdue = waiting.filter((t) => isOverdue(t, now, policy));
  if (overdue.length) {
    const ticket = first(overdue, (a, b) => waitStart(a) - waitStart(b) || byArrival(a, b))!;
    return { ticket, reason: 'overdue' };
  }

  const due = waiting.filter((t) => t.kind === 'appointment' && (t.bookedAt ?? t.arrivedAt) <= now);
  if (due.length) {
    const ticket = first(due, (a, b) => (a.bookedAt ?? a.arrivedAt) - (b.bookedAt ?? b.arrivedAt) || byArrival(a, b))!;
    return { ticket, reason: 'appointment' };
  }

  const walkIns = waiting.filter((t) => t.kind === 'walk_in');
  const priority = walkIns.filter((t) => weightOf(t, policy) > 0);
  const normal = walkIns.filter((t) => weightOf(t, policy) === 0);
  const topPriority = first(priority, (a, b) => weightOf(b, policy) - weightOf(a, policy) || byArrival(a, b));
  const topNormal = first(normal, byArrival);
  if (topPriority && (!topNormal || priorityAllowed(history, policy.mix))) return { ticket: topPriority, reason: 'priority' };
  if (topNormal) return { ticket: topNormal, reason: 'normal' };

  // Only appointments checked in before their time remain: the earliest booked is served early.
  const early = first(waiting, (a, b) => (a.bookedAt ?? a.arrivedAt) - (b.bookedAt ?? b.arrivedAt) || byArrival(a, b))!;
  return { ticket: early, reason: 'early_appointment' };
}

/** How a pick feeds the mix history: only ordinary walk-in calls count. */
export function classOfPick(pick: Pick): CallClass | null {
  if (pick.reason === 'priority') return 'priority';
  if (pick.reason === 'normal') return 'normal';
  return null;
}

/**
 * The whole waiting line in call order, as if the counter called one ticket after another now:
 * positions for the live ticket page and the console's list. The history grows as picks are made.
 */
export function orderQueue(waiting: readonly WaitingTicket[], history: readonly CallClass[], now: number, policy: OrderPolicy): Pick[] {
  const rest = [...waiting];
  const calls = [...history];
  const out: Pick[] = [];
  while (rest.length) {
    const pick = pickNext(rest, calls, now, policy)!;
    out.push(pick);
    rest.splice(rest.indexOf(pick.ticket), 1);
    const cls = classOfPick(pick);
    if (cls) calls.push(cls);
  }
  return out;
}

/** Checks a policy an admin typed; returns the problems (empty = fine). */
export function policyProblems(policy: OrderPolicy): { field: string; message: { id: string; en: string } }[] {
  const problems: { field: string; message: { id: string; en: string } }[] = [];
  const codes = new Set<string>();
  policy.groups.forEach((g, i) => {
    if (!/^[a-z][a-z0-9_]{1,39}$/.test(g.code)) problems.push({ field: `groups.${i}.code`, message: { id: 'Kode kelompok: huruf kecil, angka, garis bawah', en: 'Group code: lower-case letters, digits, underscores' } });
    if (codes.has(g.code)) problems.push({ field: `groups.${i}.code`, message: { id: 'Kode kelompok berulang', en: 'Duplicate group code' } });
    codes.add(g.code);
    if (!(g.weight > 0 && g.weight <= 100)) problems.push({ field: `groups.${i}.weight`, message: { id: 'Bobot antara 1 dan 100', en: 'Weight between 1 and 100' } });
  });
  if (policy.mix.priority < 0 || policy.mix.normal < 0 || policy.mix.priority + policy.mix.normal === 0) {
    problems.push({ field: 'mix', message: { id: 'Perbandingan panggilan tidak valid', en: 'Invalid call mix' } });
  }
  if (!(policy.maxWaitMinutes >= 5 && policy.maxWaitMinutes <= 480)) {
    problems.push({ field: 'maxWaitMinutes', message: { id: 'Batas tunggu antara 5 dan 480 menit', en: 'Maximum wait between 5 and 480 minutes' } });
  }
  return problems;
}
