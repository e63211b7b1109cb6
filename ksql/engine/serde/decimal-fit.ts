import { Decimal } from '../types/decimal.ts';

/**
 * Fits a decimal into DECIMAL(precision, scale) without rounding, as ksqlDB's
 * `DecimalUtil.ensureFit` does on every deserialized decimal: first the integer digits are
 * checked, then the scale is set exactly (`12.0` → `12.0000` for DECIMAL(6,4), delimited.json
 * "DECIMAL - key"). Throws RangeError with ksqlDB's wording; callers wrap it in KsqlSerdeError.
 *
 * Private to serde/ (types/ owns general decimal arithmetic).
 */
export function fitDecimal(value: Decimal, precision: number, scale: number): Decimal {
  const abs = value.unscaled < 0n ? -value.unscaled : value.unscaled;
  const intDigits = precision - scale;
  const limit = intDigits >= 0 ? 10n ** BigInt(intDigits) : 0n;
  // |value| >= 10^(p-s)  <=>  |unscaled| >= 10^(p-s) * 10^valueScale (scale may be negative)
  const overflow =
    value.scale >= 0 ? abs >= limit * 10n ** BigInt(value.scale) : abs * 10n ** BigInt(-value.scale) >= limit;
  if (overflow) {
    throw new RangeError(
      `Numeric field overflow: A field with precision ${precision} and scale ${scale} must round to an absolute value less than 10^${intDigits}. Got ${value.toString()}`,
    );
  }
  if (value.scale === scale) return value;
  if (value.scale < scale) {
    return new Decimal(value.unscaled * 10n ** BigInt(scale - value.scale), scale);
  }
  const div = 10n ** BigInt(value.scale - scale);
  if (value.unscaled % div !== 0n) {
    throw new RangeError(
      `Cannot fit decimal '${value.toString()}' into DECIMAL(${precision}, ${scale}) without rounding. (Requires ${value.precision()},${value.scale})`,
    );
  }
  return new Decimal(value.unscaled / div, scale);
}
