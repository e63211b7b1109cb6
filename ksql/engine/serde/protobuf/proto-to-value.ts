import protobuf from 'protobufjs';
import { assertNever } from '../../../../common/assert-never.ts';
import type { Column } from '../../schema/logical-schema.ts';
import { Struct } from '../../types/struct.ts';
import { formatSqlType, type SqlType } from '../../types/sql-type.ts';
import { fitDecimal } from '../decimal-fit.ts';
import { findField, mapEntryType } from './value-to-proto.ts';
import {
  DATE_TYPE,
  DECIMAL_TYPE,
  TIME_TYPE,
  TIMESTAMP_TYPE,
  dateToDays,
  messageToDecimal,
  timeOfDayToMillis,
  timestampToMillis,
} from './well-known-values.ts';

type Obj = Record<string, unknown>;

/** protobufjs `toObject` options giving proto3 defaults for unset fields (Connect reads them so). */
export const TO_OBJECT: protobuf.IConversionOptions = {
  longs: String,
  enums: String,
  defaults: true,
  arrays: true,
  objects: true,
};

/**
 * A decoded message (protobufjs `toObject(TO_OBJECT)` of the WRITER type) → runtime values of
 * the reader columns, as ksqlDB reads through Connect's ProtobufData and its data translator:
 * columns match fields by name (exact, else case-insensitive; missing → NULL); unset singular
 * scalars read as their proto3 default (0, "", false, empty bytes), unset repeated fields as
 * empty arrays/maps, unset message fields as NULL; uint32/fixed32 widen to BIGINT, uint64 is
 * reinterpreted as signed; enums read as their names; the Google/Confluent logical types as
 * TIMESTAMP/DATE/TIME/DECIMAL (decimals fitted to the column).
 */
export function protoToRow(type: protobuf.Type, obj: Obj, columns: readonly Column[]): unknown[] {
  return columns.map((c) => fieldValue(type, obj, c.name, c.type, `$.${c.name}`));
}

function fieldValue(type: protobuf.Type, obj: Obj, name: string, sql: SqlType, path: string): unknown {
  const field = findField(type, name);
  if (!field) return null;
  const v = obj[field.name];
  if (v === undefined || v === null) return null;
  return convert(field, v, sql, path);
}

function convert(field: protobuf.Field, v: unknown, sql: SqlType, path: string): unknown {
  if (field instanceof protobuf.MapField) {
    if (sql.kind !== 'MAP') throw mismatch('map', sql, path);
    const out = new Map<unknown, unknown>();
    for (const [k, e] of Object.entries(v as Obj)) out.set(k, single(field, e, sql.value, `${path}.${k}`));
    return out;
  }
  if (field.repeated) {
    const items = v as unknown[];
    const entry = mapEntryType(field);
    if (entry && sql.kind === 'MAP') {
      const key = entry.fields['key']!;
      const val = entry.fields['value']!;
      const out = new Map<unknown, unknown>();
      for (const e of items as Obj[]) {
        out.set(
          e['key'] === null ? null : single(key, e['key'], sql.key, path),
          e['value'] === null || e['value'] === undefined ? null : single(val, e['value'], sql.value, path),
        );
      }
      return out;
    }
    if (sql.kind !== 'ARRAY') throw mismatch(`repeated ${field.type}`, sql, path);
    return items.map((e, i) => (e === null ? null : single(field, e, sql.element, `${path}[${i}]`)));
  }
  return single(field, v, sql, path);
}

function single(field: protobuf.Field, v: unknown, sql: SqlType, path: string): unknown {
  const resolved = field.resolvedType;
  if (resolved instanceof protobuf.Type) return message(resolved, v as Obj, sql, path);
  const kind = resolved instanceof protobuf.Enum ? 'enum' : field.type;
  switch (sql.kind) {
    case 'BOOLEAN':
      if (kind === 'bool') return v;
      break;
    case 'INT':
      if (INT32.has(kind)) return v;
      break;
    case 'BIGINT':
      if (INT32.has(kind) || UINT32.has(kind)) return BigInt(v as number);
      if (INT64.has(kind)) return BigInt.asIntN(64, BigInt(v as string));
      break;
    case 'DOUBLE':
      if (kind === 'double' || kind === 'float' || INT32.has(kind) || UINT32.has(kind)) return Number(v);
      if (INT64.has(kind)) return Number(BigInt.asIntN(64, BigInt(v as string)));
      break;
    case 'STRING':
      if (kind === 'string' || kind === 'enum') return String(v);
      if (kind !== 'bytes')
        return INT64.has(kind) ? BigInt.asIntN(64, BigInt(v as string)).toString() : String(v);
      break;
    case 'BYTES':
      if (kind === 'bytes') return new Uint8Array(v as Uint8Array);
      break;
    case 'TIMESTAMP':
      if (INT64.has(kind)) return Number(BigInt.asIntN(64, BigInt(v as string)));
      break;
    case 'DECIMAL':
    case 'DATE':
    case 'TIME':
    case 'ARRAY':
    case 'MAP':
    case 'STRUCT':
      break;
    default:
      return assertNever(sql, 'SQL type');
  }
  throw mismatch(kind, sql, path);
}

function message(t: protobuf.Type, v: Obj, sql: SqlType, path: string): unknown {
  const name = t.fullName.slice(1);
  if (name === TIMESTAMP_TYPE && sql.kind === 'TIMESTAMP') return timestampToMillis(v);
  if (name === DATE_TYPE && sql.kind === 'DATE') return dateToDays(v);
  if (name === TIME_TYPE && sql.kind === 'TIME') return timeOfDayToMillis(v);
  if (name === DECIMAL_TYPE && sql.kind === 'DECIMAL')
    return fitDecimal(messageToDecimal(v), sql.precision, sql.scale);
  if (sql.kind === 'STRUCT') {
    return new Struct(
      sql.fields.map((f) => f.name),
      sql.fields.map((f) => fieldValue(t, v, f.name, f.type, `${path}.${f.name}`)),
    );
  }
  // google.protobuf.*Value wrappers read as their value.
  if (name.startsWith('google.protobuf.') && name.endsWith('Value') && t.fields['value']) {
    return convert(t.fields['value'], v['value'], sql, path);
  }
  throw mismatch(name, sql, path);
}

const INT32 = new Set(['int32', 'sint32', 'sfixed32']);
const UINT32 = new Set(['uint32', 'fixed32']);
const INT64 = new Set(['int64', 'sint64', 'sfixed64', 'uint64', 'fixed64']);

function mismatch(from: string, sql: SqlType, path: string): Error {
  return new Error(`Cannot convert protobuf ${from} to ${formatSqlType(sql)}, path: ${path}`);
}
