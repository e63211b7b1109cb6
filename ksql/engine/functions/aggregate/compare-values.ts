import type { Decimal } from '../../types/decimal.ts';
import type { SqlType } from '../../types/sql-type.ts';
import { compareDecimal } from './decimal-math.ts';

/**
 * Natural order of the comparable SQL types (MIN, MAX, TOPK, TOPKDISTINCT), as Java's
 * compareTo orders them: strings by UTF-16 code units, BYTES as ByteBuffer.compareTo (signed
 * bytes), decimals numerically. Returns undefined for types without an order.
 */
export function comparatorFor(type: SqlType): ((a: unknown, b: unknown) => number) | undefined {
  switch (type.kind) {
    case 'INT':
    case 'DOUBLE':
    case 'DATE':
    case 'TIME':
    case 'TIMESTAMP':
      return (a, b) => compareNumbers(a as number, b as number);
    case 'BIGINT':
      return (a, b) => ((a as bigint) < (b as bigint) ? -1 : (a as bigint) > (b as bigint) ? 1 : 0);
    case 'STRING':
      return (a, b) => ((a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0);
    case 'DECIMAL':
      return (a, b) => compareDecimal(a as Decimal, b as Decimal);
    case 'BYTES':
      return (a, b) => compareBytes(a as Uint8Array, b as Uint8Array);
    case 'BOOLEAN':
      return (a, b) => (a === b ? 0 : a ? 1 : -1);
    default:
      return undefined;
  }
}

/** Double.compare: NaN is greater than everything, -0.0 < 0.0. */
function compareNumbers(a: number, b: number): number {
  if (a < b) return -1;
  if (a > b) return 1;
  if (Number.isNaN(a)) return Number.isNaN(b) ? 0 : 1;
  if (Number.isNaN(b)) return -1;
  if (a === 0 && b === 0) return Object.is(a, -0) ? (Object.is(b, -0) ? 0 : -1) : Object.is(b, -0) ? 1 : 0;
  return 0;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = (a[i]! << 24) >> 24;
    const y = (b[i]! << 24) >> 24;
    if (x !== y) return x - y;
  }
  return a.length - b.length;
}
