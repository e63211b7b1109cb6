import { assertNever } from '../../../../common/assert-never.ts';
import type { Decimal } from '../../types/decimal.ts';
import type { Struct } from '../../types/struct.ts';
import type { SqlType } from '../../types/sql-type.ts';
import { javaDoubleToString } from '../../types/java-double-to-string.ts';

/**
 * Writes a runtime value of `type` as JSON text the way ksqlDB's JSON serializer (Connect's
 * JsonConverter with decimal.format=NUMERIC) does: DECIMAL as a number keeping its scale
 * (`10.50`), BIGINT exactly, BYTES as base64, TIMESTAMP/TIME as ms and DATE as days, DOUBLE with
 * Java's Double.toString (`1.0`, `4.611686018427388E18`), non-finite doubles as the strings Jackson writes ("NaN").
 */
export function valueToJsonText(value: unknown, type: SqlType): string {
  if (value === null || value === undefined) return 'null';
  switch (type.kind) {
    case 'BOOLEAN':
      return value ? 'true' : 'false';
    case 'INT':
    case 'DATE':
    case 'TIME':
    case 'TIMESTAMP':
      return String(Math.trunc(value as number));
    case 'BIGINT':
      return String(value as bigint);
    case 'DOUBLE':
      return doubleText(value as number);
    case 'DECIMAL':
      return (value as Decimal).toString();
    case 'STRING':
      return JSON.stringify(value);
    case 'BYTES':
      return JSON.stringify(Buffer.from(value as Uint8Array).toString('base64'));
    case 'ARRAY':
      return `[${(value as unknown[]).map((v) => valueToJsonText(v, type.element)).join(',')}]`;
    case 'MAP': {
      const parts: string[] = [];
      for (const [k, v] of value as Map<unknown, unknown>) {
        parts.push(`${JSON.stringify(String(k))}:${valueToJsonText(v, type.value)}`);
      }
      return `{${parts.join(',')}}`;
    }
    case 'STRUCT': {
      const s = value as Struct;
      const parts = type.fields.map(
        (f, i) => `${JSON.stringify(f.name)}:${valueToJsonText(s.values[i] ?? null, f.type)}`,
      );
      return `{${parts.join(',')}}`;
    }
    default:
      return assertNever(type, 'SQL type');
  }
}

function doubleText(n: number): string {
  if (Number.isNaN(n)) return '"NaN"';
  if (n === Infinity) return '"Infinity"';
  if (n === -Infinity) return '"-Infinity"';
  return javaDoubleToString(n);
}
