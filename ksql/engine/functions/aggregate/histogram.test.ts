import { describe, expect, it } from 'vitest';
import { BIGINT, INT, STRING, map } from '../../types/sql-type.ts';
import { getAggregateFunction } from './registry.ts';
import { HISTOGRAM_LIMIT } from './histogram.ts';
import { resolveAgg, run } from './test-helpers.ts';

describe('HISTOGRAM', () => {
  it('counts values (histogram.json "histogram string", key 0)', () => {
    const agg = resolveAgg('HISTOGRAM', [STRING]);
    expect(agg.returnType).toEqual(map(STRING, BIGINT));
    const { outputs } = run(agg, ['foo', 'bar', 'foo', null]);
    expect(outputs[2]).toEqual(
      new Map([
        ['foo', 2n],
        ['bar', 1n],
      ]),
    );
    // HistogramUdaf's HashMap counts null under the null key
    expect((outputs[3] as Map<string | null, bigint>).get(null)).toBe(1n);
  });

  it('undo removes entries at zero ("histogram on a table")', () => {
    const agg = resolveAgg('HISTOGRAM', [STRING]);
    const acc = run(agg, ['alice', 'bob']).acc;
    expect(agg.map(agg.undo!(['bob'], acc))).toEqual(new Map([['alice', 1n]]));
    expect(agg.map(acc)).toEqual(
      new Map([
        ['alice', 1n],
        ['bob', 1n],
      ]),
    );
  });

  it('caps the number of distinct values', () => {
    const agg = resolveAgg('HISTOGRAM', [STRING]);
    const values = Array.from({ length: HISTOGRAM_LIMIT + 5 }, (_, i) => `v${i}`);
    const acc = run(agg, values).acc;
    expect((agg.map(acc) as Map<string, bigint>).size).toBe(HISTOGRAM_LIMIT);
  });

  it('merges counts and rejects non-strings', () => {
    const agg = resolveAgg('HISTOGRAM', [STRING]);
    expect(agg.map(agg.merge(run(agg, ['a']).acc, run(agg, ['a', 'b']).acc))).toEqual(
      new Map([
        ['a', 2n],
        ['b', 1n],
      ]),
    );
    expect('error' in getAggregateFunction('HISTOGRAM')!.resolve([INT], [])).toBe(true);
  });
});
