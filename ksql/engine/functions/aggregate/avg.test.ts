import { describe, expect, it } from 'vitest';
import { BIGINT, DOUBLE, INT, STRING } from '../../types/sql-type.ts';
import { getAggregateFunction } from './registry.ts';
import { resolveAgg, run } from './test-helpers.ts';

describe('AVG', () => {
  it('INT: returns DOUBLE, skips nulls (average-udaf.json "average int", key alice)', () => {
    const agg = resolveAgg('AVG', [INT]);
    expect(agg.returnType).toEqual(DOUBLE);
    expect(run(agg, [1, 2, 2, null]).outputs).toEqual([1, 1.5, 5 / 3, 5 / 3]);
  });

  it('BIGINT keeps 64-bit sums ("average long")', () => {
    const { outputs } = run(resolveAgg('avg', [BIGINT]), [-1n, 9223372036854775807n, 1n]);
    expect(outputs[1]).toBe(4.611686018427388e18);
    expect(outputs[2]).toBe(3.0744573456182584e18);
  });

  it('DOUBLE ("average double")', () => {
    const { outputs } = run(resolveAgg('AVG', [DOUBLE]), [-1.8, 9223372036854.775, 100.2]);
    expect(outputs[2]).toBeCloseTo(3074457345651.058, 3);
  });

  it('undo, merge and the empty average', () => {
    const agg = resolveAgg('AVG', [INT]);
    expect(agg.map(agg.initialize())).toBe(0);
    const a = run(agg, [1, 2]).acc;
    expect(agg.map(agg.undo!([1], a))).toBe(2);
    expect(agg.map(agg.merge(a, run(agg, [6]).acc))).toBe(3);
  });

  it('rejects STRING', () => {
    expect(getAggregateFunction('AVG')!.resolve([STRING], [])).toEqual({
      error: "Function 'AVG' does not accept parameters (STRING).",
    });
  });
});
