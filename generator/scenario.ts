import type { GeneratedEvent } from './events.ts';
import type { Prng } from './prng.ts';
import type { ScenarioName, TruthRecord } from './truth.ts';

/**
 * A traffic scenario: a time-ordered stream of events on the model clock. The source merges
 * the selected scenarios by `peekAt()`.
 */
export interface Scenario {
  readonly name: ScenarioName;
  /** Model time of the next event, or Infinity when the scenario has nothing more. */
  peekAt(): number;
  /** The next event (due at the `peekAt()` value). */
  next(): GeneratedEvent;
  /** Truth for episodes still open when the run stops at model time `endAt` (complete: false). */
  close(endAt: number): TruthRecord[];
}

export interface ScenarioContext {
  /** This scenario's own random stream (forked from the run seed by scenario name). */
  readonly prng: Prng;
  /** Model time of the run's start, epoch ms. */
  readonly startMs: number;
  /** Normal shopper orders per second (--rate). */
  readonly rate: number;
}
