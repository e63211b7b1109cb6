import { Decimal } from '../types/decimal.ts';

/**
 * `new BigDecimal(text)`: the scale is exactly what the lexeme says, negative for exponents
 * (`1.0E3` is 10 × 10^2, scale -2; `1E3` scale -3) — Decimal.parse clamps that to 0, which would
 * make `1E3` equal `1.0E3` where Java's BigDecimal.equals says they differ.
 */
export function javaBigDecimal(text: string): Decimal {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (!m || (m[2] === '' && !m[3])) throw new RangeError(`not a decimal number: ${text}`);
  const frac = m[3] ?? '';
  const unscaled = BigInt(`${m[2] || '0'}${frac}`);
  return new Decimal(m[1] === '-' ? -unscaled : unscaled, frac.length - (m[4] ? Number(m[4]) : 0));
}

/** BigDecimal.toString: plain when the scale is not negative, else scientific (`4.611686018427388E+18`). */
export function bigDecimalText(d: Decimal): string {
  if (d.scale >= 0) return d.toString();
  const neg = d.unscaled < 0n;
  const digits = (neg ? -d.unscaled : d.unscaled).toString();
  const exponent = digits.length - 1 - d.scale;
  const mantissa = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  return `${neg ? '-' : ''}${mantissa}E+${exponent}`;
}
