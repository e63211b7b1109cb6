import protobuf from 'protobufjs';
import type { Column } from '../../schema/logical-schema.ts';
import { Decimal } from '../../types/decimal.ts';
import { Struct } from '../../types/struct.ts';
import type { SqlType, StructField } from '../../types/sql-type.ts';
import {
  DATE_TYPE,
  DECIMAL_TYPE,
  TIME_TYPE,
  TIMESTAMP_TYPE,
  daysToDate,
  decimalToMessage,
  millisToTimeOfDay,
  millisToTimestamp,
} from './well-known-values.ts';

type Obj = Record<string, unknown>;

/**
 * Runtime column values → a plain object for protobufjs `Type.fromObject`, the way ksqlDB
 * writes through Connect's ProtobufData: columns go to the fields of the same name (exact,
 * else case-insensitive), NULLs and empty arrays are left unset, proto3 singular scalars equal
 * to their default are left unset (not on the wire, as DynamicMessage does), 64-bit integers as
 * decimal text, DECIMAL as confluent.type.Decimal, TIMESTAMP/DATE/TIME as the Google types.
 */
export function rowToProto(type: protobuf.Type, columns: readonly Column[], values: readonly unknown[]): Obj {
  return fieldsToProto(
    type,
    columns.map((c, i) => ({ name: c.name, type: c.type, value: values[i] ?? null })),
  );
}

function fieldsToProto(
  type: protobuf.Type,
  fields: readonly { name: string; type: SqlType; value: unknown }[],
): Obj {
  const out: Obj = {};
  for (const f of fields) {
    const field = findField(type, f.name);
    if (!field || f.value === null) continue;
    const v = fieldToProto(field, f.value, f.type);
    if (v !== undefined) out[field.name] = v;
  }
  return out;
}

export function findField(type: protobuf.Type, name: string): protobuf.Field | undefined {
  const exact = type.fields[name];
  if (exact) return exact;
  const upper = name.toUpperCase();
  return type.fieldsArray.find((f) => f.name.toUpperCase() === upper);
}

function fieldToProto(field: protobuf.Field, value: unknown, type: SqlType): unknown {
  if (field instanceof protobuf.MapField) {
    if (!(value instanceof Map) || type.kind !== 'MAP') throw mismatch(field, type);
    const out: Obj = {};
    for (const [k, v] of value) {
      if (v !== null) out[String(k)] = single(field, v, type.value);
    }
    return out;
  }
  if (field.repeated) {
    const entry = mapEntryType(field);
    if (entry && type.kind === 'MAP' && value instanceof Map) {
      if (value.size === 0) return undefined;
      const key = entry.fields['key']!;
      const val = entry.fields['value']!;
      return [...value].map(([k, v]) => {
        const e: Obj = {};
        if (k !== null) e['key'] = single(key, k, type.key);
        if (v !== null) e['value'] = single(val, v, type.value);
        return e;
      });
    }
    if (type.kind !== 'ARRAY' || !Array.isArray(value)) throw mismatch(field, type);
    if (value.length === 0) return undefined;
    return value.map((v) => {
      if (v === null) throw new Error(`Protobuf repeated field ${field.name} cannot hold a null element`);
      return single(field, v, type.element);
    });
  }
  const v = single(field, value, type);
  return isImplicitDefault(field, v) ? undefined : v;
}

/** A `repeated XEntry` field whose message is a Connect/protoc map entry {key = 1; value = 2}. */
export function mapEntryType(field: protobuf.Field): protobuf.Type | undefined {
  const t = field.resolvedType;
  if (!(t instanceof protobuf.Type) || !t.name.endsWith('Entry')) return undefined;
  const fs = t.fieldsArray;
  return fs.length === 2 && fs[0]?.name === 'key' && fs[1]?.name === 'value' ? t : undefined;
}

function single(field: protobuf.Field, value: unknown, type: SqlType): unknown {
  const resolved = field.resolvedType;
  if (resolved instanceof protobuf.Enum) return String(value);
  if (resolved instanceof protobuf.Type) return message(field, resolved, value, type);
  switch (field.type) {
    case 'double':
    case 'float':
      return toNumber(value);
    case 'int32':
    case 'sint32':
    case 'sfixed32':
      return Number(value) | 0;
    case 'uint32':
    case 'fixed32':
      return Number(value) >>> 0;
    case 'int64':
    case 'sint64':
    case 'sfixed64':
    case 'uint64':
    case 'fixed64':
      if (typeof value === 'bigint' || typeof value === 'number') return String(value);
      break;
    case 'bool':
      if (typeof value === 'boolean') return value;
      break;
    case 'string':
      if (typeof value === 'string') return value;
      break;
    case 'bytes':
      if (value instanceof Uint8Array) return value;
      break;
  }
  throw mismatch(field, type);
}

function message(field: protobuf.Field, t: protobuf.Type, value: unknown, type: SqlType): unknown {
  const name = t.fullName.slice(1);
  if (name === TIMESTAMP_TYPE && typeof value === 'number') return millisToTimestamp(value);
  if (name === DATE_TYPE && typeof value === 'number') return daysToDate(value);
  if (name === TIME_TYPE && typeof value === 'number') return millisToTimeOfDay(value);
  if (name === DECIMAL_TYPE && value instanceof Decimal) return decimalToMessage(value);
  if (value instanceof Struct && type.kind === 'STRUCT') {
    return fieldsToProto(
      t,
      type.fields.map((f: StructField, i) => ({
        name: f.name,
        type: f.type,
        value: value.values[i] ?? null,
      })),
    );
  }
  throw mismatch(field, type);
}

function toNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Decimal) return v.toNumber();
  throw new Error(`not a number: ${String(v)}`);
}

/** proto3 fields without presence are not written when they hold the type's default value. */
function isImplicitDefault(field: protobuf.Field, v: unknown): boolean {
  if (field.resolvedType instanceof protobuf.Type) return false;
  if ((field.options as Obj | undefined)?.['proto3_optional'] === true || field.partOf) return false;
  if (field.parent instanceof protobuf.Type && isProto2(field)) return false;
  if (v === 0 || v === '' || v === false) return true;
  // 64-bit integers are written as decimal text.
  if (v === '0' && field.type !== 'string') return true;
  if (field.resolvedType instanceof protobuf.Enum) return field.resolvedType.values[v as string] === 0;
  return v instanceof Uint8Array && v.length === 0;
}

function isProto2(field: protobuf.Field): boolean {
  // protobufjs marks proto2 optional fields with `optional` and proto3 ones as plain.
  const rule = (field as unknown as { rule?: string }).rule;
  return rule === 'optional' && !(field.options as Obj | undefined)?.['proto3_optional'];
}

function mismatch(field: protobuf.Field, type: SqlType): Error {
  return new Error(`Cannot write ${type.kind} to protobuf field ${field.name} of type ${field.type}`);
}
