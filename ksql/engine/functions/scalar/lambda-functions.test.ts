import { describe, expect, it } from 'vitest';
import { and, arith, call, cmp, col, evalExpr, int, lambda, str } from '../../expression/test-support.ts';
import * as T from '../../types/sql-type.ts';

const x = col('X');
const y = col('Y');

describe('lambda functions (filter.json)', () => {
  it('FILTER on an INT array', () => {
    const e = call('FILTER', col('NUMBERS'), lambda(['X'], cmp('>', x, int(5))));
    const C = { NUMBERS: T.array(T.INT) };
    expect(evalExpr(e, C, { NUMBERS: [3, 6, 2, 10] })).toEqual([6, 10]);
    expect(evalExpr(e, C, { NUMBERS: [5, null] })).toEqual([]);
    expect(evalExpr(e, C, { NUMBERS: null })).toBeNull();
  });

  it('FILTER with a UDF in the lambda', () => {
    const e = call('FILTER', col('VALUE'), lambda(['X'], cmp('>=', call('ROUND', x), int(10))));
    const C = { VALUE: T.array(T.DOUBLE) };
    expect(evalExpr(e, C, { VALUE: [9.22, 9.56, 10.63, 7.32] })).toEqual([9.56, 10.63]);
    expect(evalExpr(e, C, { VALUE: [10.55, null, 10.45] })).toEqual([10.55, 10.45]);
  });

  it('FILTER on a map; a failing lambda makes the call NULL', () => {
    const body = and(
      cmp('>', arith('*', call('LEN', x), int(5)), int(15)),
      cmp('=', arith('%', y, int(5)), int(0)),
    );
    const e = call('FILTER', col('M'), lambda(['X', 'Y'], body));
    const C = { M: T.map(T.STRING, T.INT) };
    const m = (o: Record<string, number | null>) => new Map(Object.entries(o));
    expect(evalExpr(e, C, { M: m({ a: 15, abc: 7 }) })).toEqual(new Map());
    expect(evalExpr(e, C, { M: m({ ab: 6, abcd: 15 }) })).toEqual(m({ abcd: 15 }));
    expect(evalExpr(e, C, { M: m({ abcd: null, abcde: 25 }) })).toBeNull();
  });

  it('FILTER on a nested map with ARRAY_MIN and INSTR', () => {
    const body = and(cmp('>', call('INSTR', x, str('e')), int(0)), cmp('<', call('ARRAY_MIN', y), int(12)));
    const e = call('FILTER', col('V'), lambda(['X', 'Y'], body));
    const C = { V: T.map(T.STRING, T.array(T.INT)) };
    expect(
      evalExpr(e, C, {
        V: new Map([
          ['yes', [2, 14, 25]],
          ['no', [-4, 35]],
        ]),
      }),
    ).toEqual(new Map([['yes', [2, 14, 25]]]));
    expect(evalExpr(e, C, { V: new Map([['okey', []]]) })).toEqual(new Map());
  });

  it('TRANSFORM and REDUCE', () => {
    const C = { A: T.array(T.INT) };
    const t = call('TRANSFORM', col('A'), lambda(['X'], arith('*', x, int(2))));
    expect(evalExpr(t, C, { A: [1, 2, 3] })).toEqual([2, 4, 6]);
    const r = call('REDUCE', col('A'), int(0), lambda(['S', 'X'], arith('+', col('S'), x)));
    expect(evalExpr(r, C, { A: [1, 2, 3] })).toBe(6);
  });
});
