import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { javaDoubleToString } from './java-double-to-string.ts';

/**
 * `floating-decimal.java17.txt`: raw bits and `Double.toString` from OpenJDK 17.0.15 for 8,316
 * doubles (random bit patterns, integers up to 2^64, powers of two, subnormals, short decimals,
 * scaled randoms, ratios): every 60th line of the 498,971 the implementation was checked against,
 * all equal (`java floating-decimal-vectors.java 1 300000` and `… 7 200000`, 299,378 + 199,593).
 */
const vectors = readFileSync(new URL('./floating-decimal.java17.txt', import.meta.url), 'utf8')
  .trim()
  .split('\n')
  .map((line) => line.split(' ') as [string, string]);

function fromBits(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
}

describe('javaDoubleToString prints what Java 17 prints', () => {
  it('for every recorded Java 17 vector', () => {
    const differing = vectors.filter(([hex, java]) => javaDoubleToString(fromBits(hex)) !== java);
    expect(differing.slice(0, 5)).toEqual([]);
    expect(vectors.length).toBeGreaterThan(8000);
  });

  it.each([
    [2 ** 62, '4.6116860184273879E18'], // average-udaf.json "average long"
    [-(2 ** 62), '-4.6116860184273879E18'],
    [1e23, '9.999999999999999E22'], // not the shortest "1.0E23"
    [2e-3, '0.002'],
    [4.611686018427388e18 + 1024, '4.6116860184273889E18'],
    [Number.MIN_VALUE, '4.9E-324'],
    [1e-323, '1.0E-323'], // Java 19+ prints 9.9E-324
    [Number.MAX_VALUE, '1.7976931348623157E308'],
    [2.2250738585072014e-308, '2.2250738585072014E-308'],
    [1, '1.0'],
    [1234.589, '1234.589'],
    [1e7, '1.0E7'],
    [9999999.5, '9999999.5'],
    [0.001, '0.001'],
    [0.0001, '1.0E-4'],
    [100, '100.0'],
    [-0, '-0.0'],
    [NaN, 'NaN'],
    [-Infinity, '-Infinity'],
  ])('%d → %s', (d, java) => {
    expect(javaDoubleToString(d)).toBe(java);
  });
});
