import { keyString } from './key-string.ts';
import type { AggregateSink, AggregationOps } from './aggregate-types.ts';

interface Entry<A> {
  readonly key: readonly unknown[];
  acc: A;
  ts: number;
  passed: boolean;
}

/**
 * Non-windowed aggregation (Kafka Streams `KStreamAggregate` / `KTableAggregate`, reference e.3).
 * Stream → table: `add` per record, output timestamp = max timestamp aggregated. Table → table:
 * the re-keyed change arrives as an `undo` of the old row (to its old group, timestamp = the
 * record's) and then an `add` of the new row (count.json "count table": bob 1, bob 0, john 1...).
 * Rows are never deleted by undo: a count goes back to 0.
 */
export class UnwindowedAggregator<A> {
  private readonly entries = new Map<string, Entry<A>>();

  constructor(
    private readonly ops: AggregationOps<A>,
    private readonly sink: AggregateSink<A>,
  ) {}

  add(key: readonly unknown[], row: readonly unknown[], ts: number): void {
    const keyStr = keyString(key);
    let e = this.entries.get(keyStr);
    if (!e) {
      e = { key, acc: this.ops.init(), ts, passed: false };
      this.entries.set(keyStr, e);
    } else if (ts > e.ts) {
      e.ts = ts;
    }
    e.acc = this.ops.add(e.acc, row);
    e.passed = this.sink(key, undefined, e.acc, e.ts, e.passed);
  }

  /** A table row changed within the same group: one combined output (group-by.json "constant (table->table)"). */
  replace(key: readonly unknown[], oldRow: readonly unknown[], newRow: readonly unknown[], ts: number): void {
    const e = this.entries.get(keyString(key));
    if (!e) {
      this.add(key, newRow, ts);
      return;
    }
    e.acc = this.ops.add(this.ops.undo(e.acc, oldRow), newRow);
    if (ts > e.ts) e.ts = ts;
    e.passed = this.sink(key, undefined, e.acc, e.ts, e.passed);
  }

  undo(key: readonly unknown[], row: readonly unknown[], ts: number): void {
    const e = this.entries.get(keyString(key));
    if (!e) return;
    e.acc = this.ops.undo(e.acc, row);
    e.ts = ts;
    e.passed = this.sink(key, undefined, e.acc, e.ts, e.passed);
  }
}
