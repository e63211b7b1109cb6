import { describe, expect, it } from 'vitest';
import { BIGINT, DOUBLE, INT, STRING, array } from '../../types/sql-type.ts';
import { getAggregateFunction } from './registry.ts';
import { resolveAgg, run } from './test-helpers.ts';

describe('SUM_LIST', () => {
  it('adds up list elements across rows (sum.json "sum list of ...")', () => {
    expect(
      run(resolveAgg('sum_list', [array(DOUBLE)]), [
        [1.0, 1.0],
        [2.0, 2.0],
        [922337203685.0, 1.0],
        [1.0, 1.0, null],
      ]).outputs,
    ).toEqual([2, 6, 922337203692, 922337203694]);
    expect(
      run(resolveAgg('SUM_LIST', [array(INT)]), [
        [1, 1],
        [2, 2],
        [100, 100],
        [100, 100, null],
      ]).outputs,
    ).toEqual([2, 6, 206, 406]);
    expect(run(resolveAgg('SUM_LIST', [array(BIGINT)]), [[1n, 1n], null]).outputs).toEqual([2n, 2n]);
  });

  it('undoes and merges', () => {
    const agg = resolveAgg('SUM_LIST', [array(INT)]);
    const acc = run(agg, [[1, 2], [3]]).acc;
    expect(agg.map(agg.undo!([[1, 2]], acc))).toBe(3);
    expect(agg.merge(1, 2)).toBe(3);
  });

  it('rejects non-numeric lists', () => {
    expect('error' in getAggregateFunction('SUM_LIST')!.resolve([array(STRING)], [])).toBe(true);
    expect('error' in getAggregateFunction('SUM_LIST')!.resolve([INT], [])).toBe(true);
  });
});
