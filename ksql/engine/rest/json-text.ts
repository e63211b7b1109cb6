import { Decimal } from '../types/decimal.ts';
import type { SqlType } from '../types/sql-type.ts';
import { Struct } from '../types/struct.ts';

/**
 * Writes a runtime value as the JSON ksqlDB's REST API returns (exact: BIGINT and DECIMAL keep
 * every digit, which JSON.stringify cannot do with bigint). TIMESTAMP/DATE/TIME are numbers at
 * runtime, so the column type decides their text: ISO strings, as ksqlDB renders them.
 */
export function jsonText(value: unknown, type: SqlType | undefined): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Decimal) return value.toString();
  if (typeof value === 'number') {
    switch (type?.kind) {
      case 'TIMESTAMP':
        return JSON.stringify(new Date(value).toISOString().slice(0, -1));
      case 'DATE':
        return JSON.stringify(new Date(value * 86_400_000).toISOString().slice(0, 10));
      case 'TIME':
        return JSON.stringify(new Date(value).toISOString().slice(11, 23));
      default:
        return Number.isFinite(value) ? String(value) : JSON.stringify(String(value));
    }
  }
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (value instanceof Uint8Array) return JSON.stringify(Buffer.from(value).toString('base64'));
  if (Array.isArray(value)) {
    const element = type?.kind === 'ARRAY' ? type.element : undefined;
    return `[${value.map((v) => jsonText(v, element)).join(',')}]`;
  }
  if (value instanceof Map) {
    const vt = type?.kind === 'MAP' ? type.value : undefined;
    return `{${[...value].map(([k, v]) => `${JSON.stringify(String(k))}:${jsonText(v, vt)}`).join(',')}}`;
  }
  if (value instanceof Struct) {
    const fields = type?.kind === 'STRUCT' ? type.fields : [];
    return `{${value.names.map((n, i) => `${JSON.stringify(n)}:${jsonText(value.values[i], fields[i]?.type)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export function rowText(values: readonly unknown[], types: readonly SqlType[]): string {
  return `[${values.map((v, i) => jsonText(v, types[i])).join(',')}]`;
}
