import { assertNever } from '../../../common/assert-never.ts';
import type { Decimal } from './decimal.ts';
import { javaDoubleToString } from './java-double-to-string.ts';
import type { SqlType } from './sql-type.ts';
import type { Struct } from './struct.ts';
import { formatDateIso, formatTimeIso, formatTimestampIso } from './time-text.ts';

/**
 * The text ksqlDB produces when it converts a value to STRING (CAST(x AS STRING), `+` with a
 * string): Java's `toString` of the runtime value — `1.0` for DOUBLE, `[1, 3]` for arrays,
 * `{a=1}` for maps, `Struct{F0=1,f1=3}` for structs (cast.json), DECIMAL in plain notation,
 * TIMESTAMP as `yyyy-MM-ddTHH:mm:ss.SSS` UTC (timestamp.json).
 */
export function javaToString(type: SqlType, v: unknown): string {
  if (v === null || v === undefined) return 'null';
  switch (type.kind) {
    case 'BOOLEAN':
    case 'INT':
    case 'BIGINT':
    case 'STRING':
      return String(v);
    case 'DOUBLE':
      return javaDoubleToString(v as number);
    case 'DECIMAL':
      return (v as Decimal).toString();
    case 'BYTES':
      return Buffer.from(v as Uint8Array).toString('base64');
    case 'TIMESTAMP':
      return formatTimestampIso(v as number);
    case 'DATE':
      return formatDateIso(v as number);
    case 'TIME':
      return formatTimeIso(v as number);
    case 'ARRAY': {
      const el = type.element;
      return `[${(v as unknown[]).map((x) => javaToString(el, x)).join(', ')}]`;
    }
    case 'MAP': {
      const parts: string[] = [];
      for (const [k, x] of v as Map<unknown, unknown>) {
        parts.push(`${javaToString(type.key, k)}=${javaToString(type.value, x)}`);
      }
      return `{${parts.join(', ')}}`;
    }
    case 'STRUCT': {
      // Kafka Connect Struct.toString: non-null fields only, comma-separated without spaces.
      const s = v as Struct;
      const parts: string[] = [];
      type.fields.forEach((f, i) => {
        const x = s.values[i];
        if (x !== null && x !== undefined) parts.push(`${f.name}=${javaToString(f.type, x)}`);
      });
      return `Struct{${parts.join(',')}}`;
    }
    default:
      return assertNever(type, 'sql type');
  }
}
