/** Java integer semantics for INT (`number`) and BIGINT (`bigint`) values. */

export const INT_MIN = -2147483648;
export const INT_MAX = 2147483647;
export const LONG_MIN = -(2n ** 63n);
export const LONG_MAX = 2n ** 63n - 1n;

/** Java `(int) longValue`: keeps the low 32 bits. */
export function longToInt(v: bigint): number {
  return Number(BigInt.asIntN(32, v));
}

/** Java `(long) doubleValue`: truncates toward zero, saturates, NaN → 0. */
export function doubleToLong(d: number): bigint {
  if (Number.isNaN(d)) return 0n;
  if (d >= 9223372036854775808) return LONG_MAX;
  if (d <= -9223372036854775808) return LONG_MIN;
  return BigInt(Math.trunc(d));
}

/** Java `(int) doubleValue`: truncates toward zero, saturates, NaN → 0. */
export function doubleToInt(d: number): number {
  if (Number.isNaN(d)) return 0;
  if (d >= INT_MAX) return INT_MAX;
  if (d <= INT_MIN) return INT_MIN;
  return Math.trunc(d) | 0;
}
