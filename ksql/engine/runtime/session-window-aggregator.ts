import { keyString } from './key-string.ts';
import type { AggregateRow, AggregateSink, AggregationOps, LateCounter } from './aggregate-types.ts';
import type { WindowBounds } from '../serde/serde-types.ts';

interface Session<A> extends AggregateRow<A> {
  readonly window: WindowBounds;
  acc: A;
}

interface KeySessions<A> {
  readonly key: readonly unknown[];
  sessions: Session<A>[];
}

export interface SessionWindowAggregatorOptions<A> {
  readonly gap: number;
  readonly grace: number;
  readonly retention: number;
  readonly emitFinal: boolean;
  readonly ops: AggregationOps<A>;
  readonly sink: AggregateSink<A>;
  readonly late: LateCounter;
}

/**
 * SESSION aggregation of one task (Kafka Streams `KStreamSessionWindowAggregate`, reference
 * e.1/e.2/e.4). Sessions are inclusive `[start, end]`. A record at `t` merges with this key's
 * sessions with `end >= max(t - gap, storeTime - retention + 1)` and `start <= t + gap`; merged
 * sessions are deleted and each yields a tombstone (timestamp = its end) before the merged row,
 * whose timestamp is the session end. Dropped as late iff the merged end < streamTime - grace - gap.
 */
export class SessionWindowAggregator<A> {
  private readonly byKey = new Map<string, KeySessions<A>>();
  private streamTime = -Infinity;
  /** Max session end ever stored (the session store's stream time). */
  private storeTime = -Infinity;
  private lastEmit: number | undefined;
  private evictCounter = 0;

  constructor(private o: SessionWindowAggregatorOptions<A>) {}

  /** CREATE OR REPLACE: the new query keeps this state with its own functions and sink. */
  rebind(ops: AggregationOps<A>, sink: AggregateSink<A>): void {
    this.o = { ...this.o, ops, sink };
  }

  process(key: readonly unknown[], row: readonly unknown[], ts: number): void {
    const o = this.o;
    if (ts > this.streamTime) this.streamTime = ts;
    const closeTime = this.streamTime - o.grace - o.gap;
    const keyStr = keyString(key);
    let ks = this.byKey.get(keyStr);
    const earliestEnd = Math.max(ts - o.gap, this.storeTime - o.retention + 1);
    const latestStart = ts + o.gap;
    const merged: Session<A>[] = [];
    let start = ts;
    let end = ts;
    let acc = o.ops.init();
    if (ks) {
      for (const s of ks.sessions) {
        if (s.window.end >= earliestEnd && s.window.start <= latestStart) {
          merged.push(s);
          acc = o.ops.merge(acc, s.acc);
          if (s.window.start < start) start = s.window.start;
          if (s.window.end > end) end = s.window.end;
        }
      }
    }
    if (end < closeTime) {
      o.late.lateDropped(1);
      if (o.emitFinal) this.maybeEmitFinal(closeTime);
      return;
    }
    if (!ks) {
      ks = { key: key.slice(), sessions: [] };
      this.byKey.set(keyStr, ks);
    }
    let passed = false;
    if (merged.length > 0) {
      ks.sessions = ks.sessions.filter((s) => !merged.includes(s));
      if (start !== ts || end !== ts) {
        merged.sort((a, b) => a.window.end - b.window.end || a.window.start - b.window.start);
        if (!o.emitFinal) {
          for (const s of merged)
            o.sink({ key: ks.key, window: s.window, acc: null, ts: s.window.end, passed: s.passed });
        }
      } else {
        // The record falls exactly on an existing single-point session [t, t]: overwrite it.
        passed = merged[0]?.passed ?? false;
      }
    }
    acc = o.ops.add(acc, o.ops.args(row));
    const session: Session<A> = { key: ks.key, window: { start, end }, acc, ts: end, passed };
    ks.sessions.push(session);
    if (end > this.storeTime) this.storeTime = end;
    if (!o.emitFinal) o.sink(session);
    else this.maybeEmitFinal(closeTime);
    this.evict();
  }

  /** reference e.4, session windows. */
  private maybeEmitFinal(closeTime: number): void {
    if (this.lastEmit !== undefined && this.lastEmit >= closeTime) return;
    const upper = closeTime - 1;
    if (upper < 0) return;
    const lower = Math.max(0, this.lastEmit ?? -1);
    if (upper < lower) return;
    const out: { keyStr: string; s: Session<A> }[] = [];
    for (const [keyStr, ks] of this.byKey) {
      for (const s of ks.sessions)
        if (s.window.end >= lower && s.window.end <= upper) out.push({ keyStr, s });
    }
    out.sort(
      (a, b) =>
        a.s.window.end - b.s.window.end ||
        (a.keyStr < b.keyStr ? -1 : a.keyStr > b.keyStr ? 1 : 0) ||
        a.s.window.start - b.s.window.start,
    );
    for (const { s } of out) this.o.sink(s);
    this.lastEmit = closeTime;
  }

  /** Forgets sessions that can never be merged into again (end older than the retention). */
  private evict(): void {
    if (++this.evictCounter < 1024) return;
    this.evictCounter = 0;
    const threshold = this.storeTime - this.o.retention;
    for (const [k, ks] of this.byKey) {
      ks.sessions = ks.sessions.filter((s) => s.window.end > threshold);
      if (ks.sessions.length === 0) this.byKey.delete(k);
    }
  }
}
