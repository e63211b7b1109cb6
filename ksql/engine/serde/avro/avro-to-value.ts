import { assertNever } from '../../../../common/assert-never.ts';
import { Decimal } from '../../types/decimal.ts';
import { Struct } from '../../types/struct.ts';
import { formatSqlType, type SqlType } from '../../types/sql-type.ts';
import { fitDecimal } from '../decimal-fit.ts';
import type { AvroSchema } from './avro-schema-gen.ts';
import {
  attr,
  baseType,
  decimalOf,
  isMapEntryArray,
  type AvroNames,
  type AvroNode,
} from './avro-schema-walk.ts';

/**
 * Converts a value decoded by avsc with the WRITER schema `node` into the runtime value of the
 * reader column type `type` (ksqlDB reads Avro through Connect's AvroData and then coerces to
 * its own schema): int→BIGINT/DOUBLE widening, float→DOUBLE, enum→STRING, bytes-decimal →
 * DECIMAL fitted to the column, Connect map arrays or Avro maps → MAP, records → STRUCT with
 * case-insensitive field names.
 */
export function avroToValue(
  value: unknown,
  schema: AvroSchema,
  names: AvroNames,
  type: SqlType,
  path = '$',
): unknown {
  if (value === null || value === undefined) return null;
  const node = names.resolve(schema);
  if (Array.isArray(node)) return fromUnion(value, node as readonly AvroSchema[], names, type, path);
  const base = baseType(node);
  switch (type.kind) {
    case 'BOOLEAN':
      if (typeof value === 'boolean') return value;
      break;
    case 'INT':
    case 'DATE':
    case 'TIME':
      if (typeof value === 'number' && (base === 'int' || base === 'long')) return value;
      break;
    case 'BIGINT':
      if (typeof value === 'bigint') return value;
      if (typeof value === 'number' && base === 'int') return BigInt(value);
      break;
    case 'TIMESTAMP':
      if (typeof value === 'bigint') return Number(value);
      if (typeof value === 'number' && base === 'int') return value;
      break;
    case 'DOUBLE':
      if (typeof value === 'number') return value;
      if (typeof value === 'bigint') return Number(value);
      break;
    case 'STRING':
      if (typeof value === 'string') return value;
      break;
    case 'DECIMAL': {
      const dec = decimalOf(node);
      if (dec && value instanceof Uint8Array) {
        return fitDecimal(new Decimal(bytesToBigInt(value), dec.scale), type.precision, type.scale);
      }
      break;
    }
    case 'BYTES':
      if (value instanceof Uint8Array) return new Uint8Array(value);
      break;
    case 'ARRAY':
      if (Array.isArray(value) && base === 'array') {
        const items = attr(node, 'items') as AvroSchema;
        return value.map((v, i) => avroToValue(v, items, names, type.element, `${path}[${i}]`));
      }
      break;
    case 'MAP':
      return toMap(value, node, names, type.value, path);
    case 'STRUCT':
      if (base === 'record' && typeof value === 'object')
        return toStruct(value as Record<string, unknown>, node, names, type.fields, path);
      break;
    default:
      return assertNever(type, 'SQL type');
  }
  throw new Error(`Cannot convert Avro ${base} to ${formatSqlType(type)}, path: ${path}`);
}

function fromUnion(
  value: unknown,
  branches: readonly AvroSchema[],
  names: AvroNames,
  type: SqlType,
  path: string,
): unknown {
  const nonNull = branches.filter((b) => b !== 'null');
  if (nonNull.length === 1) return avroToValue(value, nonNull[0]!, names, type, path);
  // avsc wraps ambiguous unions as {branchName: value}.
  if (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    !(value instanceof Uint8Array)
  ) {
    const keys = Object.keys(value);
    if (keys.length === 1) {
      const branch = nonNull.find(
        (b) => branchName(names.resolve(b)) === keys[0] || shortName(names.resolve(b)) === keys[0],
      );
      if (branch !== undefined)
        return avroToValue((value as Record<string, unknown>)[keys[0]!], branch, names, type, path);
    }
  }
  for (const b of nonNull) {
    try {
      return avroToValue(value, b, names, type, path);
    } catch {
      // try the next branch
    }
  }
  throw new Error(`No Avro union branch converts to ${formatSqlType(type)}, path: ${path}`);
}

function branchName(node: AvroNode): string {
  const base = baseType(node);
  if (base === 'record' || base === 'enum' || base === 'fixed') {
    const name = attr(node, 'name') as string;
    const ns = attr(node, 'namespace') as string | undefined;
    return ns && !name.includes('.') ? `${ns}.${name}` : name;
  }
  return base;
}

function shortName(node: AvroNode): string {
  const n = branchName(node);
  return n.slice(n.lastIndexOf('.') + 1);
}

function toMap(
  value: unknown,
  node: AvroNode,
  names: AvroNames,
  valueType: SqlType,
  path: string,
): Map<unknown, unknown> {
  const out = new Map<unknown, unknown>();
  if (isMapEntryArray(node, names) && Array.isArray(value)) {
    const entry = names.resolve(attr(node, 'items') as AvroSchema);
    const fields = attr(entry, 'fields') as { name: string; type: AvroSchema }[];
    const keyField = fields.find((f) => f.name === 'key');
    const valueField = fields.find((f) => f.name === 'value');
    for (const e of value as Record<string, unknown>[]) {
      const k = keyField
        ? avroToValue(e['key'], keyField.type, names, { kind: 'STRING' }, `${path}.key`)
        : null;
      out.set(
        k,
        valueField
          ? avroToValue(e['value'], valueField.type, names, valueType, `${path}.${String(k)}`)
          : null,
      );
    }
    return out;
  }
  if (baseType(node) === 'map' && typeof value === 'object') {
    const values = attr(node, 'values') as AvroSchema;
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      out.set(k, avroToValue(v, values, names, valueType, `${path}.${k}`));
    }
    return out;
  }
  throw new Error(`Cannot convert Avro ${baseType(node)} to MAP, path: ${path}`);
}

/** Record → Struct of `fields`: exact field name first, then case-insensitive. */
export function toStruct(
  value: Record<string, unknown>,
  node: AvroNode,
  names: AvroNames,
  fields: readonly { readonly name: string; readonly type: SqlType }[],
  path: string,
): Struct {
  const avroFields = attr(node, 'fields') as { name: string; type: AvroSchema }[];
  const exact = new Map(avroFields.map((f) => [f.name, f]));
  const upper = new Map<string, { name: string; type: AvroSchema }>();
  for (const f of avroFields) if (!upper.has(f.name.toUpperCase())) upper.set(f.name.toUpperCase(), f);
  const values = fields.map((f) => {
    const af = exact.get(f.name) ?? upper.get(f.name.toUpperCase());
    return af ? avroToValue(value[af.name], af.type, names, f.type, `${path}.${f.name}`) : null;
  });
  return new Struct(
    fields.map((f) => f.name),
    values,
  );
}

/** Big-endian two's complement bytes → bigint (Avro decimal encoding). */
export function bytesToBigInt(bytes: Uint8Array): bigint {
  if (bytes.length === 0) return 0n;
  let v = 0n;
  for (const b of bytes) v = (v << 8n) | BigInt(b);
  return bytes[0]! & 0x80 ? v - (1n << BigInt(bytes.length * 8)) : v;
}
