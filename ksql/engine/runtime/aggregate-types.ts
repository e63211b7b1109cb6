import type { WindowBounds } from '../serde/serde-types.ts';

/**
 * What an aggregating operator needs from the planner: how to start, extend, retract and merge
 * one accumulator (the accumulator of all aggregate functions of a query, opaque here).
 * `add`/`undo`/`merge` return the new accumulator and never mutate their input.
 */
export interface AggregationOps<A = unknown> {
  init(): A;
  add(acc: A, row: readonly unknown[]): A;
  undo(acc: A, row: readonly unknown[]): A;
  merge(a: A, b: A): A;
}

/**
 * Receives every change of an aggregate table: `acc === null` means the row was deleted (a
 * session merged away). `prevPassed` is what this callback returned for the previous change of
 * the same key/window (false for a new row): the HAVING stage uses it to decide between a
 * tombstone and nothing (reference e.3). Returns whether the row now exists downstream.
 */
export type AggregateSink<A = unknown> = (
  key: readonly unknown[],
  window: WindowBounds | undefined,
  acc: A | null,
  timestamp: number,
  prevPassed: boolean,
) => boolean;

/** Counter of (record, window) pairs dropped as late (reference e.2), per query. */
export interface LateCounter {
  lateDropped(count: number): void;
}
