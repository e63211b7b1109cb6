import { assertNever } from '../../../common/assert-never.ts';
import type { Decimal } from './decimal.ts';
import { compareDecimals } from './decimal-math.ts';
import { keyString } from './key-string.ts';
import type { SqlType } from './sql-type.ts';

/**
 * Total order of two values of one SQL type (MIN/MAX, ORDER-like uses, comparisons). NULL sorts
 * before any value. DOUBLE follows Java's Double.compare (-0.0 < 0.0, NaN greatest); BYTES
 * compare as signed bytes like ByteBuffer.compareTo. ARRAY compares element-wise; MAP and STRUCT
 * have no SQL order and get a deterministic one from their canonical key encoding.
 */
export function compareValues(type: SqlType, a: unknown, b: unknown): number {
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : -1;
  if (b === null || b === undefined) return 1;
  switch (type.kind) {
    case 'BOOLEAN':
      return a === b ? 0 : a ? 1 : -1;
    case 'INT':
    case 'TIMESTAMP':
    case 'DATE':
    case 'TIME':
      return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0;
    case 'DOUBLE':
      return compareDoubles(a as number, b as number);
    case 'BIGINT':
      return (a as bigint) < (b as bigint) ? -1 : (a as bigint) > (b as bigint) ? 1 : 0;
    case 'DECIMAL':
      return compareDecimals(a as Decimal, b as Decimal);
    case 'STRING':
      return (a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0;
    case 'BYTES':
      return compareBytes(a as Uint8Array, b as Uint8Array);
    case 'ARRAY': {
      const x = a as unknown[];
      const y = b as unknown[];
      const n = Math.min(x.length, y.length);
      for (let i = 0; i < n; i++) {
        const c = compareValues(type.element, x[i] ?? null, y[i] ?? null);
        if (c !== 0) return c;
      }
      return x.length - y.length;
    }
    case 'MAP':
    case 'STRUCT': {
      const x = keyString(type, a);
      const y = keyString(type, b);
      return x < y ? -1 : x > y ? 1 : 0;
    }
    default:
      return assertNever(type, 'sql type');
  }
}

/** Java Double.compare. */
export function compareDoubles(a: number, b: number): number {
  if (a < b) return -1;
  if (a > b) return 1;
  if (a === b) return a !== 0 ? 0 : Object.is(a, b) ? 0 : Object.is(a, -0) ? -1 : 1;
  const an = Number.isNaN(a);
  const bn = Number.isNaN(b);
  return an === bn ? 0 : an ? 1 : -1;
}

/** ByteBuffer.compareTo: signed byte comparison, then length. */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = ((a[i] ?? 0) << 24) >> 24;
    const y = ((b[i] ?? 0) << 24) >> 24;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
}
