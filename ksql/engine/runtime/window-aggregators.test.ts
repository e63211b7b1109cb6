import { describe, expect, it } from 'vitest';
import type { AggregateSink, AggregationOps } from './aggregate-types.ts';
import { SessionWindowAggregator } from './session-window-aggregator.ts';
import { TimeWindowAggregator } from './time-window-aggregator.ts';
import { UnwindowedAggregator } from './unwindowed-aggregator.ts';
import { timeWindowStarts } from './window-assign.ts';
import { DAY_MS, defaultGrace } from './window-spec.ts';

/** MAX over column 0, as in the QTT window cases (`SELECT ID, max(value)`). */
const maxOps: AggregationOps<number | null> = {
  init: () => null,
  args: (row) => row[0],
  save: (v) => v,
  restore: (v) => v,
  add: (acc, v) => Math.max(acc ?? -Infinity, v as number),
  addSome: (acc, v) => Math.max(acc ?? -Infinity, v as number),
  undo: (acc) => acc,
  merge: (a, b) => (a === null ? b : b === null ? a : Math.max(a, b)),
};

type Out = [key: unknown, value: number | null, ts: number, start?: number, end?: number];

function collect(): {
  out: Out[];
  sink: AggregateSink<number | null>;
  late: { n: number; lateDropped(c: number): void };
} {
  const out: Out[] = [];
  const sink: AggregateSink<number | null> = (r) => {
    const w = r.window;
    out.push(w ? [r.key[0], r.acc, r.ts, w.start, w.end] : [r.key[0], r.acc, r.ts]);
  };
  const late = {
    n: 0,
    lateDropped(c: number) {
      this.n += c;
    },
  };
  return { out, sink, late };
}

type In = [key: number, value: number, ts: number];

describe('window assignment (e.1)', () => {
  it('assigns hopping windows in ascending start, never negative', () => {
    expect(timeWindowStarts(10009, 30000, 10000)).toEqual([0, 10000]);
    expect(timeWindowStarts(35000, 30000, 10000)).toEqual([10000, 20000, 30000]);
    expect(timeWindowStarts(29999, 30000, 30000)).toEqual([0]);
    expect(timeWindowStarts(30000, 30000, 30000)).toEqual([30000]);
  });
  it('defaults grace to 24h - size with EMIT CHANGES and 0 with EMIT FINAL (e.2)', () => {
    expect(defaultGrace(30000, false)).toBe(DAY_MS - 30000);
    expect(defaultGrace(30000, true)).toBe(0);
  });
});

describe('TimeWindowAggregator', () => {
  const inputs: In[] = [
    [0, 0, 0],
    [0, 1, 89999],
    [0, 5, 10009],
    [0, 0, 90000],
    [0, 6, 10010],
    [1, 100, 10009],
    [1, 101, 30000],
    [1, 200, 86412022],
    [1, 200, 60000],
  ];

  it('tumbling-windows.json "out of order - explicit grace period"', () => {
    const { out, sink, late } = collect();
    const agg = new TimeWindowAggregator({
      size: 30000,
      advance: 30000,
      grace: 60000,
      retention: 90000,
      emitFinal: false,
      ops: maxOps,
      sink,
      late,
    });
    for (const [k, v, ts] of inputs) agg.process([k], [v], ts);
    expect(out).toEqual([
      [0, 0, 0, 0, 30000],
      [0, 1, 89999, 60000, 90000],
      [0, 5, 10009, 0, 30000],
      [0, 0, 90000, 90000, 120000],
      [1, 101, 30000, 30000, 60000],
      [1, 200, 86412022, 86400000, 86430000],
    ]);
    expect(late.n).toBe(3);
  });

  it('tumbling-windows.json "out of order - no grace period" (default 24h - size)', () => {
    const { out, sink, late } = collect();
    const grace = defaultGrace(30000, false);
    const agg = new TimeWindowAggregator({
      size: 30000,
      advance: 30000,
      grace,
      retention: 30000 + grace,
      emitFinal: false,
      ops: maxOps,
      sink,
      late,
    });
    for (const [k, v, ts] of inputs) agg.process([k], [v], ts);
    expect(out.map((o) => [o[0], o[1], o[2], o[3]])).toEqual([
      [0, 0, 0, 0],
      [0, 1, 89999, 60000],
      [0, 5, 10009, 0],
      [0, 0, 90000, 90000],
      [0, 6, 10010, 0],
      [1, 100, 10009, 0],
      [1, 101, 30000, 30000],
      [1, 200, 86412022, 86400000],
      [1, 200, 60000, 60000],
    ]);
    expect(late.n).toBe(0);
  });

  it('EMIT FINAL emits closed windows once, on new input (e.4)', () => {
    const { out, sink, late } = collect();
    const agg = new TimeWindowAggregator({
      size: 2000,
      advance: 2000,
      grace: 0,
      retention: 2000,
      emitFinal: true,
      ops: maxOps,
      sink,
      late,
    });
    agg.process([1], [1], 0);
    agg.process([1], [2], 1000);
    agg.process([2], [7], 1500);
    expect(out).toEqual([]);
    agg.process([1], [3], 2000);
    expect(out).toEqual([
      [1, 2, 1000, 0, 2000],
      [2, 7, 1500, 0, 2000],
    ]);
    agg.process([1], [9], 1999);
    expect(late.n).toBe(1);
    agg.process([1], [4], 4000);
    expect(out.at(-1)).toEqual([1, 3, 2000, 2000, 4000]);
  });
});

