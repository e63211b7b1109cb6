import { KsqlStatementError } from '../errors.ts';
import type { Column } from '../schema/logical-schema.ts';
import { formatSqlType, type SqlType } from '../types/sql-type.ts';
import type { FormatName, SerdeFeature } from './serde-types.ts';

/**
 * Statement-time checks that a key/value format can hold the given columns, with ksqlDB's
 * messages (kafka.json, delimited.json, json.json, key-schemas.json `expectedException`s).
 * The planner calls these when it creates or derives a source; the serde factory calls them too.
 */
export function validateKeyColumns(
  format: FormatName,
  columns: readonly Column[],
  features: readonly SerdeFeature[] = [],
): void {
  for (const c of columns) {
    if (containsMap(c.type)) {
      throw new KsqlStatementError(
        `Map keys, including types that contain maps, are not supported as they may lead to unexpected behavior due to inconsistent serialization. Key column name: \`${c.name}\`. Column type: ${formatSqlType(c.type)}. See https://github.com/confluentinc/ksql/issues/6621 for more.`,
      );
    }
  }
  const reason = unsupportedReason(format, columns);
  if (reason !== undefined) {
    throw new KsqlStatementError(
      `Key format does not support schema.\nformat: ${format}\nschema: ${persistence(columns, features, true)}\nreason: ${reason}`,
    );
  }
}

export function validateValueColumns(
  format: FormatName,
  columns: readonly Column[],
  features: readonly SerdeFeature[] = [],
): void {
  const reason = unsupportedReason(format, columns);
  if (reason !== undefined) {
    throw new KsqlStatementError(
      `Value format does not support schema.\nformat: ${format}\nschema: ${persistence(columns, features, false)}\nreason: ${reason}`,
    );
  }
}

function persistence(columns: readonly Column[], features: readonly SerdeFeature[], key: boolean): string {
  const cols = columns.map((c) => `\`${c.name}\` ${formatSqlType(c.type)}${key ? ' KEY' : ''}`).join(', ');
  return `Persistence{columns=[${cols}], features=[${features.join(', ')}]}`;
}

function unsupportedReason(format: FormatName, columns: readonly Column[]): string | undefined {
  switch (format) {
    case 'KAFKA': {
      if (columns.length > 1) {
        const cols = columns.map(
          (c) => `\`${c.name}\` ${formatSqlType(c.type)}${c.namespace === 'KEY' ? ' KEY' : ''}`,
        );
        return `The 'KAFKA' format only supports a single field. Got: [${cols.join(', ')}]`;
      }
      for (const c of columns) {
        if (!KAFKA_TYPES.has(c.type.kind)) return `The 'KAFKA' format does not support type '${c.type.kind}'`;
      }
      return undefined;
    }
    case 'DELIMITED':
      for (const c of columns) {
        if (c.type.kind === 'ARRAY' || c.type.kind === 'MAP' || c.type.kind === 'STRUCT') {
          return `The 'DELIMITED' format does not support type '${c.type.kind}', column: \`${c.name}\``;
        }
      }
      return undefined;
    case 'JSON':
    case 'JSON_SR':
      for (const c of columns) {
        if (hasNonStringMapKey(c.type)) return 'JSON only supports MAP types with STRING keys';
      }
      return undefined;
    case 'AVRO':
      for (const c of columns) {
        if (hasNonStringMapKey(c.type)) return 'Avro only supports MAPs with STRING keys';
        const bad = invalidAvroName(c.name) ?? firstInvalidNestedName(c.type);
        if (bad !== undefined) return bad;
      }
      return undefined;
    case 'NONE':
      return columns.length > 0
        ? `The 'NONE' format can only be used when no columns are defined. Got: ${columns.map((c) => `\`${c.name}\``).join(', ')}`
        : undefined;
    case 'PROTOBUF':
    case 'PROTOBUF_NOSR':
      return undefined;
  }
}

const KAFKA_TYPES = new Set<SqlType['kind']>(['INT', 'BIGINT', 'DOUBLE', 'STRING', 'BYTES']);

function containsMap(t: SqlType): boolean {
  switch (t.kind) {
    case 'MAP':
      return true;
    case 'ARRAY':
      return containsMap(t.element);
    case 'STRUCT':
      return t.fields.some((f) => containsMap(f.type));
    default:
      return false;
  }
}

/**
 * Avro's name rule (Schema.validateName) applied to a column or struct field name after
 * ksqlDB's `.` → `_` replacement (avro.json "should return error on field names incompatible
 * with avro").
 */
function invalidAvroName(name: string): string | undefined {
  const n = name.replace(/\./g, '_');
  if (n.length === 0) return 'Schema is not compatible with Avro: Empty name';
  if (!/^[A-Za-z_]/.test(n)) return `Schema is not compatible with Avro: Illegal initial character: ${n}`;
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(n))
    return `Schema is not compatible with Avro: Illegal character in: ${n}`;
  return undefined;
}

function firstInvalidNestedName(t: SqlType): string | undefined {
  switch (t.kind) {
    case 'STRUCT':
      for (const f of t.fields) {
        const bad = invalidAvroName(f.name) ?? firstInvalidNestedName(f.type);
        if (bad !== undefined) return bad;
      }
      return undefined;
    case 'ARRAY':
      return firstInvalidNestedName(t.element);
    case 'MAP':
      return firstInvalidNestedName(t.value);
    default:
      return undefined;
  }
}

function hasNonStringMapKey(t: SqlType): boolean {
  switch (t.kind) {
    case 'MAP':
      return t.key.kind !== 'STRING' || hasNonStringMapKey(t.value);
    case 'ARRAY':
      return hasNonStringMapKey(t.element);
    case 'STRUCT':
      return t.fields.some((f) => hasNonStringMapKey(f.type));
    default:
      return false;
  }
}
