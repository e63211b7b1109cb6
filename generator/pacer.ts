import type { Clock } from './clock.ts';

/**
 * Pacing by deadline: event i is due at its model time `at`, mapped to the wall clock with a
 * fixed offset taken at start. Each wake-up releases everything already due, however late the
 * timer fired, so timer jitter and slow sends never accumulate into a rate error (the original
 * generator slept 1/rate after every message and lost ~45 % of its target rate). If the sink
 * cannot keep up, the pacer falls behind, and `lagMs` says by how much.
 */
export class Pacer {
  private readonly offsetMs: number;

  /**
   * @param modelStartMs model time that corresponds to "now" at construction
   * @param tickMs longest sleep between wake-ups (bounds the batching delay)
   */
  constructor(
    private readonly clock: Clock,
    modelStartMs: number,
    private readonly tickMs = 5,
  ) {
    this.offsetMs = modelStartMs - clock.now();
  }

  /** Model time that is due now. */
  dueUntil(): number {
    return this.clock.now() + this.offsetMs;
  }

  /** How far behind schedule the next event at model time `nextAt` is (0 if not yet due). */
  lagMs(nextAt: number): number {
    return Math.max(0, this.dueUntil() - nextAt);
  }

  /** Sleeps until `nextAt` is due, or for at most one tick. */
  async waitFor(nextAt: number): Promise<void> {
    const wait = nextAt - this.dueUntil();
    if (wait > 0) await this.clock.sleep(Math.min(wait, this.tickMs));
  }
}
