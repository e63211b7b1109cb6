/**
 * The decimal digits that Java 8–18's `Double.toString` prints for a positive finite double:
 * value ≈ 0.d₁d₂d₃… × 10^decExponent.
 *
 * The Confluent Platform images run ksqlDB on Java 17, whose `Double.toString` (and so Jackson's
 * JSON, DELIMITED and `CAST(… AS STRING)`) does not always print the shortest digits that read
 * back: 2^62 prints as `4.6116860184273879E18` where JavaScript (and Java 19+) print
 * `4.611686018427388E18`, and QTT's `average-udaf - average long` expects the former. So this is
 * a reimplementation of that algorithm's observable behaviour, verified against a Java 17 run
 * over 498,971 doubles (`floating-decimal.test.ts` keeps a sample of them):
 *
 * - an integer below 2^63 whose exponent is at most 62 prints its exact digits, after rounding
 *   away (half up) the digits below the precision of 53 bits at that magnitude;
 * - everything else is Steele & White's free-format digit generation with a symmetric stopping
 *   test (half an ulp either side, half that below an exact power of two), a decimal exponent
 *   estimated from the bits, at least two digits in scientific notation, and the last digit
 *   rounded by the remainder. Java runs it in 32-bit, 64-bit or arbitrary-precision arithmetic
 *   depending on the operand sizes, and the narrow versions overflow in places and test the
 *   upper bound with `>` where the wide one uses `>=`; both quirks are reproduced.
 */
export interface FloatingDecimalDigits {
  /** Digit characters, most significant first (may end in a zero after a carry). */
  readonly digits: string;
  /** Position of the decimal point: value ≈ 0.digits × 10^decExponent. */
  readonly decExponent: number;
}

const EXP_SHIFT = 52;
const SIGNIF_MASK = (1n << 52n) - 1n;
const MAX_SMALL_BIN_EXP = 62;
const MIN_SMALL_BIN_EXP = -21;

export function floatingDecimalDigits(x: number): FloatingDecimalDigits {
  if (!(x > 0) || !Number.isFinite(x))
    throw new RangeError(`floatingDecimalDigits needs a positive finite double, got ${x}`);
  const { fract, binExp, nSignificantBits } = decompose(x);
  const tailZeros = trailingZeros(fract);
  const nFractBits = EXP_SHIFT + 1 - tailZeros;
  const nTinyBits = Math.max(0, nFractBits - binExp - 1);
  if (binExp <= MAX_SMALL_BIN_EXP && binExp >= MIN_SMALL_BIN_EXP && nTinyBits === 0) {
    const insignificant =
      binExp > nSignificantBits ? insignificantDigitsForPow2(binExp - nSignificantBits - 1) : 0;
    const value =
      binExp >= EXP_SHIFT ? fract << BigInt(binExp - EXP_SHIFT) : fract >> BigInt(EXP_SHIFT - binExp);
    return integerDigits(value, insignificant);
  }
  return freeFormatDigits(fract, tailZeros, binExp, nTinyBits, nSignificantBits);
}

/** The significand with its leading bit at position 52 (subnormals normalised), the unbiased exponent. */
function decompose(x: number): { fract: bigint; binExp: number; nSignificantBits: number } {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const raw = bits & SIGNIF_MASK;
  if (biased !== 0)
    return { fract: raw | (1n << 52n), binExp: biased - 1023, nSignificantBits: EXP_SHIFT + 1 };
  const leadingZeros = 64 - raw.toString(2).length;
  const shift = leadingZeros - (63 - EXP_SHIFT);
  return { fract: raw << BigInt(shift), binExp: 1 - shift - 1023, nSignificantBits: 64 - leadingZeros };
}

/** An exact integer's digits after dropping `insignificant` low digits with half-up rounding. */
function integerDigits(value: bigint, insignificant: number): FloatingDecimalDigits {
  let v = value;
  if (insignificant > 0) {
    const pow10 = 10n ** BigInt(insignificant);
    const residue = v % pow10;
    v /= pow10;
    if (residue >= pow10 >> 1n) v += 1n;
  }
  const text = v.toString();
  return { digits: text.replace(/0+$/, ''), decExponent: text.length + insignificant };
}

/** ⌊log10(2^p)⌋ for the shifts that matter (2 ≤ p < 64), else 0. */
function insignificantDigitsForPow2(p: number): number {
  return p > 1 && p < 64 ? (1n << BigInt(p)).toString().length - 1 : 0;
}

