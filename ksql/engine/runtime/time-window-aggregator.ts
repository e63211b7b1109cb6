import type { WindowBounds } from '../serde/serde-types.ts';
import { keyString } from './key-string.ts';
import type { AggregateRow, AggregateSink, AggregationOps, LateCounter } from './aggregate-types.ts';
import { timeWindowStarts } from './window-assign.ts';

/**
 * One window of one key: the aggregate row and its own window bounds (no separate bounds
 * object: with one short-lived key per record, a hopping aggregation creates size / advance
 * rows per record).
 */
class WindowEntry<A> implements AggregateRow<A>, WindowBounds {
  readonly end: number;
  passed = false;
  cached = false;

  constructor(
    readonly key: readonly unknown[],
    readonly start: number,
    size: number,
    public acc: A,
    /** max timestamp aggregated into the window (the output record timestamp, e.3). */
    public ts: number,
    /** The key's next older window: a key's windows are a list, newest first. */
    public older: WindowEntry<A> | undefined,
  ) {
    this.end = start + size;
  }

  get window(): WindowBounds {
    return this;
  }
}

/**
 * The open windows of one key, linked newest first (a handful: size / advance + grace /
 * advance; a list costs no array per key, and records mostly touch the newest windows).
 */
interface KeyWindows<A> {
  readonly key: readonly unknown[];
  readonly keyStr: string;
  newest: WindowEntry<A> | undefined;
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
 * State is one hash lookup per record: key → its windows. `key` may be a reused buffer: it is
 * copied when a key is first seen.
 */
export class TimeWindowAggregator<A> {
  private readonly byKey = new Map<string, KeyWindows<A>>();
  private streamTime = -Infinity;
  /** Max window start ever written (the window store's stream time). */
  private storeTime = -Infinity;
  private lastEmit: number | undefined;
  private sweptAt = -Infinity;

  constructor(private o: TimeWindowAggregatorOptions<A>) {}

  /** CREATE OR REPLACE: the new query keeps this state with its own functions and sink. */
  rebind(ops: AggregationOps<A>, sink: AggregateSink<A>): void {
    this.o = { ...this.o, ops, sink };
  }

  process(key: readonly unknown[], row: readonly unknown[], ts: number): void {
    const o = this.o;
    if (ts > this.streamTime) this.streamTime = ts;
    const closeTime = this.streamTime - o.grace;
    const keyStr = keyString(key);
    let kw = this.byKey.get(keyStr);
    const isNew = !kw;
    if (!kw) {
      kw = { key: key.slice(), keyStr, newest: undefined };
      this.byKey.set(keyStr, kw);
    }
    const threshold = this.threshold();
    this.prune(kw, threshold);
    const newest = kw.newest ? kw.newest.start : -Infinity;
    // Windows of `ts` in ascending start (window-assign.ts, inlined: no array per record).
    const first = Math.floor(Math.max(0, ts - o.size + o.advance) / o.advance) * o.advance;
    const args = o.ops.args(row);
    let late = 0;
    for (let start = first; start <= ts; start += o.advance) {
      if (start + o.size <= closeTime) {
        late++;
        continue;
      }
      const entry = this.entry(kw, start, ts);
      entry.acc = o.ops.add(entry.acc, args);
      if (start > this.storeTime) this.storeTime = start;
      if (!o.emitFinal) o.sink(entry);
    }
    if (!isNew && kw.newest && kw.newest.start > newest) {
      // A new newest window: move the key to the end of the map (once per record; a new key
      // is there already), so the map stays ordered by each key's newest window and the
      // sweep finds the idle keys at the front.
      this.byKey.delete(keyStr);
      this.byKey.set(keyStr, kw);
    }
    if (late > 0) o.late.lateDropped(late);
    if (o.emitFinal) this.maybeEmitFinal(closeTime);
    if (threshold >= this.sweptAt + o.advance) this.sweep(threshold);
  }

  /** Finds or creates the window of `kw` starting at `start`, keeping the list sorted. */
  private entry(kw: KeyWindows<A>, start: number, ts: number): WindowEntry<A> {
    let newer: WindowEntry<A> | undefined;
    let e = kw.newest;
    while (e && e.start > start) {
      newer = e;
      e = e.older;
    }
    if (e && e.start === start) {
      if (ts > e.ts) e.ts = ts;
      return e;
    }
    const created = new WindowEntry(kw.key, start, this.o.size, this.o.ops.init(), ts, e);
    if (newer) newer.older = created;
    else kw.newest = created;
    return created;
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
    const out: { keyStr: string; e: WindowEntry<A> }[] = [];
    for (const kw of this.byKey.values()) {
      for (let e = kw.newest; e; e = e.older)
        if (e.start >= from && e.start <= upper) out.push({ keyStr: kw.keyStr, e });
    }
    out.sort((a, b) => a.e.start - b.e.start || (a.keyStr < b.keyStr ? -1 : a.keyStr > b.keyStr ? 1 : 0));
    for (const { e } of out) o.sink(e);
    this.lastEmit = closeTime;
  }

  /**
   * Windows that can no longer change or be emitted. With EMIT CHANGES a window is final once
   * `end <= streamTime - grace` (Kafka Streams keeps it until the retention for pull queries,
   * which this engine does not serve); with EMIT FINAL windows stay until the retention passes
   * (`storeTime - retention`, the emit range's lower clamp).
   */
  private threshold(): number {
    const o = this.o;
    return o.emitFinal ? this.storeTime - o.retention : this.streamTime - o.grace - o.size + 1;
  }

  /** Unlinks the windows of `kw` that start before `threshold` (the oldest ones). */
  private prune(kw: KeyWindows<A>, threshold: number): void {
    let e = kw.newest;
    if (!e || e.start < threshold) {
      kw.newest = undefined;
      return;
    }
    while (e.older && e.older.start >= threshold) e = e.older;
    e.older = undefined;
  }

  /**
   * Once per window advance of the threshold: drops idle keys whose windows have all closed.
   * Keys are ordered by their newest window (see `entry`), so the scan stops at the first key
   * still holding a live window instead of visiting every key: with hundreds of thousands of
   * IPs a full scan froze the stream for hundreds of milliseconds. Closed windows of live keys
   * are pruned when their key is next updated.
   */
  private sweep(threshold: number): void {
    this.sweptAt = threshold;
    for (const kw of this.byKey.values()) {
      const newest = kw.newest;
      if (newest && newest.start >= threshold) break;
      this.byKey.delete(kw.keyStr);
    }
  }
}

function sameWindows(a: number, b: number, size: number, advance: number): boolean {
  const wa = timeWindowStarts(a, size, advance);
  const wb = timeWindowStarts(b, size, advance);
  return wa.length === wb.length && wa.every((s, i) => s === wb[i]);
}
