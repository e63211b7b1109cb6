import { keyString } from './key-string.ts';
import type { AggregateSink, AggregationOps, LateCounter } from './aggregate-types.ts';
import { timeWindowStarts } from './window-assign.ts';
import { WindowEntry, type KeyWindows, type WindowReplayer } from './window-entry.ts';

export interface TimeWindowAggregatorOptions<A> {
  readonly size: number;
  readonly advance: number;
  readonly grace: number;
  readonly retention: number;
  readonly emitFinal: boolean;
  readonly ops: AggregationOps<A>;
  readonly sink: AggregateSink<A>;
  readonly late: LateCounter;
  /**
   * A key stays cold (window-entry.ts) until it has this many records; 0 = always hot.
   * EMIT FINAL keys are always hot (the emit scheduler reads every window).
   */
  readonly coldRecords?: number;
}

/** Records a key may have before its windows are kept as rows (a replay costs at most this many calls). */
export const DEFAULT_COLD_RECORDS = 8;

/**
 * TUMBLING/HOPPING aggregation of one task (Kafka Streams `KStreamWindowAggregate`, reference
 * e.1–e.4): stream time = max timestamp seen; a (record, window) pair is accepted iff
 * `windowEnd > streamTime - grace`, else dropped and counted. EMIT CHANGES forwards one update per
 * accepted window in ascending start; EMIT FINAL runs the e.4 emit-on-window-close scheduler.
 * State is one hash lookup per record: key → its windows. `key` may be a reused buffer: it is
 * copied when a key is first seen.
 */
export class TimeWindowAggregator<A> implements WindowReplayer<A> {
  private readonly byKey = new Map<string, KeyWindows<A>>();
  private streamTime = -Infinity;
  /** Max window start ever written (the window store's stream time). */
  private storeTime = -Infinity;
  private lastEmit: number | undefined;
  private sweptAt = -Infinity;

  constructor(private o: TimeWindowAggregatorOptions<A>) {}

