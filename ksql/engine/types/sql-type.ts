/**
 * ksqlDB's SQL types, resolved (no aliases, no custom type names).
 *
 * Runtime value representation (every operator, function, serde and the harness uses these):
 *
 * | SQL type       | JS value                                                             |
 * |----------------|----------------------------------------------------------------------|
 * | any, when NULL | `null` (never `undefined`)                                           |
 * | BOOLEAN        | `boolean`                                                            |
 * | INT            | `number`, a 32-bit integer (arithmetic wraps like Java: `(a + b) | 0`)|
 * | BIGINT         | `bigint`, 64-bit (arithmetic wraps: `BigInt.asIntN(64, a + b)`)      |
 * | DOUBLE         | `number`                                                             |
 * | DECIMAL(p, s)  | `Decimal` (types/decimal.ts): unscaled `bigint` + scale, exact        |
 * | STRING         | `string`                                                             |
 * | BYTES          | `Uint8Array` (Buffer is fine; compare by content)                    |
 * | TIMESTAMP      | `number` — milliseconds since the epoch, UTC                         |
 * | DATE           | `number` — days since the epoch                                      |
 * | TIME           | `number` — milliseconds since midnight                               |
 * | ARRAY<T>       | `Array` of T values                                                  |
 * | MAP<K, V>      | JS `Map` of K values to V values (insertion order kept)              |
 * | STRUCT<...>    | `Struct` (types/struct.ts): field values in the type's field order   |
 *
 * Pseudo columns ROWTIME, WINDOWSTART, WINDOWEND, ROWOFFSET are BIGINT (`bigint`); ROWPARTITION is INT.
 * Record timestamps inside the runtime are plain `number` ms; they become `bigint` only when
 * exposed as ROWTIME.
 */
export type SqlType =
  | { readonly kind: 'BOOLEAN' }
  | { readonly kind: 'INT' }
  | { readonly kind: 'BIGINT' }
  | { readonly kind: 'DOUBLE' }
  | { readonly kind: 'DECIMAL'; readonly precision: number; readonly scale: number }
  | { readonly kind: 'STRING' }
  | { readonly kind: 'BYTES' }
  | { readonly kind: 'TIMESTAMP' }
  | { readonly kind: 'DATE' }
  | { readonly kind: 'TIME' }
  | { readonly kind: 'ARRAY'; readonly element: SqlType }
  | { readonly kind: 'MAP'; readonly key: SqlType; readonly value: SqlType }
  | { readonly kind: 'STRUCT'; readonly fields: readonly StructField[] };

export interface StructField {
  readonly name: string;
  readonly type: SqlType;
}

export type SqlTypeKind = SqlType['kind'];

export const BOOLEAN: SqlType = { kind: 'BOOLEAN' };
export const INT: SqlType = { kind: 'INT' };
export const BIGINT: SqlType = { kind: 'BIGINT' };
export const DOUBLE: SqlType = { kind: 'DOUBLE' };
export const STRING: SqlType = { kind: 'STRING' };
export const BYTES: SqlType = { kind: 'BYTES' };
export const TIMESTAMP: SqlType = { kind: 'TIMESTAMP' };
export const DATE: SqlType = { kind: 'DATE' };
export const TIME: SqlType = { kind: 'TIME' };

export function decimal(precision: number, scale: number): SqlType {
  return { kind: 'DECIMAL', precision, scale };
}
export function array(element: SqlType): SqlType {
  return { kind: 'ARRAY', element };
}
export function map(key: SqlType, value: SqlType): SqlType {
  return { kind: 'MAP', key, value };
}
export function struct(fields: readonly StructField[]): SqlType {
  return { kind: 'STRUCT', fields };
}

/** Formats a type the way ksqlDB prints it in schemas: `DECIMAL(4, 2)`, `ARRAY<STRING>`, ``STRUCT<`F1` INTEGER>``. */
export function formatSqlType(t: SqlType): string {
  switch (t.kind) {
    case 'BOOLEAN':
    case 'BIGINT':
    case 'DOUBLE':
    case 'STRING':
    case 'BYTES':
    case 'TIMESTAMP':
    case 'DATE':
    case 'TIME':
      return t.kind;
    case 'INT':
      return 'INTEGER';
    case 'DECIMAL':
      return `DECIMAL(${t.precision}, ${t.scale})`;
    case 'ARRAY':
      return `ARRAY<${formatSqlType(t.element)}>`;
    case 'MAP':
      return `MAP<${formatSqlType(t.key)}, ${formatSqlType(t.value)}>`;
    case 'STRUCT':
      return `STRUCT<${t.fields.map((f) => `\`${f.name}\` ${formatSqlType(f.type)}`).join(', ')}>`;
  }
}

export function sqlTypeEquals(a: SqlType, b: SqlType): boolean {
  return formatSqlType(a) === formatSqlType(b);
}
