import type { WindowBounds } from '../serde/serde-types.ts';
import type { AggregateRow } from './aggregate-types.ts';

/** A record of a cold key, kept to rebuild its windows: `save`d arguments, time, first accepted window. */
export interface SavedRecord {
  readonly args: unknown;
  readonly ts: number;
  /** Start of the oldest window the record was accepted into (the older ones were late, e.2). */
  readonly first: number;
}

/** Rebuilds the accumulator of a cold key's window from the key's records. */
export interface WindowReplayer<A> {
  /** All aggregate calls, or only `calls` (the others stay at their initial value). */
  replay(kw: KeyWindows<A>, start: number, calls?: readonly number[]): A;
}

/**
 * The state of one key of a time-window aggregation.
 *
 * A hot key holds a row with its accumulator per open window. A cold key (one with few
 * records so far: per-IP or per-session keys of a high-cardinality stream are mostly seen once
 * or twice) holds its records instead, and rows without accumulators only while they are
 * pending in the record cache or pass HAVING: a row's accumulator is computed when it is
 * output, by replaying the key's records accepted into the window in arrival order (the same
 * aggregate calls on the same arguments as an accumulator kept since the first record). A few
 * short records cost far less live memory than an accumulator per window, and live memory is
 * what the garbage collector copies and marks.
 */
export interface KeyWindows<A> {
  readonly key: readonly unknown[];
  readonly keyStr: string;
  /** Rows, newest window first. */
  newest: WindowEntry<A> | undefined;
  /** Start of the newest window the key was accepted into: orders keys for the sweep. */
  newestStart: number;
  /** Start of the oldest window still open when the key was last pruned. */
  openFrom: number;
  /** A cold key's records in arrival order; undefined once the key is hot. */
  records: SavedRecord[] | undefined;
  readonly replayer: WindowReplayer<A>;
}

/** One window of one key: the aggregate row with its own bounds (no bounds object per window). */
export class WindowEntry<A> implements AggregateRow<A>, WindowBounds {
  readonly end: number;
  passed = false;
  cached = false;

  constructor(
    readonly owner: KeyWindows<A>,
    readonly start: number,
    size: number,
    /** The accumulator of a hot key's row; undefined for a cold key's (computed on read). */
    public value: A | undefined,
    /** max timestamp aggregated into the window (the output record timestamp, e.3). */
    public ts: number,
    /** The key's next older row. */
    public older: WindowEntry<A> | undefined,
  ) {
    this.end = start + size;
  }

  get acc(): A {
    return this.value === undefined ? this.owner.replayer.replay(this.owner, this.start) : this.value;
  }

  set acc(acc: A) {
    this.value = acc;
  }

  accFor(calls: readonly number[]): A {
    return this.value === undefined ? this.owner.replayer.replay(this.owner, this.start, calls) : this.value;
  }

  get key(): readonly unknown[] {
    return this.owner.key;
  }

  get window(): WindowBounds {
    return this;
  }

  /** A cold key forgets the row once it is output, unless HAVING passes it (its tombstone state). */
  released(): void {
    const owner = this.owner;
    if (!owner.records || this.passed || this.cached) return;
    if (owner.newest === this) {
      owner.newest = this.older;
      return;
    }
    for (let e = owner.newest; e; e = e.older) {
      if (e.older === this) {
        e.older = this.older;
        return;
      }
    }
  }
}
