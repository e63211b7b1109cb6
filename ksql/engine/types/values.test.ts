import { describe, expect, it } from 'vitest';
import { castConverter } from './cast.ts';
import { arithmeticResultType, commonType } from './coercion.ts';
import { compareValues } from './compare-values.ts';
import { Decimal } from './decimal.ts';
import { decimalExactOfDouble, divideDecimalsExact, fitExact, setScaleMode } from './decimal-math.ts';
import { keyString } from './key-string.ts';
import * as T from './sql-type.ts';
import { Struct } from './struct.ts';
import { sqlTypeFromSyntax } from './type-from-syntax.ts';
import { valuesEqual } from './values-equal.ts';

const D = (s: string) => Decimal.parse(s);

describe('ordering, equality and key encoding', () => {
  it('orders values per type with NULL first', () => {
    expect(compareValues(T.INT, null, 1)).toBeLessThan(0);
    expect(compareValues(T.BIGINT, 3n, 2n)).toBeGreaterThan(0);
    expect(compareValues(T.DOUBLE, -0, 0)).toBeLessThan(0);
    expect(compareValues(T.DOUBLE, NaN, Infinity)).toBeGreaterThan(0);
    expect(compareValues(T.decimal(4, 2), D('10.1'), D('10.01'))).toBeGreaterThan(0);
    expect(compareValues(T.STRING, 'B2', 'b2')).toBeLessThan(0);
    expect(compareValues(T.BYTES, new Uint8Array([0x80]), new Uint8Array([0x01]))).toBeLessThan(0);
  });

  it('equality follows Java equals; keys agree with it', () => {
    const m = T.map(T.STRING, T.INT);
    const a = new Map([
      ['x', 1],
      ['y', 2],
    ]);
    const b = new Map([
      ['y', 2],
      ['x', 1],
    ]);
    expect(valuesEqual(m, a, b)).toBe(true);
    expect(keyString(m, a)).toBe(keyString(m, b));
    expect(valuesEqual(T.DOUBLE, NaN, NaN)).toBe(true);
    expect(valuesEqual(T.DOUBLE, 0, -0)).toBe(false);
    expect(keyString(T.DOUBLE, 0)).not.toBe(keyString(T.DOUBLE, -0));
    expect(keyString(T.decimal(4, 2), D('1.10'))).toBe(keyString(T.decimal(4, 2), D('1.1')));
    expect(keyString(T.STRING, 'a,b')).not.toBe(keyString(T.STRING, 'a') + ',' + keyString(T.STRING, 'b'));
    expect(keyString(T.INT, null)).not.toBe(keyString(T.STRING, 'N'));
    const st = T.struct([{ name: 'A', type: T.INT }]);
    expect(valuesEqual(st, new Struct(['A'], [1]), new Struct(['A'], [1]))).toBe(true);
  });
});

describe('type rules', () => {
  it('DECIMAL arithmetic result types', () => {
    const d42 = T.decimal(4, 2);
    expect(arithmeticResultType('+', d42, d42)).toEqual(T.decimal(5, 2));
    expect(arithmeticResultType('*', d42, d42)).toEqual(T.decimal(9, 4));
    expect(arithmeticResultType('/', d42, d42)).toEqual(T.decimal(11, 7));
    expect(arithmeticResultType('%', d42, d42)).toEqual(T.decimal(4, 2));
    expect(arithmeticResultType('+', d42, T.INT)).toEqual(T.decimal(13, 2));
    expect(arithmeticResultType('+', d42, T.DOUBLE)).toEqual(T.DOUBLE);
    expect(arithmeticResultType('+', T.INT, T.BIGINT)).toEqual(T.BIGINT);
    expect(arithmeticResultType('-', T.STRING, T.STRING)).toEqual({
      error: 'Unsupported arithmetic types. STRING STRING',
    });
  });

  it('common types widen numbers and collections', () => {
    expect(commonType([T.INT, undefined, T.BIGINT])).toEqual(T.BIGINT);
    expect(commonType([T.array(T.INT), T.array(T.DOUBLE)])).toEqual(T.array(T.DOUBLE));
    expect(commonType([undefined])).toBeUndefined();
    expect(commonType([T.STRING, T.INT])).toMatchObject({ index: 1 });
  });

  it('validates DECIMAL parameters', () => {
    expect(() => sqlTypeFromSyntax({ kind: 'Decimal', precision: 0, scale: 0 })).toThrow(
      'DECIMAL precision must be >= 1: DECIMAL(0,0)',
    );
    expect(() => sqlTypeFromSyntax({ kind: 'Decimal', precision: 2, scale: 3 })).toThrow(
      'DECIMAL precision must be >= scale: DECIMAL(2,3)',
    );
    expect(sqlTypeFromSyntax({ kind: 'Array', element: { kind: 'Primitive', name: 'INT' } })).toEqual(
      T.array(T.INT),
    );
  });

  it('casts: unsupported pairs and Java conversions', () => {
    expect(castConverter(T.STRING, T.array(T.INT))).toBeUndefined();
    expect(castConverter(T.BOOLEAN, T.INT)).toBeUndefined();
    expect(castConverter(T.DOUBLE, T.INT)?.(1e20)).toBe(2147483647);
    expect(castConverter(T.DOUBLE, T.BIGINT)?.(-1.9)).toBe(-1n);
    expect(castConverter(T.BIGINT, T.INT)?.(2147483648n)).toBe(-2147483648);
    expect(castConverter(T.TIMESTAMP, T.DATE)?.(86_400_000 * 3 + 5)).toBe(3);
  });
});

describe('decimal math', () => {
  it('exact binary value of a double', () => {
    expect(decimalExactOfDouble(0.5)?.toString()).toBe('0.5');
    expect(decimalExactOfDouble(0.1)?.toString()).toBe(
      '0.1000000000000000055511151231257827021181583404541015625',
    );
  });
  it('rounding modes', () => {
    expect(setScaleMode(D('-1.5'), 0, 'HALF_DOWN').toString()).toBe('-1');
    expect(setScaleMode(D('-1.6'), 0, 'HALF_DOWN').toString()).toBe('-2');
    expect(setScaleMode(D('1.5'), 0, 'HALF_UP').toString()).toBe('2');
    expect(setScaleMode(D('-1.1'), 0, 'FLOOR').toString()).toBe('-2');
    expect(setScaleMode(D('-1.9'), 0, 'DOWN').toString()).toBe('-1');
    expect(setScaleMode(D('111'), -1, 'HALF_UP').toString()).toBe('110');
  });
  it('division is exact or NULL; results must fit', () => {
    expect(divideDecimalsExact(D('10.10'), D('2.00'), 7)?.toString()).toBe('5.0500000');
    expect(divideDecimalsExact(D('1'), D('3'), 7)).toBeNull();
    expect(fitExact(D('123.45'), 4, 2)).toBeNull();
    expect(fitExact(D('12.3'), 4, 2)?.toString()).toBe('12.30');
  });
});
