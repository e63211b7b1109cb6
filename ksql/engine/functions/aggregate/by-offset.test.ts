import { describe, expect, it } from 'vitest';
import { INT, array, struct, BIGINT } from '../../types/sql-type.ts';
import type { ResolvedAggregate } from '../function-types.ts';
import { resolveAgg, run } from './test-helpers.ts';

/** Session merge as Kafka Streams does it: merge(init, s1), then s2..., then aggregate the new row. */
function mergeSessions(agg: ResolvedAggregate, sessions: unknown[], value: unknown): unknown {
  let acc = agg.initialize();
  for (const s of sessions) acc = agg.merge(acc, s);
  return agg.map(agg.aggregate([value], acc));
}

describe('LATEST_BY_OFFSET', () => {
  it('types: T, or ARRAY<T> for n; intermediate STRUCT<SEQ, VAL>', () => {
    const one = resolveAgg('LATEST_BY_OFFSET', [INT]);
    expect(one.returnType).toEqual(INT);
    expect(one.aggregateType).toEqual(
      struct([
        { name: 'SEQ', type: BIGINT },
        { name: 'VAL', type: INT },
      ]),
    );
    expect(resolveAgg('LATEST_BY_OFFSET', [INT], [2]).returnType).toEqual(array(INT));
  });

  it('ignores nulls by default; keeps them with false (latest-offset-udaf.json)', () => {
    expect(run(resolveAgg('LATEST_BY_OFFSET', [INT], [true]), [12, null, 13]).outputs).toEqual([12, 12, 13]);
    expect(run(resolveAgg('LATEST_BY_OFFSET', [INT], [false]), [12, null, 13]).outputs).toEqual([
      12,
      null,
      13,
    ]);
    expect(run(resolveAgg('LATEST_BY_OFFSET', [INT], [2, true]), [12, null, 13]).outputs).toEqual([
      [12],
      [12],
      [12, 13],
    ]);
    expect(run(resolveAgg('LATEST_BY_OFFSET', [INT], [2, false]), [12, null, 13]).outputs).toEqual([
      [12],
      [12, null],
      [null, 13],
    ]);
    expect(run(resolveAgg('LATEST_BY_OFFSET', [INT], [2]), [null, null]).outputs).toEqual([[], []]);
  });

  it('does not mutate accumulators', () => {
    const agg = resolveAgg('LATEST_BY_OFFSET', [INT], [2]);
    const a1 = agg.aggregate([1], agg.initialize());
    const a2 = agg.aggregate([2], a1);
    expect(agg.map(a1)).toEqual([1]);
    expect(agg.map(a2)).toEqual([1, 2]);
  });

  it('merges sessions by sequence ("merging session windows" cases)', () => {
    const agg = resolveAgg('LATEST_BY_OFFSET', [INT]);
    const s1 = agg.aggregate([1], agg.initialize());
    const s2 = agg.aggregate([3], agg.initialize());
    expect(mergeSessions(agg, [s1, s2], 2)).toBe(2);
    // nulls ignored when merging: the fresh accumulator's null loses to 1.
    expect(mergeSessions(agg, [agg.aggregate([1], agg.initialize())], null)).toBe(1);
    const keep = resolveAgg('LATEST_BY_OFFSET', [INT], [false]);
    expect(mergeSessions(keep, [keep.aggregate([1], keep.initialize())], null)).toBeNull();
    const n = resolveAgg('LATEST_BY_OFFSET', [INT], [2, false]);
    const n1 = n.aggregate([1], n.initialize());
    const n2 = n.aggregate([null], n.initialize());
    expect(mergeSessions(n, [n1, n2], 2)).toEqual([null, 2]);
  });
});

describe('EARLIEST_BY_OFFSET', () => {
  it('keeps the first value (earliest-offset-udaf.json)', () => {
    expect(run(resolveAgg('EARLIEST_BY_OFFSET', [INT]), [12, null, 13]).outputs).toEqual([12, 12, 12]);
    expect(run(resolveAgg('EARLIEST_BY_OFFSET', [INT], [true]), [null, 13]).outputs).toEqual([null, 13]);
    expect(run(resolveAgg('EARLIEST_BY_OFFSET', [INT], [false]), [null, 13]).outputs).toEqual([null, null]);
    expect(run(resolveAgg('EARLIEST_BY_OFFSET', [INT], [2]), [null, 13]).outputs).toEqual([[], [13]]);
    expect(run(resolveAgg('EARLIEST_BY_OFFSET', [INT], [2, false]), [null, 13]).outputs).toEqual([
      [null],
      [null, 13],
    ]);
    expect(run(resolveAgg('EARLIEST_BY_OFFSET', [INT], [2, false]), [12, null, 13]).outputs).toEqual([
      [12],
      [12, null],
      [12, null],
    ]);
  });

  it('merges sessions keeping the earliest stamp', () => {
    const agg = resolveAgg('EARLIEST_BY_OFFSET', [INT]);
    const s1 = agg.aggregate([1], agg.initialize());
    const s2 = agg.aggregate([3], agg.initialize());
    expect(mergeSessions(agg, [s1, s2], 2)).toBe(1);
    const ign = resolveAgg('EARLIEST_BY_OFFSET', [INT], [true]);
    const i1 = ign.aggregate([null], ign.initialize());
    const i2 = ign.aggregate([1], ign.initialize());
    expect(mergeSessions(ign, [i1, i2], null)).toBe(1);
    const keep = resolveAgg('EARLIEST_BY_OFFSET', [INT], [false]);
    const k1 = keep.aggregate([null], keep.initialize());
    const k2 = keep.aggregate([1], keep.initialize());
    expect(mergeSessions(keep, [k1, k2], null)).toBeNull();
    const n = resolveAgg('EARLIEST_BY_OFFSET', [INT], [2, false]);
    const n1 = n.aggregate([null], n.initialize());
    const n2 = n.aggregate([1], n.initialize());
    expect(mergeSessions(n, [n1, n2], null)).toEqual([null, 1]);
  });
});

describe('*_BY_OFFSET with complex types (latest-offset-udaf.json "with arrays, structs, and maps")', () => {
  it('returns the values themselves for ARRAY<STRUCT<..., MAP>> columns', async () => {
    const { Struct } = await import('../../types/struct.ts');
    const { DOUBLE, STRING, map } = await import('../../types/sql-type.ts');
    const t = array(
      struct([
        { name: 'A', type: STRING },
        { name: 'M', type: map(STRING, DOUBLE) },
      ]),
    );
    const v1 = [new Struct(['A', 'M'], ['Early0', new Map([['Early0', 1.234]])])];
    const v2 = [new Struct(['A', 'M'], ['Later1', new Map([['Early0', 4.56]])])];
    const latest = resolveAgg('LATEST_BY_OFFSET', [t]);
    expect(latest.returnType).toEqual(t);
    expect(run(latest, [v1, v2]).outputs).toEqual([v1, v2]);
    const earliest = resolveAgg('EARLIEST_BY_OFFSET', [t], [2]);
    expect(earliest.returnType).toEqual(array(t));
    expect(run(earliest, [v1, v2]).outputs[1]).toEqual([v1, v2]);
  });

  it('rejects n < 1 and unknown literal shapes', () => {
    expect(() => resolveAgg('LATEST_BY_OFFSET', [INT], [0])).toThrow(/earliestN must be 1 or greater/);
    expect(() => resolveAgg('EARLIEST_BY_OFFSET', [INT], ['x'])).toThrow(/does not accept parameters/);
  });
});