  /** CREATE OR REPLACE: the new query keeps this state with its own functions and sink. */
  rebind(ops: AggregationOps<A>, sink: AggregateSink<A>): void {
    // Cold keys' records hold the old query's arguments: their rows are built with the old functions.
    for (const kw of this.byKey.values()) if (kw.records) this.warm(kw, this.threshold());
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
      const cold = !o.emitFinal && (o.coldRecords ?? DEFAULT_COLD_RECORDS) > 0;
      kw = {
        key: key.slice(),
        keyStr,
        newest: undefined,
        newestStart: -Infinity,
        openFrom: -Infinity,
        records: cold ? [] : undefined,
        replayer: this,
      };
      this.byKey.set(keyStr, kw);
    }
    const threshold = this.threshold();
    // Windows start at multiples of the advance: rows can have closed only if that boundary moved.
    const openFrom = Math.ceil(threshold / o.advance) * o.advance;
    if (openFrom > kw.openFrom) {
      if (!isNew) this.prune(kw, threshold);
      kw.openFrom = openFrom;
    }
    if (kw.records && kw.records.length >= (o.coldRecords ?? DEFAULT_COLD_RECORDS)) this.warm(kw, threshold);
    // Windows of `ts` in ascending start (window-assign.ts, inlined: no array per record); the
    // older ones may be late (e.2), and lateness is monotone in the start.
    const first = Math.floor(Math.max(0, ts - o.size + o.advance) / o.advance) * o.advance;
    let accepted = first;
    while (accepted <= ts && accepted + o.size <= closeTime) accepted += o.advance;
    const late = (accepted - first) / o.advance;
    const args = o.ops.args(row);
    if (accepted <= ts) {
      // A cold key's record is kept first: its rows' accumulators are replayed from the records.
      if (kw.records) kw.records = appended(kw.records, { args: o.ops.save(args), ts, first: accepted });
      for (let start = accepted; start <= ts; start += o.advance) {
        const entry = this.entry(kw, start, ts);
        if (entry.value !== undefined) entry.value = o.ops.add(entry.value, args);
        if (start > this.storeTime) this.storeTime = start;
        if (!o.emitFinal) o.sink(entry);
      }
      const newest = ts - (ts % o.advance);
      if (newest > kw.newestStart) {
        kw.newestStart = newest;
        // A new newest window: move the key to the end of the map (a new key is there
        // already), so the map stays ordered by each key's newest window and the sweep
        // finds the idle keys at the front.
        if (!isNew) {
          this.byKey.delete(keyStr);
          this.byKey.set(keyStr, kw);
        }
      }
    }
    if (late > 0) o.late.lateDropped(late);
    if (o.emitFinal) this.maybeEmitFinal(closeTime);
    if (threshold >= this.sweptAt + o.advance) this.sweep(threshold);
  }

  /** The accumulator of a cold key's window: its records accepted into the window, in arrival order. */
  replay(kw: KeyWindows<A>, start: number, calls?: readonly number[]): A {
    const ops = this.o.ops;
    let acc = ops.init();
    for (const r of kw.records ?? []) {
      if (r.first > start || start > r.ts) continue;
      const args = ops.restore(r.args);
      acc = calls ? ops.addSome(acc, args, calls) : ops.add(acc, args);
    }
    return acc;
  }

  /**
   * Finds or creates the row of `kw` for the window starting at `start`, keeping the list
   * sorted. A cold key's new row has no accumulator, and the latest timestamp of its records.
   */
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
    let maxTs = ts;
    if (kw.records) {
      for (const r of kw.records) if (r.first <= start && start <= r.ts && r.ts > maxTs) maxTs = r.ts;
    }
    const acc = kw.records ? undefined : this.o.ops.init();
    const created = new WindowEntry(kw, start, this.o.size, acc, maxTs, e);
    if (newer) newer.older = created;
    else kw.newest = created;
    return created;
  }

  /** Makes a cold key hot: a row with its accumulator for each of its open windows. */
  private warm(kw: KeyWindows<A>, threshold: number): void {
    const records = kw.records;
    if (!records) return;
    for (const r of records) {
      for (let start = r.first; start <= r.ts; start += this.o.advance) {
        if (start >= threshold) this.entry(kw, start, r.ts);
      }
    }
    for (let e = kw.newest; e; e = e.older) e.value = this.replay(kw, e.start);
    kw.records = undefined;
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

  /**
   * Drops the windows of `kw` that start before `threshold` (closed), and a cold key's records
   * that only fed those. A closed row may still be pending in the record cache: it gets its
   * accumulator before the records it would be replayed from go.
   */
  private prune(kw: KeyWindows<A>, threshold: number): void {
    let e = kw.newest;
    if (e && e.start < threshold) kw.newest = undefined;
    else {
      while (e && e.older && e.older.start >= threshold) e = e.older;
      const open = e;
      e = e?.older;
      if (open) open.older = undefined;
    }
    for (; e; e = e.older) if (e.value === undefined && e.cached) e.value = this.replay(kw, e.start);
    const records = kw.records;
    const oldest = records?.[0];
    if (records && oldest && oldest.ts < threshold) kw.records = records.filter((r) => r.ts >= threshold);
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
      if (kw.newestStart >= threshold) break;
      this.byKey.delete(kw.keyStr);
    }
  }
}

function sameWindows(a: number, b: number, size: number, advance: number): boolean {
  const wa = timeWindowStarts(a, size, advance);
  const wb = timeWindowStarts(b, size, advance);
  return wa.length === wb.length && wa.every((s, i) => s === wb[i]);
}

/** A copy of `list` with `item` at the end, of exactly that size (a pushed-to array reserves 17 slots). */
function appended<T>(list: readonly T[], item: T): T[] {
  const out = new Array<T>(list.length + 1);
  for (let i = 0; i < list.length; i++) out[i] = list[i] as T;
  out[list.length] = item;
  return out;
}
