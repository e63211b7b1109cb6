import { describe, expect, it } from 'vitest';
import * as T from '../types/sql-type.ts';
import { cmp, col, dbl, evalExpr, int, neg, str } from './test-support.ts';

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
