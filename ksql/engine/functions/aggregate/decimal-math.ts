import { Decimal } from '../../types/decimal.ts';
import { KsqlFunctionError } from './function-error.ts';

/**
 * Minimal exact decimal helpers for aggregates (types/ owns general decimal arithmetic; this
 * private copy keeps functions/aggregate independent of it).
 */
export function rescale(d: Decimal, scale: number): Decimal {
  if (d.scale === scale) return d;
  if (d.scale < scale) return new Decimal(d.unscaled * 10n ** BigInt(scale - d.scale), scale);
  // Only reached for values already at the column scale in practice; round half-up.
  const div = 10n ** BigInt(d.scale - scale);
  const q = d.unscaled / div;
  const r = d.unscaled % div;
  const adj = r * 2n >= div ? 1n : r * 2n <= -div ? -1n : 0n;
  return new Decimal(q + adj, scale);
}

/** BigDecimal.compareTo: numeric comparison ignoring scale. */
export function compareDecimal(a: Decimal, b: Decimal): number {
  const s = Math.max(a.scale, b.scale);
  const x = rescale(a, s).unscaled;
  const y = rescale(b, s).unscaled;
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Adds at the result type's scale and checks the precision (DecimalSumKudaf). */
export function addDecimal(a: Decimal, b: Decimal, precision: number, scale: number): Decimal {
  const sum = new Decimal(rescale(a, scale).unscaled + rescale(b, scale).unscaled, scale);
  const abs = sum.unscaled < 0n ? -sum.unscaled : sum.unscaled;
  if (abs >= 10n ** BigInt(precision)) {
    throw new KsqlFunctionError(
      `Numeric field overflow: A field with precision ${precision} and scale ${scale} must round to an absolute value less than 10^${precision - scale}. Got ${sum.toString()}`,
    );
  }
  return sum;
}

export function negateDecimal(a: Decimal): Decimal {
  return new Decimal(-a.unscaled, a.scale);
}
