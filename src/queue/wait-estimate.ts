/**
 * Estimated waiting time for a ticket: the work queued ahead of it (each ticket's expected service
 * time, by service), shared by the counters open for it, plus what is left of the tickets being
 * served now. Service times are observed (today's and recent finished tickets) and shrunk toward
 * the configured default while there are few observations, so one quick first ticket does not
 * promise everyone a two-minute wait. Pure: the service gathers the numbers.
 */

export type ServiceTimeStats = { meanMinutes: number; samples: number };

export type WaitInput = {
  /** The service of each ticket ahead, in call order (the ticket itself excluded). */
  ahead: readonly { serviceId: string }[];
  /** Observed service times per service. */
  observed: ReadonlyMap<string, ServiceTimeStats>;
  /** Minutes per ticket when a service has no observations yet. */
  defaultMinutes: number;
  /** Counters open (not paused) that can serve this ticket. */
  openCounters: number;
  /** The tickets open counters are serving now, and for how many minutes already (idle counters: none). */
  inService?: readonly { serviceId: string; elapsedMinutes: number }[];
  /** How many observations weigh as much as the default; more observations, less default. */
  priorWeight?: number;
};

export type WaitEstimate =
  | { kind: 'estimate'; minutes: number; low: number; high: number }
  /** No counter is open for this service: no honest number can be given. */
  | { kind: 'no_counter' };

/** Expected minutes for one ticket of a service: observed mean shrunk toward the default. */
export function expectedMinutes(serviceId: string, observed: ReadonlyMap<string, ServiceTimeStats>, defaultMinutes: number, priorWeight = 5): number {
  const stats = observed.get(serviceId);
  if (!stats || stats.samples <= 0 || !Number.isFinite(stats.meanMinutes) || stats.meanMinutes < 0) return defaultMinutes;
  return (stats.meanMinutes * stats.samples + defaultMinutes * priorWeight) / (stats.samples + priorWeight);
}

export function estimateWait(input: WaitInput): WaitEstimate {
  const counters = Math.floor(input.openCounters);
  if (counters <= 0) return { kind: 'no_counter' };
  const prior = input.priorWeight ?? 5;
  const work = input.ahead.reduce((sum, t) => sum + expectedMinutes(t.serviceId, input.observed, input.defaultMinutes, prior), 0);
  // A counter busy for e minutes on a ticket of mean m has about max(m − e, m/4) left: never zero,
  // since a service that overruns its mean is still running.
  const remaining = (input.inService ?? []).slice(0, counters).reduce((sum, t) => {
    const mean = expectedMinutes(t.serviceId, input.observed, input.defaultMinutes, prior);
    return sum + Math.max(mean - Math.max(0, t.elapsedMinutes), mean / 4);
  }, 0);
  const minutes = (work + remaining) / counters;
  const rounded = Math.max(0, Math.round(minutes));
  // The spread grows with the number of tickets ahead (service times vary, about ±30 % each).
  const spread = Math.round(minutes * 0.3 / Math.sqrt(Math.max(1, input.ahead.length)) + (input.ahead.length > 0 ? 2 : 0));
  return { kind: 'estimate', minutes: rounded, low: Math.max(0, rounded - spread), high: rounded + spread };
}

/** Whether the "your turn is near" message is due: at most `ahead` tickets ahead, or at most `minutes` left. */
export function turnIsNear(position: number, estimate: WaitEstimate, rule: { ahead: number; minutes: number }): boolean {
  if (position <= rule.ahead) return true;
  return estimate.kind === 'estimate' && estimate.minutes <= rule.minutes;
}
