/**
 * An exact DECIMAL value: `unscaled × 10^-scale`. Scale is significant, as in Java's
 * BigDecimal: 12.30 (1230, 2) and 12.3 (123, 1) are different values for output comparison
 * (QTT's ExpectedRecordComparator uses BigDecimal.equals). Arithmetic lives in expression/
 * and functions/; this class only holds and prints the value.
 */
export class Decimal {
  constructor(
    readonly unscaled: bigint,
    readonly scale: number,
  ) {}

  /** Parses `-12.30`, `5`, `1E+3` style text, keeping the written scale. */
  static parse(text: string): Decimal {
    const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
    if (!m || (m[2] === '' && (m[3] === undefined || m[3] === ''))) {
      throw new RangeError(`not a decimal number: ${text}`);
    }
    const frac = m[3] ?? '';
    const exp = m[4] ? Number(m[4]) : 0;
    let unscaled = BigInt(`${m[2] || '0'}${frac}`);
    let scale = frac.length - exp;
    if (scale < 0) {
      unscaled *= 10n ** BigInt(-scale);
      scale = 0;
    }
    return new Decimal(m[1] === '-' ? -unscaled : unscaled, scale);
  }

  /** Plain notation with exactly `scale` fraction digits (BigDecimal.toPlainString). */
  toString(): string {
    const neg = this.unscaled < 0n;
    const digits = (neg ? -this.unscaled : this.unscaled).toString();
    if (this.scale <= 0) return `${neg ? '-' : ''}${digits}${'0'.repeat(-this.scale)}`;
    const padded = digits.padStart(this.scale + 1, '0');
    const int = padded.slice(0, padded.length - this.scale);
    return `${neg ? '-' : ''}${int}.${padded.slice(padded.length - this.scale)}`;
  }

  /** Number of significant digits of the unscaled value (BigDecimal.precision; 0 has precision 1). */
  precision(): number {
    const abs = this.unscaled < 0n ? -this.unscaled : this.unscaled;
    return abs.toString().length;
  }

  toNumber(): number {
    return Number(this.toString());
  }

  /** BigDecimal.equals: same unscaled value and same scale. */
  equals(other: Decimal): boolean {
    return this.unscaled === other.unscaled && this.scale === other.scale;
  }
}
