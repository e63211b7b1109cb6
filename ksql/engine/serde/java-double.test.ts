import { describe, expect, it } from 'vitest';
import { javaDoubleString } from './java-double.ts';

describe('javaDoubleString (Double.toString)', () => {
  it('prints like Java', () => {
    expect(javaDoubleString(1)).toBe('1.0');
    expect(javaDoubleString(-0)).toBe('-0.0');
    expect(javaDoubleString(1234.589)).toBe('1234.589');
    expect(javaDoubleString(1e7)).toBe('1.0E7');
    expect(javaDoubleString(0.001)).toBe('0.001');
    expect(javaDoubleString(0.0001)).toBe('1.0E-4');
    expect(javaDoubleString(4.611686018427388e18)).toBe('4.611686018427388E18');
    expect(javaDoubleString(NaN)).toBe('NaN');
    expect(javaDoubleString(-Infinity)).toBe('-Infinity');
  });

  it('matches literals.json "DOUBLE literal min/max"', () => {
    expect(javaDoubleString(Number.MIN_VALUE)).toBe('4.9E-324');
    expect(javaDoubleString(-Number.MIN_VALUE)).toBe('-4.9E-324');
    expect(javaDoubleString(2.2250738585072014e-308)).toBe('2.2250738585072014E-308');
    expect(javaDoubleString(Number.MAX_VALUE)).toBe('1.7976931348623157E308');
    expect(javaDoubleString(1e-323)).toBe('9.9E-324');
  });
});
