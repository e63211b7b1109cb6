import { assertNever } from '../../../common/assert-never.ts';
import type { Decimal } from './decimal.ts';
import { compareDecimals } from './decimal-math.ts';
import type { SqlType } from './sql-type.ts';
import type { Struct } from './struct.ts';

/**
 * Equality of two values of one SQL type as Java's `equals` sees it (DISTINCT, GROUP BY keys,
 * `=` on ARRAY/MAP/STRUCT): NULL equals NULL here (use the comparison operators for SQL's
 * NULL-is-unknown); DOUBLE uses Double.equals (NaN = NaN, 0.0 ≠ -0.0); DECIMAL compares by value;
 * MAP ignores entry order; BYTES compare by content.
 */
export function valuesEqual(type: SqlType, a: unknown, b: unknown): boolean {
  if (a === null || a === undefined || b === null || b === undefined) {
    return (a === null || a === undefined) && (b === null || b === undefined);
  }
  switch (type.kind) {
    case 'BOOLEAN':
    case 'INT':
    case 'BIGINT':
    case 'STRING':
    case 'TIMESTAMP':
    case 'DATE':
    case 'TIME':
      return a === b;
    case 'DOUBLE':
      return Object.is(a, b);
    case 'DECIMAL':
      return compareDecimals(a as Decimal, b as Decimal) === 0;
    case 'BYTES': {
      const x = a as Uint8Array;
      const y = b as Uint8Array;
      if (x.length !== y.length) return false;
      for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
      return true;
    }
    case 'ARRAY': {
      const x = a as unknown[];
      const y = b as unknown[];
      if (x.length !== y.length) return false;
      for (let i = 0; i < x.length; i++)
        if (!valuesEqual(type.element, x[i] ?? null, y[i] ?? null)) return false;
      return true;
    }
    case 'MAP': {
      const x = a as Map<unknown, unknown>;
      const y = b as Map<unknown, unknown>;
      if (x.size !== y.size) return false;
      for (const [k, v] of x) {
        let found = false;
        for (const [k2, v2] of y) {
          if (valuesEqual(type.key, k, k2)) {
            found = valuesEqual(type.value, v, v2);
            break;
          }
        }
        if (!found) return false;
      }
      return true;
    }
    case 'STRUCT': {
      const x = (a as Struct).values;
      const y = (b as Struct).values;
      for (let i = 0; i < type.fields.length; i++) {
        const f = type.fields[i];
        if (f && !valuesEqual(f.type, x[i] ?? null, y[i] ?? null)) return false;
      }
      return true;
    }
    default:
      return assertNever(type, 'sql type');
  }
}
