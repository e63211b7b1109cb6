import { assertNever } from '../../../../common/assert-never.ts';
import type { Column } from '../../schema/logical-schema.ts';
import type { SqlType } from '../../types/sql-type.ts';

/** A JSON Schema node; key order is the order ksqlDB's registered text has. */
export type JsonSchemaNode = { readonly [key: string]: unknown };

/**
 * The JSON Schema ksqlDB registers for JSON_SR columns: Connect's JsonSchemaData applied to
 * ksqlDB's Connect schema (ConnectSchemas.columnsToConnectSchema: a required struct of optional
 * fields; every nested type optional). Per Connect type:
 *
 * - INT/BIGINT `integer` + `connect.type` int32/int64; DOUBLE `number` + float64; BOOLEAN,
 *   STRING as is; BYTES `string` + `connect.type: bytes`;
 * - DECIMAL `number` titled `org.apache.kafka.connect.data.Decimal`, `connect.version` 1,
 *   `connect.type: bytes`, `connect.parameters` {scale, connect.decimal.precision} (historical
 *   spec "decimal - JSON_SR should not trim trailing zeros");
 * - TIMESTAMP/DATE/TIME `integer` titled with Connect's logical name, version 1, int64/int32;
 * - ARRAY `array` + `items`; MAP an `array` of `{key, value}` objects + `connect.type: map`
 *   (ksqlDB's map keys are OPTIONAL strings, and JsonSchemaData writes an object only for
 *   required string keys; ksql issue #10160 shows the registered array form);
 * - STRUCT `object` + `properties`; optional types are `oneOf: [null, T]`, and a struct field
 *   carries `connect.index` (on the `oneOf`).
 *
 * Unprocessed properties come in Java HashMap order (connect.version, connect.index,
 * connect.type, connect.parameters), as the registered text shows. `unwrapped` (a single key,
 * or WRAP_SINGLE_VALUE=false) gives the column's own optional schema; `fullName`
 * (KEY/VALUE_SCHEMA_FULL_NAME) titles the root.
 */
export function generateJsonSchema(
  columns: readonly Column[],
  options: { readonly unwrapped?: boolean; readonly fullName?: string | undefined } = {},
): JsonSchemaNode {
  const single = columns[0];
  if (options.unwrapped && single && columns.length === 1) {
    return optional(typeSchema(single.type, options.fullName));
  }
  return objectSchema(columns, options.fullName);
}

/** The registered text of a generated schema (compact JSON, key order kept). */
export function generateJsonSchemaText(
  columns: readonly Column[],
  options: { readonly unwrapped?: boolean; readonly fullName?: string | undefined } = {},
): string {
  return JSON.stringify(generateJsonSchema(columns, options));
}

function objectSchema(
  fields: readonly { readonly name: string; readonly type: SqlType }[],
  title?: string,
): JsonSchemaNode {
  const properties: Record<string, unknown> = {};
  fields.forEach((f, i) => {
    properties[f.name] = optional(typeSchema(f.type), i);
  });
  return { type: 'object', ...(title !== undefined ? { title } : {}), properties };
}

/** `oneOf: [null, T]`, with the struct field index first when there is one. */
function optional(schema: JsonSchemaNode, index?: number): JsonSchemaNode {
  return { ...(index !== undefined ? { 'connect.index': index } : {}), oneOf: [{ type: 'null' }, schema] };
}

function typeSchema(type: SqlType, title?: string): JsonSchemaNode {
  const titled = (t: string, rest: Record<string, unknown>): JsonSchemaNode => ({
    type: t,
    ...(title !== undefined ? { title } : {}),
    ...rest,
  });
  switch (type.kind) {
    case 'BOOLEAN':
      return titled('boolean', {});
    case 'INT':
      return titled('integer', { 'connect.type': 'int32' });
    case 'BIGINT':
      return titled('integer', { 'connect.type': 'int64' });
    case 'DOUBLE':
      return titled('number', { 'connect.type': 'float64' });
    case 'STRING':
      return titled('string', {});
    case 'BYTES':
      return titled('string', { 'connect.type': 'bytes' });
    case 'DECIMAL':
      return {
        type: 'number',
        title: 'org.apache.kafka.connect.data.Decimal',
        'connect.version': 1,
        'connect.type': 'bytes',
        'connect.parameters': {
          scale: String(type.scale),
          'connect.decimal.precision': String(type.precision),
        },
      };
    case 'TIMESTAMP':
      return logical('Timestamp', 'int64');
    case 'DATE':
      return logical('Date', 'int32');
    case 'TIME':
      return logical('Time', 'int32');
    case 'ARRAY':
      return titled('array', { items: optional(typeSchema(type.element)) });
    case 'MAP':
      return titled('array', {
        items: objectSchema([
          { name: 'key', type: type.key },
          { name: 'value', type: type.value },
        ]),
        'connect.type': 'map',
      });
    case 'STRUCT':
      return objectSchema(type.fields, title);
    default:
      return assertNever(type, 'SQL type');
  }
}

function logical(name: string, connectType: string): JsonSchemaNode {
  return {
    type: 'integer',
    title: `org.apache.kafka.connect.data.${name}`,
    'connect.version': 1,
    'connect.type': connectType,
  };
}
