import { describe, expect, it } from 'vitest';
import { resolveAgg } from '../functions/aggregate/test-helpers.ts';
import type { AggregateCall } from '../plan/query-plan.ts';
import { BIGINT, DOUBLE, STRING } from '../types/sql-type.ts';
import type { AggregateRow } from './aggregate-types.ts';
import { aggregationOps } from './aggregation-ops.ts';
import { RecordCache } from './record-cache.ts';
import { TimeWindowAggregator } from './time-window-aggregator.ts';

/** Rows: [key, user, amount, price]. */
const calls: AggregateCall[] = [
  { fn: resolveAgg('COUNT', []), args: [] },
  { fn: resolveAgg('SUM', [BIGINT]), args: [(r) => r[2]] },
  { fn: resolveAgg('COUNT_DISTINCT', [STRING]), args: [(r) => r[1]] },
  { fn: resolveAgg('LATEST_BY_OFFSET', [STRING]), args: [(r) => r[1]] },
  { fn: resolveAgg('SUM', [DOUBLE]), args: [(r) => r[3]] },
];

/** A deterministic stream: few keys and many, in order and late, null arguments included. */
function stream(seed: number, n: number, keys: number): unknown[][] {
  let x = seed;
  const rnd = (m: number): number => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    return x % m;
  };
  const out: unknown[][] = [];
  let t = 0;
  for (let i = 0; i < n; i++) {
    t += rnd(700);
    const ts = rnd(10) === 0 ? Math.max(0, t - rnd(90_000)) : t; // one in ten is late
    const user = rnd(7) === 0 ? null : `u${rnd(5)}`;
    out.push([`k${rnd(keys)}`, user, BigInt(rnd(1000)), rnd(100) / 10, ts]);
  }
  return out;
}

type Emitted = [key: unknown, start: number, ts: number, values: unknown[], passed: boolean];

/** Runs the aggregator as the runtime does: a sink with HAVING state, optionally a record cache. */
function run(
  rows: unknown[][],
  coldRecords: number,
  cacheEntries: number,
  size: number,
  advance: number,
): Emitted[] {
  const out: Emitted[] = [];
  const output = (r: AggregateRow<unknown[]>): void => {
    // HAVING COUNT(*) >= 2 reads call 0 only, as the runtime computes it first
    const having = r.accFor ? r.accFor([0]) : (r.acc as unknown[]);
    r.passed = ((calls[0] as AggregateCall).fn.map(having[0]) as bigint) >= 2n;
    const values = calls.map((c, i) => c.fn.map((r.acc as unknown[])[i]));
    out.push([r.key[0], r.window!.start, r.ts, values, r.passed]);
  };
  const forward = (r: AggregateRow<unknown[]>): void => {
    output(r);
    r.released?.();
  };
  let now = 0;
  const commitEvery = cacheEntries > 1000 ? Number.MAX_SAFE_INTEGER : 5;
  const cache = new RecordCache(forward, cacheEntries, commitEvery, () => now);
  const agg = new TimeWindowAggregator<unknown[]>({
    size,
    advance,
    grace: 30_000,
    retention: size + 30_000,
    emitFinal: false,
    ops: aggregationOps(calls),
    sink: cacheEntries > 0 ? (r) => cache.put(r) : forward,
    late: { lateDropped: () => {} },
    coldRecords,
  });
  for (const row of rows) {
    agg.process([row[0]], row, row[4] as number);
    now++;
    cache.tick();
  }
  cache.flush();
  return out;
}

describe('TimeWindowAggregator cold keys', () => {
  it.each([
    ['hopping, many keys', 30_000, 10_000, 400],
    ['hopping, few keys (keys turn hot)', 30_000, 10_000, 3],
    ['tumbling', 30_000, 30_000, 50],
  ])('output exactly what rows kept for every window give: %s', (_, size, advance, keys) => {
    const rows = stream(42 + keys, 3000, keys);
    // no cache; a small one committing often; one holding every row until the end (windows close while pending)
    for (const cacheEntries of [0, 7, 1e9]) {
      const hot = run(rows, 0, cacheEntries, size, advance);
      expect(hot.length).toBeGreaterThan(100);
      for (const cold of [1, 2, 8]) expect(run(rows, cold, cacheEntries, size, advance)).toEqual(hot);
    }
  });
});
