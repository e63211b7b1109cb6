import { assertNever } from '../../../common/assert-never.ts';
import type { Decimal } from './decimal.ts';
import type { SqlType } from './sql-type.ts';
import type { Struct } from './struct.ts';

/**
 * Canonical, injective text encoding of a value of one SQL type, for hashing group keys and
 * DISTINCT sets: two values get the same string exactly when `valuesEqual` holds. Strings are
 * JSON-quoted so several encodings can be joined with a separator unambiguously.
 */
export function keyString(type: SqlType, v: unknown): string {
  if (v === null || v === undefined) return 'N';
  switch (type.kind) {
    case 'BOOLEAN':
      return v ? 'T' : 'F';
    case 'INT':
    case 'BIGINT':
    case 'TIMESTAMP':
    case 'DATE':
    case 'TIME':
      return String(v);
    case 'DOUBLE':
      return Object.is(v, -0) ? '-0' : String(v);
    case 'DECIMAL':
      return normalizedDecimal(v as Decimal);
    case 'STRING':
      return JSON.stringify(v);
    case 'BYTES':
      return `x${Buffer.from(v as Uint8Array).toString('hex')}`;
    case 'ARRAY':
      return `[${(v as unknown[]).map((x) => keyString(type.element, x ?? null)).join(',')}]`;
    case 'MAP': {
      const parts: string[] = [];
      for (const [k, x] of v as Map<unknown, unknown>) {
        parts.push(`${keyString(type.key, k)}:${keyString(type.value, x)}`);
      }
      return `{${parts.sort().join(',')}}`;
    }
    case 'STRUCT': {
      const s = v as Struct;
      return `(${type.fields.map((f, i) => keyString(f.type, s.values[i] ?? null)).join(',')})`;
    }
    default:
      return assertNever(type, 'sql type');
  }
}

function normalizedDecimal(d: Decimal): string {
  let u = d.unscaled;
  let s = d.scale;
  while (s > 0 && u % 10n === 0n) {
    u /= 10n;
    s--;
  }
  if (u === 0n) return '0d';
  return `${u}e${-s}d`;
}
