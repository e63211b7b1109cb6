import { keyString } from './key-string.ts';
import type { AggregateSink, AggregationOps, LateCounter } from './aggregate-types.ts';

interface Session<A> {
  start: number;
  end: number;
  acc: A;
  passed: boolean;
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

  constructor(private readonly o: SessionWindowAggregatorOptions<A>) {}

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
        if (s.end >= earliestEnd && s.start <= latestStart) {
          merged.push(s);
          acc = o.ops.merge(acc, s.acc);
          if (s.start < start) start = s.start;
          if (s.end > end) end = s.end;
        }
      }
    }
    if (end < closeTime) {
      o.late.lateDropped(1);
      if (o.emitFinal) this.maybeEmitFinal(closeTime);
      return;
    }
    if (!ks) {
      ks = { key, sessions: [] };
      this.byKey.set(keyStr, ks);
    }
    let passed = false;
    if (start !== ts || end !== ts) {
      if (merged.length > 0) {
        ks.sessions = ks.sessions.filter((s) => !merged.includes(s));
        merged.sort((a, b) => a.end - b.end || a.start - b.start);
        for (const s of merged) {
          if (!o.emitFinal) o.sink(key, { start: s.start, end: s.end }, null, s.end, s.passed);
        }
      }
    } else if (merged.length > 0) {
      // The record falls exactly on an existing single-point session [t, t]: overwrite it.
      const same = merged[0];
      if (same) {
        passed = same.passed;
        ks.sessions = ks.sessions.filter((s) => s !== same);
      }
    }
    acc = o.ops.add(acc, row);
    const session: Session<A> = { start, end, acc, passed };
    ks.sessions.push(session);
    if (end > this.storeTime) this.storeTime = end;
    if (!o.emitFinal) {
      session.passed = o.sink(key, { start, end }, acc, end, session.passed);
    } else {
      this.maybeEmitFinal(closeTime);
    }
    this.evict();
  }

  /** reference e.4, session windows. */
  private maybeEmitFinal(closeTime: number): void {
    if (this.lastEmit !== undefined && this.lastEmit >= closeTime) return;
    const upper = closeTime - 1;
    if (upper < 0) return;
    const lower = Math.max(0, this.lastEmit ?? -1);
    if (upper < lower) return;
    const out: { key: readonly unknown[]; keyStr: string; s: Session<A> }[] = [];
    for (const [keyStr, ks] of this.byKey) {
      for (const s of ks.sessions) if (s.end >= lower && s.end <= upper) out.push({ key: ks.key, keyStr, s });
    }
    out.sort(
      (a, b) =>
        a.s.end - b.s.end ||
        (a.keyStr < b.keyStr ? -1 : a.keyStr > b.keyStr ? 1 : 0) ||
        a.s.start - b.s.start,
    );
    for (const { key, s } of out)
      s.passed = this.o.sink(key, { start: s.start, end: s.end }, s.acc, s.end, s.passed);
    this.lastEmit = closeTime;
  }

  private evictCounter = 0;
  /** Forgets sessions that can never be merged into again (end older than the retention). */
  private evict(): void {
    if (++this.evictCounter < 1024) return;
    this.evictCounter = 0;
    const threshold = this.storeTime - this.o.retention;
    for (const [k, ks] of this.byKey) {
      ks.sessions = ks.sessions.filter((s) => s.end > threshold);
      if (ks.sessions.length === 0) this.byKey.delete(k);
    }
  }
}
