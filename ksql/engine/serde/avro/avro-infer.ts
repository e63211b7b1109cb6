import { KsqlStatementError } from '../../errors.ts';
import type { Column } from '../../schema/logical-schema.ts';
import { decimal, struct, type SqlType, type StructField } from '../../types/sql-type.ts';
import type { AvroSchema } from './avro-schema-gen.ts';
import { parseAvroSchemaText } from './avro-schema-text.ts';
import { AvroNames, attr, baseType, decimalOf, isMapEntryArray, type AvroNode } from './avro-schema-walk.ts';

class Unsupported extends Error {}

export interface InferOptions {
  /** WRAP_SINGLE_VALUE=false: the whole value schema is one column `ROWVAL`. */
  readonly unwrapped?: boolean;
  /**
   * Keep Avro field names as written instead of upper-casing them: ksqlDB does this for
   * schemas given by KEY_SCHEMA_ID / VALUE_SCHEMA_ID (elements.json "validate schema id
   * without value elements OK - AVRO": column `c1`).
   */
  readonly originalFieldNames?: boolean;
}

/**
 * Columns inferred from a registered Avro schema for `CREATE STREAM/TABLE` without columns
 * (reference e.9, via Connect's AvroData and ksqlDB's ConnectKsqlSchemaTranslator):
 *
 * - VALUE: a record gives one column per field, names upper-cased; with `unwrapped`
 *   (WRAP_SINGLE_VALUE=false) or a non-record schema, a single column `ROWVAL`.
 * - KEY: always a single column `ROWKEY` of the whole schema (multi-col-keys.json "with key
 *   inference": a record key becomes `ROWKEY STRUCT<...>`).
 * - Types: int/long/float/double/boolean/string, int8/int16 (Connect) → INT, float → DOUBLE,
 *   enum → STRING, bytes/fixed → BYTES, decimal → DECIMAL(precision default 64, scale),
 *   date/time-millis/timestamp-millis logical types → DATE/TIME/TIMESTAMP, arrays, maps (Avro
 *   maps and Connect MapEntry arrays) → MAP<STRING, V>, records → STRUCT with upper-cased
 *   field names. Fields of unsupported types are skipped, as ksqlDB logs and skips them.
 */
export function inferColumnsFromAvro(
  schemaText: string,
  target: 'KEY' | 'VALUE',
  options: boolean | InferOptions = false,
): Column[] {
  const { unwrapped = false, originalFieldNames = false } =
    typeof options === 'boolean' ? { unwrapped: options } : options;
  const root = parseAvroSchemaText(schemaText);
  const names = new AvroNames(root, originalFieldNames);
  const node = names.resolve(root);
  if (target === 'KEY') return [{ name: 'ROWKEY', type: rootType(node, names), namespace: 'KEY' }];
  if (unwrapped || baseType(node) !== 'record')
    return [{ name: 'ROWVAL', type: rootType(node, names), namespace: 'VALUE' }];
  const fields = structFields(node, names);
  if (fields.length === 0) {
    throw new KsqlStatementError(
      `Schema does not include any columns with types that ksqlDB supports.\nschema: ${schemaText}`,
    );
  }
  return fields.map((f) => ({ name: f.name, type: f.type, namespace: 'VALUE' }));
}

function rootType(node: AvroNode, names: AvroNames): SqlType {
  try {
    return toSql(node, names);
  } catch (e) {
    if (e instanceof Unsupported)
      throw new KsqlStatementError(`Unsupported type at root of schema: ${e.message}`);
    throw e;
  }
}

function structFields(node: AvroNode, names: AvroNames): StructField[] {
  const out: StructField[] = [];
  for (const f of attr(node, 'fields') as { name: string; type: AvroSchema }[]) {
    try {
      out.push({
        name: names.keepFieldNames ? f.name : f.name.toUpperCase(),
        type: toSql(names.resolve(f.type), names),
      });
    } catch (e) {
      if (!(e instanceof Unsupported)) throw e;
    }
  }
  return out;
}

function toSql(node: AvroNode, names: AvroNames): SqlType {
  if (Array.isArray(node)) {
    const nonNull = (node as AvroSchema[]).filter((b) => b !== 'null');
    if (nonNull.length === 1) return toSql(names.resolve(nonNull[0]!), names);
    throw new Unsupported(`Unsupported type: union of ${nonNull.length} types`);
  }
  const base = baseType(node);
  const logical = attr(node, 'logicalType');
  const connectName = attr(node, 'connect.name');
  switch (base) {
    case 'boolean':
      return { kind: 'BOOLEAN' };
    case 'int':
      if (logical === 'date' || connectName === 'org.apache.kafka.connect.data.Date') return { kind: 'DATE' };
      if (logical === 'time-millis' || connectName === 'org.apache.kafka.connect.data.Time')
        return { kind: 'TIME' };
      return { kind: 'INT' };
    case 'long':
      if (logical === 'timestamp-millis' || connectName === 'org.apache.kafka.connect.data.Timestamp')
        return { kind: 'TIMESTAMP' };
      return { kind: 'BIGINT' };
    case 'float':
    case 'double':
      return { kind: 'DOUBLE' };
    case 'string':
    case 'enum':
      return { kind: 'STRING' };
    case 'bytes':
    case 'fixed': {
      const d = decimalOf(node);
      return d ? decimal(d.precision, d.scale) : { kind: 'BYTES' };
    }
    case 'array': {
      if (isMapEntryArray(node, names)) {
        const entry = names.resolve(attr(node, 'items') as AvroSchema);
        const valueField = (attr(entry, 'fields') as { name: string; type: AvroSchema }[]).find(
          (f) => f.name === 'value',
        );
        if (!valueField) throw new Unsupported('Unsupported type: map entry without value');
        return { kind: 'MAP', key: { kind: 'STRING' }, value: toSql(names.resolve(valueField.type), names) };
      }
      return { kind: 'ARRAY', element: toSql(names.resolve(attr(node, 'items') as AvroSchema), names) };
    }
    case 'map':
      return {
        kind: 'MAP',
        key: { kind: 'STRING' },
        value: toSql(names.resolve(attr(node, 'values') as AvroSchema), names),
      };
    case 'record':
    case 'error':
      return struct(structFields(node, names));
    default:
      throw new Unsupported(`Unsupported type: ${base}`);
  }
}
