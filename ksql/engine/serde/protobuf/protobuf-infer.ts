import protobuf from 'protobufjs';
import { KsqlStatementError } from '../../errors.ts';
import type { Column } from '../../schema/logical-schema.ts';
import { decimal, struct, type SqlType, type StructField } from '../../types/sql-type.ts';
import { messageNamed, parseProtobufSchema } from './proto-schema-parse.ts';
import { mapEntryType } from './value-to-proto.ts';
import { DATE_TYPE, DECIMAL_TYPE, TIME_TYPE, TIMESTAMP_TYPE } from './well-known-values.ts';

export interface ProtobufInferOptions {
  /** KEY/VALUE_SCHEMA_FULL_NAME: the message to read; the file's first message otherwise. */
  readonly fullName?: string;
  /** Import name → text of the schema's references. */
  readonly references?: ReadonlyMap<string, string>;
  /** Keep field names as written (schemas given by KEY/VALUE_SCHEMA_ID), else upper-case them. */
  readonly originalFieldNames?: boolean;
}

/**
 * Columns inferred from a registered Protobuf schema for `CREATE STREAM/TABLE` without columns
 * (reference e.9, via Connect's ProtobufData.toConnectSchema and ksqlDB's schema translator).
 * Keys and values alike: one column per field of the message (PROTOBUF never unwraps).
 * Types: int32/sint32/sfixed32 → INT; uint32/fixed32 and every 64-bit integer → BIGINT;
 * float/double → DOUBLE; bool; string and enums → STRING; bytes; repeated → ARRAY; map fields
 * and `repeated XEntry {key = 1; value = 2}` → MAP; confluent.type.Decimal → DECIMAL (precision
 * and scale from `field_meta`, precision 64 when absent); google.protobuf.Timestamp → TIMESTAMP;
 * google.type.Date → DATE; google.type.TimeOfDay → TIME; other messages → STRUCT. oneof fields
 * are unsupported and skipped, as ksqlDB skips fields of types it cannot hold.
 */
export function inferColumnsFromProtobuf(
  schemaText: string,
  target: 'KEY' | 'VALUE',
  options: ProtobufInferOptions = {},
): Column[] {
  const parsed = parseProtobufSchema(schemaText, options.references);
  const type = messageNamed(parsed, options.fullName);
  const fields = structFields(type, options.originalFieldNames ?? false, new Set());
  if (fields.length === 0) {
    throw new KsqlStatementError(
      `Schema does not include any columns with types that ksqlDB supports.\nschema: ${schemaText}`,
    );
  }
  return fields.map((f) => ({ name: f.name, type: f.type, namespace: target }));
}

class Unsupported extends Error {}

function structFields(type: protobuf.Type, keepNames: boolean, seen: Set<protobuf.Type>): StructField[] {
  if (seen.has(type)) throw new Unsupported(`recursive message ${type.fullName}`);
  const inner = new Set(seen).add(type);
  const out: StructField[] = [];
  for (const f of type.fieldsArray) {
    if (f.partOf && !(f.options as Record<string, unknown> | undefined)?.['proto3_optional']) continue;
    try {
      out.push({ name: keepNames ? f.name : f.name.toUpperCase(), type: fieldType(f, keepNames, inner) });
    } catch (e) {
      if (!(e instanceof Unsupported)) throw e;
    }
  }
  return out;
}

function fieldType(f: protobuf.Field, keepNames: boolean, seen: Set<protobuf.Type>): SqlType {
  if (f instanceof protobuf.MapField) {
    return { kind: 'MAP', key: { kind: 'STRING' }, value: singleType(f, keepNames, seen) };
  }
  if (f.repeated) {
    const entry = mapEntryType(f);
    if (entry) {
      return {
        kind: 'MAP',
        key: singleType(entry.fields['key']!, keepNames, seen),
        value: singleType(entry.fields['value']!, keepNames, seen),
      };
    }
    return { kind: 'ARRAY', element: singleType(f, keepNames, seen) };
  }
  return singleType(f, keepNames, seen);
}

function singleType(f: protobuf.Field, keepNames: boolean, seen: Set<protobuf.Type>): SqlType {
  const resolved = f.resolvedType;
  if (resolved instanceof protobuf.Enum) return { kind: 'STRING' };
  if (resolved instanceof protobuf.Type) {
    switch (resolved.fullName.slice(1)) {
      case TIMESTAMP_TYPE:
        return { kind: 'TIMESTAMP' };
      case DATE_TYPE:
        return { kind: 'DATE' };
      case TIME_TYPE:
        return { kind: 'TIME' };
      case DECIMAL_TYPE: {
        const params = fieldMetaParams(f);
        return decimal(Number(params['precision'] ?? 64), Number(params['scale'] ?? 0));
      }
      default:
        return struct(structFields(resolved, keepNames, seen));
    }
  }
  switch (f.type) {
    case 'int32':
    case 'sint32':
    case 'sfixed32':
      return { kind: 'INT' };
    case 'uint32':
    case 'fixed32':
    case 'int64':
    case 'uint64':
    case 'sint64':
    case 'fixed64':
    case 'sfixed64':
      return { kind: 'BIGINT' };
    case 'float':
    case 'double':
      return { kind: 'DOUBLE' };
    case 'bool':
      return { kind: 'BOOLEAN' };
    case 'string':
      return { kind: 'STRING' };
    case 'bytes':
      return { kind: 'BYTES' };
    default:
      throw new Unsupported(`Unsupported protobuf type ${f.type}`);
  }
}

/** `[(confluent.field_meta) = { params: [{key, value}...] }]` as a key → value record. */
export function fieldMetaParams(f: protobuf.Field): Record<string, string> {
  const out: Record<string, string> = {};
  const parsed = (f.parsedOptions ?? []) as Record<string, unknown>[];
  for (const opt of parsed) {
    const meta = opt['(confluent.field_meta)'] as { params?: unknown } | undefined;
    const params = meta?.params;
    for (const p of Array.isArray(params) ? params : params ? [params] : []) {
      const { key, value } = p as { key?: unknown; value?: unknown };
      if (key !== undefined && value !== undefined) out[String(key)] = String(value);
    }
  }
  return out;
}
