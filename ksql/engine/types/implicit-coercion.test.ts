import { describe, expect, it } from 'vitest';
import { Decimal } from './decimal.ts';
import { implicitConverter } from './implicit-coercion.ts';
import * as T from './sql-type.ts';

describe('implicit coercion (INSERT VALUES)', () => {
  it('widens numbers, never narrows', () => {
    expect(implicitConverter(T.INT, T.BIGINT)?.(1)).toBe(1n);
    expect(implicitConverter(T.BIGINT, T.DOUBLE)?.(2n)).toBe(2);
    expect(String(implicitConverter(T.INT, T.decimal(4, 2))?.(12))).toBe('12.00');
    expect(implicitConverter(T.INT, T.decimal(2, 1))?.(100)).toBeNull();
    expect(implicitConverter(T.BIGINT, T.INT)).toBeUndefined();
    expect(implicitConverter(T.DOUBLE, T.decimal(4, 2))).toBeUndefined();
    expect(String(implicitConverter(T.decimal(3, 1), T.decimal(5, 2))?.(Decimal.parse('1.5')))).toBe('1.50');
  });
  it('reads strings as times and base64 bytes', () => {
    expect(implicitConverter(T.STRING, T.TIMESTAMP)?.('1970-01-01T00:00:00.010')).toBe(10);
    expect(implicitConverter(T.STRING, T.DATE)?.('1970-01-03')).toBe(2);
    expect(Array.from(implicitConverter(T.STRING, T.BYTES)?.('IQ==') as Uint8Array)).toEqual([33]);
    expect(implicitConverter(T.STRING, T.INT)).toBeUndefined();
  });
  it('converts collections element-wise', () => {
    expect(implicitConverter(T.array(T.INT), T.array(T.BIGINT))?.([1, null])).toEqual([1n, null]);
    expect(
      implicitConverter(T.map(T.STRING, T.INT), T.map(T.STRING, T.DOUBLE))?.(new Map([['a', 1]])),
    ).toEqual(new Map([['a', 1]]));
  });
});
