import { Decimal } from '../types/decimal.ts';
import { Struct } from '../types/struct.ts';

/** Java `equals` on runtime values: BigDecimal is scale-sensitive, bytes by content, collections deep. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  if (a instanceof Decimal || b instanceof Decimal)
    return a instanceof Decimal && b instanceof Decimal && a.equals(b);
  if (a instanceof Uint8Array || b instanceof Uint8Array) {
    return a instanceof Uint8Array && b instanceof Uint8Array && Buffer.from(a).equals(Buffer.from(b));
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameValue(x, b[i]))
    );
  }
  if (a instanceof Struct || b instanceof Struct) {
    return (
      a instanceof Struct &&
      b instanceof Struct &&
      a.names.length === b.names.length &&
      a.names.every((n, i) => n === b.names[i] && sameValue(a.values[i], b.values[i]))
    );
  }
  if (a instanceof Map || b instanceof Map) {
    if (!(a instanceof Map && b instanceof Map) || a.size !== b.size) return false;
    const bEntries = [...b.entries()];
    return [...a.entries()].every(([k, v]) =>
      bEntries.some(([k2, v2]) => sameValue(k, k2) && sameValue(v, v2)),
    );
  }
  if (typeof a === 'number' && typeof b === 'number') return a === b || (Number.isNaN(a) && Number.isNaN(b));
  return a === b;
}

/** Prints a runtime value for assertion tables. */
export function showValue(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return v;
  if (v instanceof Decimal) return v.toString();
  if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
  if (Array.isArray(v)) return `[${v.map(showValue).join(', ')}]`;
  if (v instanceof Struct)
    return `Struct{${v.names.map((n, i) => `${n}=${showValue(v.values[i])}`).join(',')}}`;
  if (v instanceof Map)
    return `{${[...v.entries()].map(([k, x]) => `${showValue(k)}=${showValue(x)}`).join(', ')}}`;
  return String(v);
}
