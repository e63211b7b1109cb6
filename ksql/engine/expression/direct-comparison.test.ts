import { describe, expect, it } from 'vitest';
import * as T from '../types/sql-type.ts';
import { cmp, col, dbl, evalExpr, inList, int, neg, nul, str } from './test-support.ts';

describe('direct comparison paths agree with Java semantics', () => {
  const C = { D: T.DOUBLE, I: T.INT, L: T.BIGINT, S: T.STRING, TS: T.TIMESTAMP };
  it('NaN is unordered and unequal, -0 equals 0', () => {
    for (const op of ['=', '<>', '<', '<=', '>', '>='] as const) {
      expect(evalExpr(cmp(op, col('D'), dbl('1E0')), C, { D: NaN })).toBe(false);
    }
    expect(evalExpr(cmp('=', col('D'), col('I')), C, { D: -0, I: 0 })).toBe(true);
  });
  it('BIGINT column against an INT literal', () => {
    expect(evalExpr(cmp('>', col('L'), int(100)), C, { L: 101n })).toBe(true);
    expect(evalExpr(cmp('=', col('L'), neg(int(5))), C, { L: -5n })).toBe(true);
    expect(evalExpr(cmp('<>', col('L'), int(5)), C, { L: null })).toBe(false);
  });
  it('strings compare by UTF-16 code units (string.json "< operator")', () => {
    const r = ['a1', 'b1', 'B2', 'b2', 'b3', 'b10', 'b01'].map((s) =>
      evalExpr(cmp('<', col('S'), str('b2')), C, { S: s }),
    );
    expect(r).toEqual([true, true, true, false, false, true, true]);
  });
  it('same-kind temporal values', () => {
    expect(evalExpr(cmp('<=', col('TS'), col('TS')), C, { TS: 5 })).toBe(true);
  });
});

describe('IN over literals of the value representation uses a set', () => {
  it('matches strings and numbers, NOT IN negates, NULL value is false', () => {
    const C = { S: T.STRING, D: T.DOUBLE };
    const e = inList(col('S'), [str('0x10'), str('0x11'), nul()]);
    expect(['0x10', '0x12', null].map((s) => evalExpr(e, C, { S: s }))).toEqual([true, false, false]);
    const n = inList(col('S'), [str('a')], true);
    expect(['a', 'b', null].map((s) => evalExpr(n, C, { S: s }))).toEqual([false, true, false]);
    expect(evalExpr(inList(col('D'), [dbl('2E0'), int(3)]), C, { D: 3 })).toBe(true);
    expect(evalExpr(inList(col('D'), [dbl('2E0')]), C, { D: -0 })).toBe(false);
  });
});
