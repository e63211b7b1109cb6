/**
 * Exact DECIMAL arithmetic with Java BigDecimal semantics (ksqlDB evaluates DECIMAL
 * expressions with BigDecimal and `MathContext(precision, UNNECESSARY)`: a result that does
 * not fit the result type is an evaluation error, which ksqlDB turns into NULL).
 */
import { Decimal } from './decimal.ts';
import { javaDoubleToString } from './java-double-to-string.ts';

const TEN = 10n;

export function pow10(n: number): bigint {
  return TEN ** BigInt(n);
}

function absBig(v: bigint): bigint {
  return v < 0n ? -v : v;
}

/** Number of decimal digits of |v| (0 has one digit). */
export function digitCount(v: bigint): number {
  return absBig(v).toString().length;
}

/** `n / d` rounded HALF_UP (ties away from zero). */
export function divHalfUp(n: bigint, d: bigint): bigint {
  const q = n / d;
  const r = n % d;
  if (r === 0n) return q;
  if (2n * absBig(r) >= absBig(d)) return n < 0n !== d < 0n ? q - 1n : q + 1n;
  return q;
}

export function decimalFromBigInt(v: bigint): Decimal {
  return new Decimal(v, 0);
}

export function decimalFromInt(v: number): Decimal {
  return new Decimal(BigInt(v), 0);
}

/** `BigDecimal.valueOf(double)`: the decimal of Java's Double.toString. Non-finite → null. */
export function decimalValueOfDouble(d: number): Decimal | null {
  if (!Number.isFinite(d)) return null;
  return Decimal.parse(javaDoubleToString(d));
}

/** `new BigDecimal(double)`: the exact binary value. Non-finite → null. */
export function decimalExactOfDouble(d: number): Decimal | null {
  if (!Number.isFinite(d)) return null;
  if (d === 0) return new Decimal(0n, 0);
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, d);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const negative = hi >>> 31 === 1;
  const biasedExp = (hi >>> 20) & 0x7ff;
  let mantissa = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let exp: number;
  if (biasedExp === 0) {
    exp = -1074;
  } else {
    mantissa |= 1n << 52n;
    exp = biasedExp - 1075;
  }
  while (mantissa > 0n && (mantissa & 1n) === 0n && exp < 0) {
    mantissa >>= 1n;
    exp++;
  }
  const sign = negative ? -1n : 1n;
  if (exp >= 0) return new Decimal(sign * (mantissa << BigInt(exp)), 0);
  return new Decimal(sign * mantissa * 5n ** BigInt(-exp), -exp);
}

/** `setScale(scale, HALF_UP)`. */
export function setScaleHalfUp(d: Decimal, scale: number): Decimal {
  if (scale === d.scale) return d;
  if (scale > d.scale) return new Decimal(d.unscaled * pow10(scale - d.scale), scale);
  return new Decimal(divHalfUp(d.unscaled, pow10(d.scale - scale)), scale);
}

/** `setScale(scale, DOWN)` (truncation toward zero). */
export function setScaleDown(d: Decimal, scale: number): Decimal {
  if (scale >= d.scale) return setScaleHalfUp(d, scale);
  return new Decimal(d.unscaled / pow10(d.scale - scale), scale);
}

/** `setScale(scale, FLOOR)` / `CEILING`. */
export function setScaleFloorCeil(d: Decimal, scale: number, ceil: boolean): Decimal {
  if (scale >= d.scale) return setScaleHalfUp(d, scale);
  const div = pow10(d.scale - scale);
  let q = d.unscaled / div;
  const r = d.unscaled % div;
  if (r !== 0n) {
    if (ceil && r > 0n) q += 1n;
    if (!ceil && r < 0n) q -= 1n;
  }
  return new Decimal(q, scale);
}

/** `setScale(scale, UNNECESSARY)`: null when digits would be lost. */
export function setScaleExact(d: Decimal, scale: number): Decimal | null {
  if (scale >= d.scale) return setScaleHalfUp(d, scale);
  const div = pow10(d.scale - scale);
  if (d.unscaled % div !== 0n) return null;
  return new Decimal(d.unscaled / div, scale);
}

/** Rounds to `precision` significant digits, HALF_UP (`new MathContext(precision)`). */
export function roundToPrecision(d: Decimal, precision: number): Decimal {
  const digits = digitCount(d.unscaled);
  if (digits <= precision) return d;
  const drop = digits - precision;
  return new Decimal(divHalfUp(d.unscaled, pow10(drop)), d.scale - drop);
}

