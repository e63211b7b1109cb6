import { Decimal } from '../../types/decimal.ts';
import type { SchemaRegistryClient } from '../schema-registry.ts';
import type { AvroSchema } from './avro-schema-gen.ts';
import { parseAvroSchemaText } from './avro-schema-text.ts';
import { AvroNames, attr, baseType, decimalOf, isMapEntryArray, type AvroNode } from './avro-schema-walk.ts';
import { bytesToBigInt } from './avro-to-value.ts';
import { avscType } from './avsc-type.ts';

/**
 * Decodes Confluent wire-format Avro bytes with the writer schema alone, keeping every field
 * the writer wrote: what a consumer of the topic (or QTT's output check, which reads sinks
 * with the registered schema) sees, e.g. the extra defaulted fields of a VALUE_SCHEMA_ID sink
 * (elements.json "validate extra field with default value schema schema id in csas OK").
 *
 * Values: records and maps as plain objects (field order kept; Connect MapEntry arrays become
 * objects), longs as bigint, decimals as Decimal at the writer's scale, bytes/fixed as
 * Uint8Array, enums as strings; logical dates/times stay numbers.
 */
export function decodeAvroRecord(
  bytes: Uint8Array,
  registry: SchemaRegistryClient,
): { schemaId: number; value: unknown } {
  if (bytes.length < 5 || bytes[0] !== 0) throw new Error('Unknown magic byte!');
  const schemaId = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getInt32(1);
  const registered = registry.getCachedById(schemaId);
  if (!registered) throw new Error(`Schema with id ${schemaId} is not known to the schema registry client`);
  const json = parseAvroSchemaText(registered.schema);
  const names = new AvroNames(json);
  const decoded = avscType(json).fromBuffer(
    Buffer.from(bytes.buffer, bytes.byteOffset + 5, bytes.byteLength - 5),
  );
  return { schemaId, value: plain(decoded, json, names) };
}

function plain(value: unknown, schema: AvroSchema, names: AvroNames): unknown {
  if (value === null || value === undefined) return null;
  const node: AvroNode = names.resolve(schema);
  if (Array.isArray(node)) {
    const branches = (node as AvroSchema[]).filter((b) => b !== 'null');
    if (branches.length === 1) return plain(value, branches[0]!, names);
    // ambiguous unions are wrapped by avsc as {branch: value}
    if (typeof value === 'object' && !(value instanceof Uint8Array)) {
      const [k, v] = Object.entries(value as Record<string, unknown>)[0] ?? [];
      const branch = branches.find((b) => {
        const n = names.resolve(b);
        return (
          baseType(n) === k ||
          attr(n, 'name') === k ||
          `${String(attr(n, 'namespace'))}.${String(attr(n, 'name'))}` === k
        );
      });
      if (branch !== undefined) return plain(v, branch, names);
    }
    return value;
  }
  const base = baseType(node);
  if ((base === 'bytes' || base === 'fixed') && value instanceof Uint8Array) {
    const dec = decimalOf(node);
    return dec ? new Decimal(bytesToBigInt(value), dec.scale) : new Uint8Array(value);
  }
  if (base === 'record' || base === 'error') {
    const out: Record<string, unknown> = {};
    for (const f of attr(node, 'fields') as { name: string; type: AvroSchema }[]) {
      out[f.name] = plain((value as Record<string, unknown>)[f.name], f.type, names);
    }
    return out;
  }
  if (base === 'array') {
    if (isMapEntryArray(node, names)) {
      const entry = names.resolve(attr(node, 'items') as AvroSchema);
      const valueField = (attr(entry, 'fields') as { name: string; type: AvroSchema }[]).find(
        (f) => f.name === 'value',
      );
      const out: Record<string, unknown> = {};
      for (const e of value as Record<string, unknown>[]) {
        out[String(e['key'])] = valueField ? plain(e['value'], valueField.type, names) : null;
      }
      return out;
    }
    const items = attr(node, 'items') as AvroSchema;
    return (value as unknown[]).map((v) => plain(v, items, names));
  }
  if (base === 'map') {
    const values = attr(node, 'values') as AvroSchema;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = plain(v, values, names);
    return out;
  }
  return value;
}
