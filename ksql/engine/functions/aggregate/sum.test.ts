import { describe, expect, it } from 'vitest';
import { Decimal } from '../../types/decimal.ts';
import { BIGINT, DOUBLE, INT, STRING, decimal } from '../../types/sql-type.ts';
import { KsqlFunctionError } from './function-error.ts';
import { getAggregateFunction } from './registry.ts';
import { resolveAgg, run } from './test-helpers.ts';

const d = (s: string) => Decimal.parse(s);

describe('SUM', () => {
  it('sums INT, BIGINT and DOUBLE skipping nulls (sum.json)', () => {
    expect(run(resolveAgg('SUM', [INT]), [0, 100, null, 500]).outputs).toEqual([0, 100, 100, 600]);
    expect(run(resolveAgg('SUM', [BIGINT]), [2147483648n, 100n]).outputs).toEqual([2147483648n, 2147483748n]);
    const doubles = run(resolveAgg('SUM', [DOUBLE]), [500.9, 300.8]).outputs;
    expect(doubles[1]).toBeCloseTo(801.7, 9);
  });

  it('wraps like Java on overflow', () => {
    expect(run(resolveAgg('SUM', [INT]), [2147483647, 1]).outputs[1]).toBe(-2147483648);
    expect(run(resolveAgg('SUM', [BIGINT]), [9223372036854775807n, 1n]).outputs[1]).toBe(
      -9223372036854775808n,
    );
  });

  it('keeps DECIMAL precision and scale and fails on overflow (sum.json "sum decimal with overflow")', () => {
    const agg = resolveAgg('SUM', [decimal(4, 1)]);
    expect(agg.returnType).toEqual(decimal(4, 1));
    const { outputs, acc } = run(agg, [d('500.9'), d('300.8')]);
    expect(outputs).toEqual([d('500.9'), d('801.7')]);
    expect(() => agg.aggregate([d('400.8')], acc)).toThrow(KsqlFunctionError);
    expect(() => agg.aggregate([d('400.8')], acc)).toThrow(/^Numeric field overflow/);
    const wide = resolveAgg('SUM', [decimal(6, 2)]);
    expect(run(wide, [d('801.70'), d('400.80')]).outputs[1]).toEqual(d('1202.50'));
  });

  it('undoes rows (sum.json "sum int left join of table")', () => {
    const agg = resolveAgg('SUM', [INT]);
    const acc = agg.aggregate([5], agg.initialize());
    expect(agg.map(agg.undo!([5], acc))).toBe(0);
    expect(agg.map(agg.undo!([null], acc))).toBe(5);
  });

  it('rejects non-numeric arguments', () => {
    const r = getAggregateFunction('sum')!.resolve([STRING], []);
    expect(r).toEqual({ error: "Function 'SUM' does not accept parameters (STRING)." });
  });
});