export function compareDecimals(a: Decimal, b: Decimal): number {
  let x = a.unscaled;
  let y = b.unscaled;
  if (a.scale < b.scale) x *= pow10(b.scale - a.scale);
  else if (b.scale < a.scale) y *= pow10(a.scale - b.scale);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function negateDecimal(a: Decimal): Decimal {
  return new Decimal(-a.unscaled, a.scale);
}

export function absDecimal(a: Decimal): Decimal {
  return a.unscaled < 0n ? negateDecimal(a) : a;
}

function align(a: Decimal, b: Decimal): [bigint, bigint, number] {
  if (a.scale === b.scale) return [a.unscaled, b.unscaled, a.scale];
  if (a.scale < b.scale) return [a.unscaled * pow10(b.scale - a.scale), b.unscaled, b.scale];
  return [a.unscaled, b.unscaled * pow10(a.scale - b.scale), a.scale];
}

export function addDecimals(a: Decimal, b: Decimal): Decimal {
  const [x, y, s] = align(a, b);
  return new Decimal(x + y, s);
}

export function subtractDecimals(a: Decimal, b: Decimal): Decimal {
  const [x, y, s] = align(a, b);
  return new Decimal(x - y, s);
}

export function multiplyDecimals(a: Decimal, b: Decimal): Decimal {
  return new Decimal(a.unscaled * b.unscaled, a.scale + b.scale);
}

/** Exact quotient at `scale` fraction digits, or null when it does not terminate there or b is 0. */
export function divideDecimalsExact(a: Decimal, b: Decimal, scale: number): Decimal | null {
  if (b.unscaled === 0n) return null;
  const shift = scale - a.scale + b.scale;
  let n = a.unscaled;
  let d = b.unscaled;
  if (shift >= 0) n *= pow10(shift);
  else d *= pow10(-shift);
  if (n % d !== 0n) return null;
  return new Decimal(n / d, scale);
}

/** Quotient rounded HALF_UP at `scale` fraction digits; null when b is 0. */
export function divideDecimalsHalfUp(a: Decimal, b: Decimal, scale: number): Decimal | null {
  if (b.unscaled === 0n) return null;
  const shift = scale - a.scale + b.scale;
  let n = a.unscaled;
  let d = b.unscaled;
  if (shift >= 0) n *= pow10(shift);
  else d *= pow10(-shift);
  return new Decimal(divHalfUp(n, d), scale);
}

/** Java BigDecimal.remainder: sign of the dividend; null when b is 0. */
export function remainderDecimals(a: Decimal, b: Decimal): Decimal | null {
  if (b.unscaled === 0n) return null;
  const [x, y, s] = align(a, b);
  return new Decimal(x % y, s);
}

/** Digits of the value with trailing fraction zeros removed (precision a value needs at least). */
function strippedDigits(d: Decimal): { digits: number; scale: number } {
  let u = d.unscaled;
  let s = d.scale;
  while (s > 0 && u !== 0n && u % TEN === 0n) {
    u /= TEN;
    s--;
  }
  return { digits: digitCount(u), scale: s };
}

/**
 * Fits an exact result into DECIMAL(precision, scale) without rounding; null when it does not
 * fit (ksqlDB: ArithmeticException → NULL).
 */
export function fitExact(d: Decimal, precision: number, scale: number): Decimal | null {
  const st = strippedDigits(d);
  if (st.scale > scale) return null;
  const r = setScaleHalfUp(d, scale);
  if (digitCount(r.unscaled) > precision && r.unscaled !== 0n) return null;
  if (r.unscaled === 0n && scale > precision) return null;
  return r;
}

/** ksqlDB DecimalUtil.ensureMax: |value| must be < 10^(precision - scale). */
export function fitsIntegerDigits(d: Decimal, precision: number, scale: number): boolean {
  const intDigits = precision - scale;
  // |unscaled| / 10^scale < 10^intDigits  <=>  |unscaled| < 10^(intDigits + scale)
  const limit = d.scale + intDigits >= 0 ? pow10(d.scale + intDigits) : 0n;
  return absBig(d.unscaled) < limit;
}

/** Conversion used by CAST ... AS DECIMAL(p, s): HALF_UP rounding; null when the value overflows. */
export function castDecimal(d: Decimal, precision: number, scale: number): Decimal | null {
  if (d.scale === scale && digitCount(d.unscaled) <= precision) return d;
  if (!fitsIntegerDigits(d, precision, scale)) return null;
  return setScaleHalfUp(d, scale);
}

export function decimalToDouble(d: Decimal): number {
  if (d.scale === 0) return Number(d.unscaled);
  return Number(d.toString());
}

/** `BigDecimal.longValue()`: truncates the fraction, keeps the low 64 bits. */
export function decimalToLong(d: Decimal): bigint {
  const t = d.scale >= 0 ? d.unscaled / pow10(d.scale) : d.unscaled * pow10(-d.scale);
  return BigInt.asIntN(64, t);
}

/** `BigDecimal.intValue()`: truncates the fraction, keeps the low 32 bits. */
export function decimalToInt(d: Decimal): number {
  return Number(BigInt.asIntN(32, decimalToLong(d)));
}

export function isZeroDecimal(d: Decimal): boolean {
  return d.unscaled === 0n;
}

export type RoundingMode = 'HALF_UP' | 'HALF_DOWN' | 'DOWN' | 'FLOOR' | 'CEILING';

/** `setScale(scale, mode)` for the rounding modes ksqlDB's UDFs use. */
export function setScaleMode(d: Decimal, scale: number, mode: RoundingMode): Decimal {
  if (scale >= d.scale) return setScaleHalfUp(d, scale);
  switch (mode) {
    case 'HALF_UP':
      return setScaleHalfUp(d, scale);
    case 'DOWN':
      return setScaleDown(d, scale);
    case 'FLOOR':
      return setScaleFloorCeil(d, scale, false);
    case 'CEILING':
      return setScaleFloorCeil(d, scale, true);
    case 'HALF_DOWN': {
      const div = pow10(d.scale - scale);
      const q = d.unscaled / div;
      const r = d.unscaled % div;
      const twice = 2n * absBig(r);
      if (twice > div) return new Decimal(d.unscaled < 0n ? q - 1n : q + 1n, scale);
      return new Decimal(q, scale);
    }
  }
}
