import { floatingDecimalDigits } from './floating-decimal.ts';

/**
 * Java 17's `Double.toString(d)`: plain notation with at least one fraction digit for
 * 10^-3 <= |d| < 10^7, otherwise computerized scientific notation (`1.0E10`, `1.5E-5`), with
 * the digits Java 17 picks (`floating-decimal.ts`: not always the shortest, `2^62` prints as
 * `4.6116860184273879E18`). Used by the JSON and DELIMITED writers and `CAST(… AS STRING)`.
 */
export function javaDoubleToString(d: number): string {
  if (Number.isNaN(d)) return 'NaN';
  if (d === Infinity) return 'Infinity';
  if (d === -Infinity) return '-Infinity';
  if (d === 0) return Object.is(d, -0) ? '-0.0' : '0.0';
  const sign = d < 0 ? '-' : '';
  const { digits, decExponent: e } = floatingDecimalDigits(Math.abs(d));
  if (e > 0 && e < 8) {
    const whole = digits.slice(0, e).padEnd(e, '0');
    const fraction = digits.slice(e);
    return `${sign}${whole}.${fraction === '' ? '0' : fraction}`;
  }
  if (e <= 0 && e > -3) return `${sign}0.${'0'.repeat(-e)}${digits}`;
  const fraction = digits.length > 1 ? digits.slice(1) : '0';
  return `${sign}${digits[0]}.${fraction}E${e - 1}`;
}
