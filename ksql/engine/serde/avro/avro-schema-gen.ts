import { assertNever } from '../../../../common/assert-never.ts';
import type { Column } from '../../schema/logical-schema.ts';
import type { SqlType } from '../../types/sql-type.ts';
import { splitFullName } from './avro-names.ts';

/** An Avro schema as JSON (what the registry stores). */
export type AvroSchema = string | readonly AvroSchema[] | { readonly [k: string]: unknown };

/**
 * The Avro schema ksqlDB registers for a set of columns (reference e.8, checked against
 * historical-specs/*\/spec.json): the Connect schema made Avro-compatible (AvroSchemas) and
 * converted by Confluent's AvroData.
 *
 * - Wrapped: a record `fullName` whose fields are `["null", T]` with `"default": null`.
 * - Unwrapped (single key column, or WRAP_SINGLE_VALUE=false): the column's type itself,
 *   not nullable at the top; a STRUCT becomes the record `fullName`.
 * - Nested records are named `<parent full name>_<FIELD>`; array elements share the array's
 *   name; map values get `_MapValue`. Maps (optional string keys in ksqlDB's Connect schema)
 *   are written by AvroData as arrays of `MapEntry` records {key, value}.
 * - Logical types carry Connect's annotations (connect.name, connect.version, connect.parameters).
 */
export function generateAvroSchema(
  columns: readonly Column[],
  fullName: string,
  unwrapped: boolean,
): AvroSchema {
  const single = columns[0];
  if (unwrapped && single) {
    return toAvro(single.type, fullName, true, undefined);
  }
  return record(
    fullName,
    columns.map((c) => ({ name: c.name, type: c.type })),
    true,
    undefined,
  );
}

function record(
  fullName: string,
  fields: readonly { name: string; type: SqlType }[],
  root: boolean,
  enclosingNamespace: string | undefined,
): AvroSchema {
  const { namespace, name } = splitFullName(fullName);
  const out: Record<string, unknown> = { type: 'record', name };
  if (namespace !== undefined && (root || namespace !== enclosingNamespace)) out['namespace'] = namespace;
  out['fields'] = fields.map((f) => ({
    name: f.name.replace(/\./g, '_'),
    type: optional(toAvro(f.type, `${fullName}_${f.name}`, false, namespace)),
    default: null,
  }));
  out['connect.name'] = fullName;
  return out;
}

function optional(t: AvroSchema): AvroSchema {
  return ['null', t];
}

/** `name` is the Connect name context for records; `ns` the enclosing namespace when nested. */
function toAvro(type: SqlType, name: string, root: boolean, ns: string | undefined): AvroSchema {
  switch (type.kind) {
    case 'BOOLEAN':
      return 'boolean';
    case 'INT':
      return 'int';
    case 'BIGINT':
      return 'long';
    case 'DOUBLE':
      return 'double';
    case 'STRING':
      return 'string';
    case 'BYTES':
      return 'bytes';
    case 'DECIMAL':
      return {
        type: 'bytes',
        scale: type.scale,
        precision: type.precision,
        ...version(root),
        'connect.parameters': {
          scale: String(type.scale),
          'connect.decimal.precision': String(type.precision),
        },
        'connect.name': 'org.apache.kafka.connect.data.Decimal',
        logicalType: 'decimal',
      };
    case 'TIMESTAMP':
      return logical('long', 'Timestamp', 'timestamp-millis', root);
    case 'DATE':
      return logical('int', 'Date', 'date', root);
    case 'TIME':
      return logical('int', 'Time', 'time-millis', root);
    case 'ARRAY':
      return { type: 'array', items: optional(toAvro(type.element, name, false, root ? undefined : ns)) };
    case 'MAP': {
      const { namespace, name: short } = splitFullName(name);
      const entry: Record<string, unknown> = { type: 'record', name: short };
      if (namespace !== undefined && (root || namespace !== ns)) entry['namespace'] = namespace;
      entry['fields'] = [
        { name: 'key', type: optional(toAvro(type.key, `${name}_MapKey`, false, namespace)), default: null },
        {
          name: 'value',
          type: optional(toAvro(type.value, `${name}_MapValue`, false, namespace)),
          default: null,
        },
      ];
      entry['connect.internal.type'] = 'MapEntry';
      return { type: 'array', items: entry, 'connect.name': name };
    }
    case 'STRUCT':
      return record(name, type.fields, root, ns);
    default:
      return assertNever(type, 'SQL type');
  }
}

/**
 * AvroSchemas rebuilds an optional ROOT primitive without its Connect version, so an
 * unwrapped decimal/timestamp key has no `connect.version` (avro.json "DECIMAL - key").
 */
function version(root: boolean): Record<string, number> {
  return root ? {} : { 'connect.version': 1 };
}

function logical(base: 'int' | 'long', connect: string, logicalType: string, root: boolean): AvroSchema {
  return {
    type: base,
    ...version(root),
    'connect.name': `org.apache.kafka.connect.data.${connect}`,
    logicalType,
  };
}
