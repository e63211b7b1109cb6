import { describe, expect, it } from 'vitest';
import { call, col, evalExpr, int, neg, typeOf } from '../../expression/test-support.ts';
import { Decimal } from '../../types/decimal.ts';
import * as T from '../../types/sql-type.ts';

const C = {
  I: T.INT,
  L: T.BIGINT,
  D: T.DOUBLE,
  B: T.decimal(2, 1),
  V: T.decimal(33, 16),
  W: T.decimal(12, 7),
};
const D = (s: string) => Decimal.parse(s);
const one = (name: string, row: Record<string, unknown>, arg = 'D') => evalExpr(call(name, col(arg)), C, row);

describe('math functions (math.json)', () => {
  it.each([
    ['EXP', -3, 0.049787068367863944],
    ['EXP', 3, 20.085536923187668],
    ['LN', -3, NaN],
    ['LN', 0, -Infinity],
    ['SQRT', 3, 1.7320508075688772],
    ['CBRT', -1, -1],
    ['LOG', 13, 2.5649493574615367],
    ['LOG', 0, -Infinity],
    ['SIGN', -3, -1],
    ['COT', 0, Infinity],
    ['ACOS', 1.1, NaN],
  ])('%s(%d)', (name, x, expected) => {
    expect(one(name, { D: x })).toBe(expected);
  });

  it('LN(3) is within one ulp of Java (HotSpot prints 1.0986122886681098)', () => {
    expect(one('LN', { D: 3 })).toBeCloseTo(1.0986122886681098, 15);
  });

  it('integer arguments widen to double', () => {
    expect(one('EXP', { I: 1 }, 'I')).toBe(2.718281828459045);
    expect(one('LN', { L: 2n }, 'L')).toBe(0.6931471805599453);
    expect(one('CBRT', { I: -8 }, 'I')).toBe(-2);
    expect(one('SIGN', { L: -2n }, 'L')).toBe(-1);
    expect(typeOf(call('SIGN', col('L')), C)).toEqual(T.INT);
    expect(one('EXP', { I: null }, 'I')).toBeNull();
  });

  it('POWER and LOG(base, x)', () => {
    expect(evalExpr(call('POWER', int(15), neg(int(1))))).toBe(0.06666666666666667);
    expect(evalExpr(call('POWER', int(15), int(13)))).toBe(1946195068359375);
    expect(evalExpr(call('LOG', int(15), int(13)))).toBe(0.9471572411831843);
    expect(evalExpr(call('LOG', int(15), int(0)))).toBe(-Infinity);
    expect(evalExpr(call('LOG', int(1), int(13)))).toBeNaN();
    expect(evalExpr(call('LOG', int(0), int(13)))).toBeNaN();
    expect(evalExpr(call('LOG', neg(int(15)), int(13)))).toBeNaN();
  });

  it('ROUND of DOUBLE rounds halves toward +infinity', () => {
    const vals = [1.2, 1.7, 1.5, -1.1, -1.5, -1.7, 12345.678, -12345.678];
    expect(vals.map((v) => one('ROUND', { D: v }))).toEqual([1n, 2n, 2n, -1n, -1n, -2n, 12346n, -12346n]);
    const r = (v: number, p: number) =>
      evalExpr(call('ROUND', col('D'), p < 0 ? neg(int(-p)) : int(p)), C, { D: v });
    expect([
      r(1.5, 0),
      r(-1.5, 0),
      r(1.234567, 2),
      r(12345.678, 2),
      r(-12345.678, 1),
      r(111, -1),
      r(12345.678, -2),
    ]).toEqual([2, -1, 1.23, 12345.68, -12345.7, 110, 12300]);
    expect(typeOf(call('ROUND', col('D')), C)).toEqual(T.BIGINT);
    expect(typeOf(call('ROUND', col('I')), C)).toEqual(T.BIGINT);
  });

  it('ROUND of DECIMAL keeps or drops the scale like ksqlDB', () => {
    const v = D('12345678987654321.2345678987654321');
    expect(typeOf(call('ROUND', col('V')), C)).toEqual(T.decimal(17, 0));
    expect(String(one('ROUND', { V: v }, 'V'))).toBe('12345678987654321');
    const r = (p: number) =>
      String(evalExpr(call('ROUND', col('V'), p < 0 ? neg(int(-p)) : int(p)), C, { V: v }));
    expect([r(0), r(1), r(2), r(10), r(-1), r(-2)]).toEqual([
      '12345678987654321.0000000000000000',
      '12345678987654321.2000000000000000',
      '12345678987654321.2300000000000000',
      '12345678987654321.2345678988000000',
      '12345678987654320.0000000000000000',
      '12345678987654300.0000000000000000',
    ]);
  });

  it('TRUNC', () => {
    expect([1.7, -1.7, 12345.678].map((v) => one('TRUNC', { D: v }))).toEqual([1n, -1n, 12345n]);
    const r = (v: number, p: number) =>
      evalExpr(call('TRUNC', col('D'), p < 0 ? neg(int(-p)) : int(p)), C, { D: v });
    expect([r(12345.678, 2), r(-12345.678, 1), r(12345.678, -1)]).toEqual([12345.67, -12345.6, 12340]);
    expect(String(one('TRUNC', { W: D('-12345.6780000') }, 'W'))).toBe('-12345');
    expect(String(evalExpr(call('TRUNC', col('W'), int(2)), C, { W: D('-12345.6780000') }))).toBe(
      '-12345.6700000',
    );
  });

  it('FLOOR / CEIL / ABS keep the type', () => {
    expect([1.5, -1.1].map((v) => one('FLOOR', { D: v }))).toEqual([1, -2]);
    expect([1.5, -1.1].map((v) => one('CEIL', { D: v }))).toEqual([2, -1]);
    expect(String(one('FLOOR', { B: D('-1.1') }, 'B'))).toBe('-2.0');
    expect(String(one('CEIL', { B: D('1.1') }, 'B'))).toBe('2.0');
    expect(one('ABS', { I: -1 }, 'I')).toBe(1);
    expect(one('ABS', { I: -2147483648 }, 'I')).toBe(-2147483648);
    expect(one('ABS', { L: -2n }, 'L')).toBe(2n);
    expect(String(one('ABS', { B: D('-3.2') }, 'B'))).toBe('3.2');
    expect(typeOf(call('FLOOR', col('B')), C)).toEqual(T.decimal(2, 1));
  });

  it('PI and RANDOM', () => {
    expect(evalExpr(call('PI'))).toBe(Math.PI);
    const r = evalExpr(call('RANDOM')) as number;
    expect(r >= 0 && r < 1).toBe(true);
  });
});
