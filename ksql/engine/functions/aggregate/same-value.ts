import { Decimal } from '../../types/decimal.ts';
import { Struct } from '../../types/struct.ts';

/**
 * Java `equals` on runtime values (for COLLECT_SET): deep for arrays, maps and structs,
 * by content for BYTES, BigDecimal.equals (scale-sensitive) for decimals. Private helper;
 * types/ may later offer a shared one.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
  }
  if (a instanceof Decimal && b instanceof Decimal) return a.equals(b);
  if (a instanceof Uint8Array && b instanceof Uint8Array) return Buffer.from(a).equals(Buffer.from(b));
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => sameValue(x, b[i]));
  if (a instanceof Map && b instanceof Map) {
    if (a.size !== b.size) return false;
    for (const [k, v] of a) if (!b.has(k) || !sameValue(v, b.get(k))) return false;
    return true;
  }
  if (a instanceof Struct && b instanceof Struct) {
    return (
      a.names.length === b.names.length &&
      a.names.every((n, i) => n === b.names[i] && sameValue(a.values[i], b.values[i]))
    );
  }
  return false;
}
