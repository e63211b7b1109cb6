import { keyString } from './key-string.ts';
import type { AggregateRow, AggregateSink, AggregationOps } from './aggregate-types.ts';

interface Entry<A> extends AggregateRow<A> {
  acc: A;
}

/**
 * Non-windowed aggregation (Kafka Streams `KStreamAggregate` / `KTableAggregate`, reference e.3).
 * Stream → table: `add` per record, output timestamp = max timestamp aggregated. Table → table:
 * the re-keyed change arrives as an `undo` of the old row (to its old group, timestamp = the
 * record's) and then an `add` of the new row (count.json "count table": bob 1, bob 0, john 1...),
 * or as one `replace` when the group does not change. Rows are never deleted by undo: a count
 * goes back to 0.
 */
export class UnwindowedAggregator<A> {
  private readonly entries = new Map<string, Entry<A>>();

  constructor(
    private ops: AggregationOps<A>,
    private sink: AggregateSink<A>,
  ) {}

  /** CREATE OR REPLACE: the new query keeps this state with its own functions and sink. */
  rebind(ops: AggregationOps<A>, sink: AggregateSink<A>): void {
    this.ops = ops;
    this.sink = sink;
  }

  add(key: readonly unknown[], row: readonly unknown[], ts: number): void {
    const keyStr = keyString(key);
    let e = this.entries.get(keyStr);
    if (!e) {
      e = { key: key.slice(), window: undefined, acc: this.ops.init(), ts, passed: false };
      this.entries.set(keyStr, e);
    } else if (ts > e.ts) {
      e.ts = ts;
    }
    e.acc = this.ops.add(e.acc, this.ops.args(row));
    this.sink(e);
  }

  /** A table row changed within the same group: one combined output (group-by.json "constant (table->table)"). */
  replace(key: readonly unknown[], oldRow: readonly unknown[], newRow: readonly unknown[], ts: number): void {
    const e = this.entries.get(keyString(key));
    if (!e) {
      this.add(key, newRow, ts);
      return;
    }
    e.acc = this.ops.add(this.ops.undo(e.acc, this.ops.args(oldRow)), this.ops.args(newRow));
    if (ts > e.ts) e.ts = ts;
    this.sink(e);
  }

  undo(key: readonly unknown[], row: readonly unknown[], ts: number): void {
    const e = this.entries.get(keyString(key));
    if (!e) return;
    e.acc = this.ops.undo(e.acc, this.ops.args(row));
    e.ts = ts;
    this.sink(e);
  }
}
