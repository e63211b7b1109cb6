import { keyString } from './key-string.ts';
import type { AggregateSink, AggregationOps, LateCounter } from './aggregate-types.ts';
import { timeWindowStarts } from './window-assign.ts';

interface WindowEntry<A> {
  readonly key: readonly unknown[];
  readonly keyStr: string;
  readonly start: number;
  acc: A;
  /** max timestamp aggregated into the window (the output record timestamp, e.3). */
  ts: number;
  passed: boolean;
}

export interface TimeWindowAggregatorOptions<A> {
  readonly size: number;
  readonly advance: number;
  readonly grace: number;
  readonly retention: number;
  readonly emitFinal: boolean;
  readonly ops: AggregationOps<A>;
  readonly sink: AggregateSink<A>;
  readonly late: LateCounter;
}

/**
 * TUMBLING/HOPPING aggregation of one task (Kafka Streams `KStreamWindowAggregate`, reference
 * e.1–e.4): stream time = max timestamp seen; a (record, window) pair is accepted iff
 * `windowEnd > streamTime - grace`, else dropped and counted. EMIT CHANGES forwards one update per
 * accepted window in ascending start; EMIT FINAL runs the e.4 emit-on-window-close scheduler.
 * Windows older than the retention are evicted.
 */
export class TimeWindowAggregator<A> {
  private readonly byStart = new Map<number, Map<string, WindowEntry<A>>>();
  private streamTime = -Infinity;
  /** Max window start ever written (the window store's stream time). */
  private storeTime = -Infinity;
  private lastEmit: number | undefined;
  private evictedBelow = -Infinity;

  constructor(private readonly o: TimeWindowAggregatorOptions<A>) {}

  process(key: readonly unknown[], row: readonly unknown[], ts: number): void {
    const o = this.o;
    if (ts > this.streamTime) this.streamTime = ts;
    const closeTime = this.streamTime - o.grace;
    const keyStr = keyString(key);
    const starts = timeWindowStarts(ts, o.size, o.advance);
    let late = 0;
    for (const start of starts) {
      if (start + o.size <= closeTime) {
        late++;
        continue;
      }
      let bucket = this.byStart.get(start);
      if (!bucket) {
        bucket = new Map();
        this.byStart.set(start, bucket);
      }
      let entry = bucket.get(keyStr);
      if (!entry) {
        entry = { key, keyStr, start, acc: o.ops.init(), ts, passed: false };
        bucket.set(keyStr, entry);
      } else if (ts > entry.ts) {
        entry.ts = ts;
      }
      entry.acc = o.ops.add(entry.acc, row);
      if (start > this.storeTime) this.storeTime = start;
      if (!o.emitFinal) {
        entry.passed = o.sink(key, { start, end: start + o.size }, entry.acc, entry.ts, entry.passed);
      }
    }
    if (late > 0) o.late.lateDropped(late);
    if (o.emitFinal) this.maybeEmitFinal(closeTime);
    this.evict();
  }

  /** reference e.4, time windows. */
  private maybeEmitFinal(closeTime: number): void {
    const o = this.o;
    if (this.lastEmit !== undefined && this.lastEmit >= closeTime) return;
    const upper = closeTime - o.size;
    if (upper < 0) return;
    const lower = this.lastEmit === undefined ? 0 : Math.max(0, this.lastEmit - o.size) + 1;
    if (this.lastEmit !== undefined && sameWindows(upper, lower - 1, o.size, o.advance)) return;
    const from = Math.max(lower, this.storeTime - o.retention);
    const starts = [...this.byStart.keys()].filter((s) => s >= from && s <= upper).sort((a, b) => a - b);
    for (const start of starts) {
      const bucket = this.byStart.get(start);
      if (!bucket) continue;
      const entries = [...bucket.values()].sort((a, b) =>
        a.keyStr < b.keyStr ? -1 : a.keyStr > b.keyStr ? 1 : 0,
      );
      for (const e of entries) {
        e.passed = o.sink(e.key, { start, end: start + o.size }, e.acc, e.ts, e.passed);
      }
    }
    this.lastEmit = closeTime;
  }

  /** Drops windows whose start is below `storeTime - retention` (segment expiry, simplified). */
  private evict(): void {
    const threshold = this.storeTime - this.o.retention;
    if (threshold <= this.evictedBelow + this.o.advance) return;
    for (const start of this.byStart.keys()) {
      if (start < threshold) this.byStart.delete(start);
    }
    this.evictedBelow = threshold;
  }
}

function sameWindows(a: number, b: number, size: number, advance: number): boolean {
  const wa = timeWindowStarts(a, size, advance);
  const wb = timeWindowStarts(b, size, advance);
  return wa.length === wb.length && wa.every((s, i) => s === wb[i]);
}
