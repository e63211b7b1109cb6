/**
 * Format-level encoding of a list of column values (all key columns, or all value columns).
 * Each format's codec decides wrapping (object/record vs. bare single value); the serde
 * factory adds null handling, windowing and error wrapping around it.
 */
export interface RowCodec {
  /** Returns null when the format writes the row as a null record (e.g. unwrapped null). */
  encode(values: readonly unknown[]): Uint8Array | null;
  /** `bytes` is never null here; returns null when the bytes decode to a null row. */
  decode(bytes: Uint8Array): unknown[] | null;
}

/**
 * ksqlDB's wrapping rules: keys are unwrapped when there is a single column unless
 * WRAP_SINGLES is set; values are wrapped unless UNWRAP_SINGLES is set for a single column
 * (`WRAP_SINGLE_VALUE=false`, serdes.json).
 */
export function isUnwrapped(isKey: boolean, columnCount: number, features: readonly string[]): boolean {
  if (columnCount !== 1) return false;
  return isKey ? !features.includes('WRAP_SINGLES') : features.includes('UNWRAP_SINGLES');
}
