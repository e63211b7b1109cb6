import type { WindowBounds } from '../serde/serde-types.ts';

/**
 * What an aggregating operator needs from the planner: how to start, extend, retract and merge
 * one accumulator (the accumulator of all aggregate functions of a query, opaque here).
 * `add`/`undo` take the output of `args` and return the new accumulator (they may update
 * `acc` in place: an accumulator belongs to one aggregate row); `merge` returns a new one.
 */
export interface AggregationOps<A = unknown> {
  init(): A;
  /** Evaluates the aggregate arguments of one input row once (a hopping record feeds several windows). */
  args(row: readonly unknown[]): unknown;
  /** A copy of `args` that outlives the next `args` call (the result of `args` may be reused). */
  save(args: unknown): unknown;
  /** Arguments to pass to `add` from a `save`d copy (valid until the next `restore`; never clobbers `args`'s). */
  restore(saved: unknown): unknown;
  add(acc: A, args: unknown): A;
  /** `add` for the listed aggregate calls only (by position); the others keep their value. */
  addSome(acc: A, args: unknown, calls: readonly number[]): A;
  undo(acc: A, args: unknown): A;
  merge(a: A, b: A): A;
}

/**
 * One row of an aggregate table as the aggregating operators keep it (a key, or a key and a
 * window). Operators mutate `acc`/`ts` in place and hand the row to the sink after each change;
 * `acc === null` marks a deleted row (a session merged away). `passed` belongs to the sink: it
 * records whether the row currently exists downstream (HAVING, reference e.3).
 */
export interface AggregateRow<A = unknown> {
  readonly key: readonly unknown[];
  readonly window: WindowBounds | undefined;
  acc: A | null;
  ts: number;
  passed: boolean;
  /** Pending in the record cache (production mode). */
  cached?: boolean;
  /** Called once the sink has output the row: the operator may drop it until the next change. */
  released?(): void;
  /**
   * For rows whose accumulator is computed on demand: one in which the listed aggregate calls
   * are up to date and the others may not be (what HAVING reads, before the whole row is needed).
   */
  accFor?(calls: readonly number[]): A;
}

/** Receives every change of an aggregate table (immediately, or later through the record cache). */
export type AggregateSink<A = unknown> = (row: AggregateRow<A>) => void;

/** Counter of (record, window) pairs dropped as late (reference e.2), per query. */
export interface LateCounter {
  lateDropped(count: number): void;
}
