import { Decimal } from './decimal.ts';
import { compareDecimals, decimalValueOfDouble } from './decimal-math.ts';
import { isNumeric } from './base-type-name.ts';
import type { SqlType } from './sql-type.ts';
import type { Struct } from './struct.ts';
import { valuesEqual } from './values-equal.ts';

/**
 * Equality of two values whose types may differ in width (INT vs BIGINT vs DECIMAL vs DOUBLE,
 * nested inside ARRAY/MAP/STRUCT), as IN lists and `=` on collections compare them (in.json:
 * INT 11 IN (DOUBLE 11.01) is false, STRUCT fields match by name, a missing field is NULL,
 * an extra field never matches). NULL equals NULL inside collections (Java equals).
 */
export function looseEquals(ta: SqlType, a: unknown, tb: SqlType, b: unknown): boolean {
  if (a === null || a === undefined || b === null || b === undefined) {
    return (a === null || a === undefined) && (b === null || b === undefined);
  }
  if (isNumeric(ta) && isNumeric(tb)) return compareNumeric(ta, a, tb, b) === 0;
  if (ta.kind !== tb.kind) return false;
  switch (ta.kind) {
    case 'ARRAY': {
      const eb = (tb as typeof ta).element;
      const x = a as unknown[];
      const y = b as unknown[];
      if (x.length !== y.length) return false;
      for (let i = 0; i < x.length; i++)
        if (!looseEquals(ta.element, x[i] ?? null, eb, y[i] ?? null)) return false;
      return true;
    }
    case 'MAP': {
      const mb = tb as typeof ta;
      const x = a as Map<unknown, unknown>;
      const y = b as Map<unknown, unknown>;
      if (x.size !== y.size) return false;
      for (const [k, v] of x) {
        let found = false;
        for (const [k2, v2] of y) {
          if (looseEquals(ta.key, k, mb.key, k2)) {
            found = looseEquals(ta.value, v, mb.value, v2);
            break;
          }
        }
        if (!found) return false;
      }
      return true;
    }
    case 'STRUCT': {
      const sb = tb as typeof ta;
      if (ta.fields.length !== sb.fields.length) return false;
      const x = a as Struct;
      const y = b as Struct;
      for (let i = 0; i < ta.fields.length; i++) {
        const f = ta.fields[i];
        if (!f) return false;
        const j = sb.fields.findIndex((g) => g.name === f.name);
        const g = sb.fields[j];
        if (!g) return false;
        if (!looseEquals(f.type, x.values[i] ?? null, g.type, y.values[j] ?? null)) return false;
      }
      return true;
    }
    default:
      return valuesEqual(ta, a, b);
  }
}

/**
 * Compares two non-null numeric values of possibly different numeric types the way ksqlDB's
 * generated Java does: DECIMAL on either side compares as BigDecimal (DOUBLE via
 * BigDecimal.valueOf), BIGINT with INT as long, DOUBLE with an integer as double.
 * NaN gives NaN (no order).
 */
export function compareNumeric(ta: SqlType, a: unknown, tb: SqlType, b: unknown): number {
  if (ta.kind === 'DECIMAL' || tb.kind === 'DECIMAL') {
    const x = numericToDecimal(ta, a);
    const y = numericToDecimal(tb, b);
    if (!x || !y) return NaN;
    return compareDecimals(x, y);
  }
  if (ta.kind === 'BIGINT' && tb.kind === 'BIGINT') return cmp(a as bigint, b as bigint);
  if (ta.kind === 'BIGINT' && tb.kind === 'INT') return cmp(a as bigint, BigInt(b as number));
  if (ta.kind === 'INT' && tb.kind === 'BIGINT') return cmp(BigInt(a as number), b as bigint);
  const x = typeof a === 'bigint' ? Number(a) : (a as number);
  const y = typeof b === 'bigint' ? Number(b) : (b as number);
  return x < y ? -1 : x > y ? 1 : x === y ? 0 : NaN;
}

function cmp(x: bigint, y: bigint): number {
  return x < y ? -1 : x > y ? 1 : 0;
}

export function numericToDecimal(t: SqlType, v: unknown): Decimal | null {
  switch (t.kind) {
    case 'DECIMAL':
      return v as Decimal;
    case 'DOUBLE':
      return decimalValueOfDouble(v as number);
    case 'INT':
      return new Decimal(BigInt(v as number), 0);
    case 'BIGINT':
      return new Decimal(v as bigint, 0);
    default:
      return null;
  }
}