type Width = 32 | 64 | 'big';

function freeFormatDigits(
  fract: bigint,
  tailZeros: number,
  binExp: number,
  nTinyBits: number,
  nSignificantBits: number,
): FloatingDecimalDigits {
  const fractBits = fract >> BigInt(tailZeros);
  const nFractBits = EXP_SHIFT + 1 - tailZeros;
  let decExp = estimateDecExp(fract, binExp);
  const B5 = Math.max(0, -decExp);
  const S5 = Math.max(0, decExp);
  const M5 = B5;
  let B2 = B5 + nTinyBits + binExp - (nFractBits - 1);
  let S2 = S5 + nTinyBits;
  let M2 = B5 + nTinyBits + binExp - nSignificantBits;
  const common = Math.min(B2, S2);
  B2 -= common;
  S2 -= common;
  M2 -= common;
  if (nFractBits === 1) M2 -= 1; // below an exact power of two the next double is half as far
  if (M2 < 0) {
    B2 -= M2;
    S2 -= M2;
    M2 = 0;
  }
  const bBits = nFractBits + B2 + pow5Bits(B5);
  const tenSBits = S2 + 1 + pow5Bits(S5 + 1);
  const width: Width = bBits < 32 && tenSBits < 32 ? 32 : bBits < 64 && tenSBits < 64 ? 64 : 'big';
  const wrap = (v: bigint): bigint => (width === 'big' ? v : BigInt.asIntN(width, v));
  const reachesTens = (b: bigint, m: bigint, tens: bigint): boolean =>
    width === 'big' ? b + m >= tens : wrap(b + m) > tens;

  let b = (fractBits * 5n ** BigInt(B5)) << BigInt(B2);
  const s = (5n ** BigInt(S5)) << BigInt(S2);
  let m = (5n ** BigInt(M5)) << BigInt(M2);
  const tens = s * 10n;
  const digits: number[] = [];

  let q = b / s;
  b = wrap(10n * (b % s));
  m = wrap(m * 10n);
  let low = b < m;
  let high = reachesTens(b, m, tens);
  if (q === 0n && !high) decExp--;
  else digits.push(Number(q));
  if (decExp < -3 || decExp >= 8) low = high = false; // scientific notation needs a second digit
  while (!low && !high) {
    q = b / s;
    b = wrap(10n * (b % s));
    m = wrap(m * 10n);
    if (width === 'big' || m > 0n) {
      low = b < m;
      high = reachesTens(b, m, tens);
    } else {
      low = high = true; // the narrow versions' overflow guard
    }
    digits.push(Number(q));
  }
  const lowDigitDifference =
    width === 'big' ? (high && low ? cmp(2n * b, tens) : 0n) : wrap(wrap(b << 1n) - tens);
  let decExponent = decExp + 1;
  const roundUp =
    high &&
    (!low || lowDigitDifference > 0n || (lowDigitDifference === 0n && digits[digits.length - 1]! % 2 === 1));
  if (roundUp) decExponent += incrementLast(digits);
  return { digits: digits.join(''), decExponent };
}

/** Java's estimate of ⌊log10(x)⌋ from the significand (leading bit at 52) and the exponent. */
function estimateDecExp(fract: bigint, binExp: number): number {
  const d2 = 1 + Number(fract & SIGNIF_MASK) / 2 ** 52;
  const d = (d2 - 1.5) * 0.289529654 + 0.176091259 + binExp * 0.301029995663981;
  return Math.floor(d) + 0;
}

/** Bits of 5^i as Java's table has them (its bit length; 0 for 5^0), or 3i beyond the table. */
function pow5Bits(i: number): number {
  return i === 0 ? 0 : i < 27 ? (5n ** BigInt(i)).toString(2).length : i * 3;
}

/** Adds one to the last digit; a carry out of the first digit leaves `1` there and returns 1. */
function incrementLast(digits: number[]): number {
  let i = digits.length - 1;
  while (digits[i] === 9 && i > 0) digits[i--] = 0;
  if (digits[i] === 9) {
    digits[0] = 1;
    return 1;
  }
  digits[i]! += 1;
  return 0;
}

function trailingZeros(v: bigint): number {
  let n = 0;
  while (((v >> BigInt(n)) & 1n) === 0n) n++;
  return n;
}

function cmp(a: bigint, b: bigint): bigint {
  return a > b ? 1n : a < b ? -1n : 0n;
}
