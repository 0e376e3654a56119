/**
 * Check-in for a booked slot (PRODUCT.md §2): no earlier than 30 minutes before the slot, and more
 * than 10 minutes late loses the appointment to the walk-in queue — the rule ASAN Xidmət adopted
 * after a 29 % no-show rate. Both windows are settings. Pure.
 */

export type CheckInPolicy = {
  /** How early, in minutes before the slot starts, check-in opens. */
  earlyMinutes: number;
  /** How late, in minutes after the slot starts, the appointment still holds. */
  lateMinutes: number;
};

export const DEFAULT_CHECK_IN: CheckInPolicy = { earlyMinutes: 30, lateMinutes: 10 };

export type CheckInDecision =
  /** Too early: come back from `opensAt`. */
  | { kind: 'too_early'; opensAt: Date }
  /** In the window: an appointment ticket ordered by its booked time. */
  | { kind: 'appointment' }
  /** Late the same day: an ordinary walk-in ticket, ordered by arrival. */
  | { kind: 'walk_in'; minutesLate: number }
  /** Another day has begun (WIB): the booking is over. */
  | { kind: 'expired' };

const MINUTE = 60_000;

/**
 * `slotStart` is the booked instant; `endOfSlotDay` the last instant of that WIB day (after it, the
 * booking cannot be used at all). Boundaries: exactly `earlyMinutes` before is allowed, exactly
 * `lateMinutes` after is still on time.
 */
export function checkInDecision(now: Date, slotStart: Date, endOfSlotDay: Date, policy: CheckInPolicy = DEFAULT_CHECK_IN): CheckInDecision {
  const t = now.getTime();
  const start = slotStart.getTime();
  if (t > endOfSlotDay.getTime()) return { kind: 'expired' };
  const opensAt = start - policy.earlyMinutes * MINUTE;
  if (t < opensAt) return { kind: 'too_early', opensAt: new Date(opensAt) };
  if (t <= start + policy.lateMinutes * MINUTE) return { kind: 'appointment' };
  return { kind: 'walk_in', minutesLate: Math.floor((t - start) / MINUTE) };
}

/** After this instant a booking nobody checked in for is a no-show, and its place can be released. */
export function noShowAfter(slotStart: Date, policy: CheckInPolicy = DEFAULT_CHECK_IN): Date {
  return new Date(slotStart.getTime() + policy.lateMinutes * MINUTE);
}

export function checkInPolicyProblems(policy: CheckInPolicy): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(policy.earlyMinutes) || policy.earlyMinutes < 0 || policy.earlyMinutes > 240) problems.push('earlyMinutes');
  if (!Number.isInteger(policy.lateMinutes) || policy.lateMinutes < 0 || policy.lateMinutes > 120) problems.push('lateMinutes');
  return problems;
}

/**
 * Graded no-show policy ("warning before any block"): the first no-shows in the look-back window
 * bring a warning with the booking; only from `blockAfter` no-shows is online booking paused, and
 * then only until the oldest of them leaves the window. Walk-in tickets are never refused.
 */
export type NoShowPolicy = { windowDays: number; warnAfter: number; blockAfter: number };
export const DEFAULT_NO_SHOW: NoShowPolicy = { windowDays: 60, warnAfter: 1, blockAfter: 3 };

export type NoShowStanding = { kind: 'clear' } | { kind: 'warning'; count: number; remaining: number } | { kind: 'blocked'; count: number; until: Date };

/** `noShows`: instants of this person's no-shows, any order. */
export function noShowStanding(noShows: readonly Date[], now: Date, policy: NoShowPolicy = DEFAULT_NO_SHOW): NoShowStanding {
  const windowStart = now.getTime() - policy.windowDays * 24 * 60 * MINUTE;
  const inWindow = noShows.map((d) => d.getTime()).filter((t) => t > windowStart && t <= now.getTime()).sort((a, b) => a - b);
  const count = inWindow.length;
  if (count >= policy.blockAfter) {
    // Blocked until enough old no-shows leave the window to drop below the threshold.
    const leaving = inWindow[count - policy.blockAfter]!;
    return { kind: 'blocked', count, until: new Date(leaving + policy.windowDays * 24 * 60 * MINUTE) };
  }
  if (count >= policy.warnAfter) return { kind: 'warning', count, remaining: policy.blockAfter - count };
  return { kind: 'clear' };
}
