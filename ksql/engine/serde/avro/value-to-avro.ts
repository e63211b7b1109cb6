import { assertNever } from '../../../../common/assert-never.ts';
import type { Decimal } from '../../types/decimal.ts';
import type { Struct } from '../../types/struct.ts';
import type { SqlType } from '../../types/sql-type.ts';
import type { AvroSchema } from './avro-schema-gen.ts';
import { attr, baseType, decimalOf, isMapEntryArray, type AvroNames } from './avro-schema-walk.ts';

/**
 * Converts a runtime value of `type` into the JS value avsc writes for the WRITER schema
 * `schema` (ksqlDB's generated schema or one fixed by KEY_/VALUE_SCHEMA_ID): bigint longs,
 * Buffers for bytes, decimals as two's complement at the schema's scale, maps as Connect
 * MapEntry arrays or Avro maps, structs as records with the schema's field names.
 */
export function valueToAvro(value: unknown, schema: AvroSchema, names: AvroNames, type: SqlType): unknown {
  if (value === null || value === undefined) return null;
  const node = names.resolve(schema);
  if (Array.isArray(node)) {
    const nonNull = (node as AvroSchema[]).filter((b) => b !== 'null');
    const branch = nonNull[0];
    if (branch === undefined) return null;
    return valueToAvro(value, branch, names, type);
  }
  const base = baseType(node);
  switch (type.kind) {
    case 'BOOLEAN':
    case 'STRING':
      return value;
    case 'INT':
    case 'DATE':
    case 'TIME':
      return base === 'long' ? BigInt(value as number) : value;
    case 'BIGINT':
      return base === 'long' ? value : Number(value as bigint);
    case 'TIMESTAMP':
      return base === 'long' ? BigInt(value as number) : value;
    case 'DOUBLE':
      return value;
    case 'DECIMAL': {
      const d = value as Decimal;
      const scale = decimalOf(node)?.scale ?? d.scale;
      return bigIntToBytes(rescaleUnscaled(d, scale));
    }
    case 'BYTES':
      return Buffer.from(value as Uint8Array);
    case 'ARRAY': {
      const items = attr(node, 'items') as AvroSchema;
      return (value as unknown[]).map((v) => valueToAvro(v, items, names, type.element));
    }
    case 'MAP': {
      const m = value as Map<unknown, unknown>;
      if (isMapEntryArray(node, names)) {
        const entry = names.resolve(attr(node, 'items') as AvroSchema);
        const fields = attr(entry, 'fields') as { name: string; type: AvroSchema }[];
        const vSchema = fields.find((f) => f.name === 'value')?.type ?? 'null';
        return [...m].map(([k, v]) => ({
          key: k === null ? null : String(k),
          value: valueToAvro(v, vSchema, names, type.value),
        }));
      }
      const values = attr(node, 'values') as AvroSchema;
      const out: Record<string, unknown> = {};
      for (const [k, v] of m) out[String(k)] = valueToAvro(v, values, names, type.value);
      return out;
    }
    case 'STRUCT':
      return recordValue(node, names, type.fields, (value as Struct).values);
    default:
      return assertNever(type, 'SQL type');
  }
}

function isNullable(schema: AvroSchema, names: AvroNames): boolean {
  const node = names.resolve(schema);
  return Array.isArray(node) ? (node as AvroSchema[]).includes('null') : node === 'null';
}

/** A field default (JSON) as avsc expects it: bigint for longs. */
function defaultValue(value: unknown, schema: AvroSchema, names: AvroNames): unknown {
  const node = names.resolve(schema);
  if (value === null || value === undefined) return null;
  return baseType(node) === 'long' && typeof value === 'number' ? BigInt(value) : value;
}

interface FieldPlan {
  readonly name: string;
  readonly schema: AvroSchema;
  /** Index of the source column/field, or -1 when the writer field has no counterpart. */
  readonly source: number;
  readonly useDefault: boolean;
  readonly defaultValue: unknown;
}

const PLANS = new WeakMap<object, WeakMap<readonly { name: string }[], FieldPlan[]>>();

/**
 * Matches the writer record's fields to the given columns/struct fields once per
 * (record node, field list): exact Avro-compatible name first (`.` → `_`), then
 * case-insensitively. Non-nullable writer fields with a default get that default when the
 * value is null, as Connect's AvroData does for schemas given by VALUE_SCHEMA_ID (avro.json
 * "VALUE_SCHEMA_ID with compound types and default value").
 */
function planFor(node: object, names: AvroNames, fields: readonly { name: string }[]): FieldPlan[] {
  let byFields = PLANS.get(node);
  if (!byFields) {
    byFields = new WeakMap();
    PLANS.set(node, byFields);
  }
  let plan = byFields.get(fields);
  if (!plan) {
    const writerFields = attr(node as AvroSchema, 'fields') as {
      name: string;
      type: AvroSchema;
      default?: unknown;
    }[];
    plan = writerFields.map((f) => {
      let source = fields.findIndex((x) => x.name.replace(/\./g, '_') === f.name);
      if (source < 0) source = fields.findIndex((x) => x.name.toUpperCase() === f.name.toUpperCase());
      const useDefault = 'default' in f && !isNullable(f.type, names);
      return {
        name: f.name,
        schema: f.type,
        source,
        useDefault,
        defaultValue: useDefault ? defaultValue(f.default, f.type, names) : null,
      };
    });
    byFields.set(fields, plan);
  }
  return plan;
}

/** Builds the avsc record object for the writer record `node` from column/field values. */
export function recordValue(
  node: unknown,
  names: AvroNames,
  fields: readonly { readonly name: string; readonly type: SqlType }[],
  values: readonly unknown[],
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of planFor(node as object, names, fields)) {
    const f = p.source < 0 ? undefined : fields[p.source];
    const converted = f ? valueToAvro(values[p.source] ?? null, p.schema, names, f.type) : null;
    out[p.name] = converted === null && p.useDefault ? p.defaultValue : converted;
  }
  return out;
}

function rescaleUnscaled(d: Decimal, scale: number): bigint {
  if (d.scale === scale) return d.unscaled;
  if (d.scale < scale) return d.unscaled * 10n ** BigInt(scale - d.scale);
  return d.unscaled / 10n ** BigInt(d.scale - scale);
}

/** bigint → minimal big-endian two's complement bytes (BigInteger.toByteArray). */
export function bigIntToBytes(v: bigint): Buffer {
  let n = 1;
  while (v < -(1n << BigInt(8 * n - 1)) || v >= 1n << BigInt(8 * n - 1)) n++;
  const u = v < 0n ? (1n << BigInt(8 * n)) + v : v;
  return Buffer.from(u.toString(16).padStart(2 * n, '0'), 'hex');
}