describe('SessionWindowAggregator', () => {
  it('session-windows.json "out of order - no grace period": merges with tombstones', () => {
    const { out, sink, late } = collect();
    const gap = 30000;
    const grace = defaultGrace(gap, false);
    const agg = new SessionWindowAggregator({
      gap,
      grace,
      retention: gap + grace,
      emitFinal: false,
      ops: maxOps,
      sink,
      late,
    });
    const inputs: In[] = [
      [0, 0, 0],
      [0, 1, 70010],
      [0, 5, 10009],
      [0, 6, 10010],
      [1, 100, 10009],
      [1, 101, 10010],
      [1, 200, 86412022],
      [1, 200, 60000],
    ];
    for (const [k, v, ts] of inputs) agg.process([k], [v], ts);
    expect(out).toEqual([
      [0, 0, 0, 0, 0],
      [0, 1, 70010, 70010, 70010],
      [0, null, 0, 0, 0],
      [0, 5, 10009, 0, 10009],
      [0, null, 10009, 0, 10009],
      [0, 6, 10010, 0, 10010],
      [1, 100, 10009, 10009, 10009],
      [1, null, 10009, 10009, 10009],
      [1, 101, 10010, 10009, 10010],
      [1, 200, 86412022, 86412022, 86412022],
      [1, 200, 60000, 60000, 60000],
    ]);
    expect(late.n).toBe(0);
  });

  it('session-windows.json "out of order - explicit grace period": retention hides old sessions', () => {
    const { out, sink, late } = collect();
    const agg = new SessionWindowAggregator({
      gap: 30000,
      grace: 60000,
      retention: 90000,
      emitFinal: false,
      ops: maxOps,
      sink,
      late,
    });
    const inputs: In[] = [
      [0, 0, 0],
      [0, 1, 100010],
      [0, 5, 10009],
      [0, 6, 10010],
      [1, 100, 10009],
      [1, 101, 10010],
      [1, 200, 86412022],
      [1, 200, 60000],
    ];
    for (const [k, v, ts] of inputs) agg.process([k], [v], ts);
    expect(out).toEqual([
      [0, 0, 0, 0, 0],
      [0, 1, 100010, 100010, 100010],
      [0, 6, 10010, 10010, 10010],
      [1, 101, 10010, 10010, 10010],
      [1, 200, 86412022, 86412022, 86412022],
    ]);
    expect(late.n).toBe(3);
  });
});

describe('UnwindowedAggregator', () => {
  it('count.json "count table": undo to the old group, then add to the new one', () => {
    const out: [unknown, number][] = [];
    const count: AggregationOps<number> = {
      init: () => 0,
      args: () => null,
      save: () => null,
      restore: () => null,
      add: (a) => a + 1,
      addSome: (a) => a + 1,
      undo: (a) => a - 1,
      merge: (a, b) => a + b,
    };
    const agg = new UnwindowedAggregator(count, (r) => {
      out.push([r.key[0], r.acc ?? -1]);
    });
    agg.add(['bob'], [], 0);
    agg.undo(['bob'], [], 0);
    agg.add(['john'], [], 0);
    agg.add(['john'], [], 0);
    agg.undo(['john'], [], 0);
    expect(out).toEqual([
      ['bob', 1],
      ['bob', 0],
      ['john', 1],
      ['john', 2],
      ['john', 1],
    ]);
  });
});
