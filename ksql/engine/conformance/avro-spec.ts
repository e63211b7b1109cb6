import avro from 'avsc';
import type { SchemaRegistryClient } from '../serde/schema-registry.ts';
import { Decimal } from '../types/decimal.ts';
import type { Actual } from './actual-value.ts';
import { isJsonObject, isLosslessNumber, type JsonValue } from './json.ts';

/**
 * Decodes Confluent-framed Avro (magic 0, 4-byte schema id, Avro binary) with the writer schema
 * from the registry, independently of the engine's serde, into what QTT's Avro spec
 * deserializer hands the comparator (ConnectSerdeSupplier + SpecToConnectConverter.connectToSpec):
 * int/date/time → Integer, long/timestamp → Long, float/double → Double, decimal → BigDecimal,
 * records and maps → field maps (names as written in the schema), bytes → base64 text.
 */
export function decodeAvro(bytes: Uint8Array, registry: SchemaRegistryClient): Actual {
  if (bytes.length < 5 || bytes[0] !== 0)
    throw new Error('not Confluent-framed Avro (magic byte 0 expected)');
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const id = buf.readInt32BE(1);
  const registered = registry.getCachedById(id);
  if (!registered) throw new Error(`schema id ${id} is not in the registry`);
  const schema = JSON.parse(registered.schema) as AvroNode;
  const type = avro.Type.forSchema(plain(schema) as avro.Schema, {
    registry: { long: LONG },
    wrapUnions: 'auto',
  });
  const value: unknown = type.fromBuffer(buf.subarray(5));
  return toSpec(value, schema, new Map());
}

type AvroNode = string | AvroNode[] | { readonly [k: string]: unknown };

const LONG = avro.types.LongType.__with({
  fromBuffer: (b: Buffer) => b.readBigInt64LE(),
  toBuffer: (n: bigint) => {
    const b = Buffer.alloc(8);
    b.writeBigInt64LE(n);
    return b;
  },
  fromJSON: (v: unknown) => BigInt(v as number),
  toJSON: (n: bigint) => Number(n),
  isValid: (n: unknown) => typeof n === 'bigint',
  compare: (a: bigint, b: bigint) => (a === b ? 0 : a < b ? -1 : 1),
});

const PRIMITIVES = new Set(['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string']);

/** The schema without logical-type annotations on primitives, so longs decode as bigint. */
function plain(s: AvroNode): unknown {
  if (typeof s === 'string') return s;
  if (Array.isArray(s)) return s.map(plain);
  const t = s.type as AvroNode;
  if (typeof t === 'string' && PRIMITIVES.has(t)) return t;
  if (typeof t !== 'string') return plain(t);
  if (t === 'record' || t === 'error') {
    return { ...s, fields: (s.fields as { type: AvroNode }[]).map((f) => ({ ...f, type: plain(f.type) })) };
  }
  if (t === 'array') return { ...s, items: plain(s.items as AvroNode) };
  if (t === 'map') return { ...s, values: plain(s.values as AvroNode) };
  return s;
}

function toSpec(v: unknown, s: AvroNode, names: Map<string, AvroNode>): Actual {
  if (v === null || v === undefined) return null;
  if (Array.isArray(s)) {
    const nonNull = s.filter((b) => b !== 'null');
    if (nonNull.length === 1) return toSpec(v, nonNull[0]!, names);
    // avsc wraps unions of several non-null branches: {"<branch name>": value}
    const [key, inner] = Object.entries(v as Record<string, unknown>)[0] ?? [];
    const found = nonNull.find(
      (b) => branchName(b) === key || (key !== undefined && branchName(b).endsWith(`.${key}`)),
    );
    if (!found) throw new Error(`cannot resolve Avro union branch ${String(key)}`);
    return toSpec(inner, found, names);
  }
  if (typeof s === 'string') {
    if (!PRIMITIVES.has(s)) {
      const named = names.get(s) ?? [...names.entries()].find(([n]) => n.endsWith(`.${s}`))?.[1];
      if (!named) throw new Error(`unknown Avro type name ${s}`);
      return toSpec(v, named, names);
    }
    return primitive(v, s, undefined);
  }
  const t = s.type as AvroNode;
  if (typeof t !== 'string') return toSpec(v, t, names);
  if (typeof s.name === 'string') names.set(s.namespace ? `${String(s.namespace)}.${s.name}` : s.name, s);
  switch (t) {
    case 'record':
    case 'error': {
      const rec = v as Record<string, unknown>;
      const fields = s.fields as { name: string; type: AvroNode }[];
      return new Map(fields.map((f) => [f.name, toSpec(rec[f.name], f.type, names)]));
    }
    case 'array': {
      const items = resolve(s.items as AvroNode, names);
      // Connect's AvroData writes a MAP whose keys are optional as an array of key/value records
      // marked MapEntry, and reads it back as a map (historical-specs "avro - should support maps").
      if (
        typeof items === 'object' &&
        !Array.isArray(items) &&
        items['connect.internal.type'] === 'MapEntry'
      ) {
        const fields = items.fields as { name: string; type: AvroNode }[];
        const keyType = fields.find((f) => f.name === 'key')?.type ?? 'string';
        const valueType = fields.find((f) => f.name === 'value')?.type ?? 'null';
        if (typeof items.name === 'string') names.set(items.name, items);
        return new Map(
          (v as Record<string, unknown>[]).map((e) => [
            String(formatKey(toSpec(e.key, keyType, names))),
            toSpec(e.value, valueType, names),
          ]),
        );
      }
      return (v as unknown[]).map((e) => toSpec(e, s.items as AvroNode, names));
    }
    case 'map':
      return new Map(
        Object.entries(v as Record<string, unknown>).map(([k, e]) => [
          k,
          toSpec(e, s.values as AvroNode, names),
        ]),
      );
    case 'enum':
      return String(v);
    case 'fixed':
      return primitive(v, 'bytes', s);
    default:
      return primitive(v, t, s);
  }
}

function primitive(v: unknown, type: string, node: { readonly [k: string]: unknown } | undefined): Actual {
  switch (type) {
    case 'boolean':
      return Boolean(v);
    case 'int':
      return BigInt(v as number);
    case 'long':
      return typeof v === 'bigint' ? v : BigInt(v as number);
    case 'float':
    case 'double':
      return v as number;
    case 'string':
      return String(v);
    case 'bytes': {
      const b = v as Buffer;
      if (node?.logicalType === 'decimal') {
        const unscaled = b.length === 0 ? 0n : BigInt.asIntN(b.length * 8, BigInt(`0x${b.toString('hex')}`));
        return new Decimal(unscaled, Number(node.scale ?? 0));
      }
      return b.toString('base64');
    }
    default:
      throw new Error(`unexpected Avro type ${type}`);
  }
}

function branchName(b: AvroNode): string {
  if (typeof b === 'string') return b;
  if (Array.isArray(b)) return 'union';
  const t = b.type;
  if (typeof b.name === 'string') return b.namespace ? `${String(b.namespace)}.${b.name}` : b.name;
  return typeof t === 'string' ? t : 'unknown';
}

function resolve(s: AvroNode, names: Map<string, AvroNode>): AvroNode {
  if (typeof s === 'string' && !PRIMITIVES.has(s)) return names.get(s) ?? s;
  if (typeof s === 'object' && !Array.isArray(s) && typeof s.type === 'object') return s.type as AvroNode;
  return s;
}

/** Map keys as Java's `k.toString()`. */
function formatKey(k: Actual): string {
  if (k === null) return 'null';
  if (k instanceof Decimal) return k.toString();
  return typeof k === 'object' ? JSON.stringify(k) : String(k);
}

/**
 * Encodes a QTT record field (its JSON form) as Confluent-framed Avro with the subject's latest
 * registered schema, as QTT's ConnectSerdeSupplier serializer does (SpecToConnectConverter.specToConnect:
 * record fields matched case-insensitively, numbers from their lexeme, decimals rescaled to the
 * schema's scale, BYTES from base64). Returns undefined when the subject has no schema.
 */
export async function encodeAvro(
  spec: JsonValue,
  subject: string,
  registry: SchemaRegistryClient,
): Promise<Uint8Array | undefined> {
  const latest = await registry.getLatest(subject);
  if (!latest || latest.schema.schemaType !== 'AVRO') return undefined;
  const schema = JSON.parse(latest.schema.schema) as AvroNode;
  const type = avro.Type.forSchema(plain(schema) as avro.Schema, {
    registry: { long: LONG },
    wrapUnions: 'auto',
  });
  const payload = type.toBuffer(fromSpec(spec, schema, new Map()));
  const header = Buffer.alloc(5);
  header.writeInt32BE(latest.id, 1);
  return new Uint8Array(Buffer.concat([header, payload]));
}

function fromSpec(v: JsonValue | undefined, s: AvroNode, names: Map<string, AvroNode>): unknown {
  if (v === null || v === undefined) return null;
  if (Array.isArray(s)) {
    const nonNull = s.filter((b) => b !== 'null');
    if (nonNull.length !== 1)
      throw new Error('unions of several non-null branches are not supported by the harness');
    return fromSpec(v, nonNull[0]!, names);
  }
  if (typeof s === 'string') {
    if (!PRIMITIVES.has(s)) {
      const named = names.get(s) ?? [...names.entries()].find(([n]) => n.endsWith(`.${s}`))?.[1];
      if (!named) throw new Error(`unknown Avro type name ${s}`);
      return fromSpec(v, named, names);
    }
    return specPrimitive(v, s, undefined);
  }
  const t = s.type as AvroNode;
  if (typeof t !== 'string') return fromSpec(v, t, names);
  if (typeof s.name === 'string') names.set(s.namespace ? `${String(s.namespace)}.${s.name}` : s.name, s);
  switch (t) {
    case 'record':
    case 'error': {
      const obj = isJsonObject(v) ? v : {};
      const fields = s.fields as { name: string; type: AvroNode; default?: unknown }[];
      const out: Record<string, unknown> = {};
      for (const f of fields) {
        const key = Object.keys(obj).find((k) => k.toUpperCase() === f.name.toUpperCase());
        out[f.name] = key === undefined ? (f.default ?? null) : fromSpec(obj[key], f.type, names);
      }
      return out;
    }
    case 'array': {
      const items = resolve(s.items as AvroNode, names);
      if (
        typeof items === 'object' &&
        !Array.isArray(items) &&
        items['connect.internal.type'] === 'MapEntry'
      ) {
        const fields = items.fields as { name: string; type: AvroNode }[];
        const keyType = fields.find((f) => f.name === 'key')?.type ?? 'string';
        const valueType = fields.find((f) => f.name === 'value')?.type ?? 'null';
        if (typeof items.name === 'string') names.set(items.name, items);
        return Object.entries(isJsonObject(v) ? v : {}).map(([k, e]) => ({
          key: fromSpec(k, keyType, names),
          value: fromSpec(e, valueType, names),
        }));
      }
      return (Array.isArray(v) ? v : []).map((e) => fromSpec(e, s.items as AvroNode, names));
    }
    case 'map':
      return Object.fromEntries(
        Object.entries(isJsonObject(v) ? v : {}).map(([k, e]) => [
          k,
          fromSpec(e, s.values as AvroNode, names),
        ]),
      );
    case 'enum':
      return String(isLosslessNumber(v) ? v.value : v);
    case 'fixed':
      return specPrimitive(v, 'bytes', s);
    default:
      return specPrimitive(v, t, s);
  }
}

function specPrimitive(
  v: JsonValue,
  type: string,
  node: { readonly [k: string]: unknown } | undefined,
): unknown {
  const text = isLosslessNumber(v)
    ? v.value
    : typeof v === 'string'
      ? v
      : typeof v === 'boolean'
        ? String(v)
        : undefined;
  if (text === undefined) throw new Error(`cannot write ${JSON.stringify(v)} as Avro ${type}`);
  switch (type) {
    case 'boolean':
      return text === 'true';
    case 'int':
    case 'float':
    case 'double':
      return Number(text);
    case 'long':
      return BigInt(text);
    case 'string':
      return text;
    case 'bytes': {
      if (node?.logicalType === 'decimal') {
        const scale = Number(node.scale ?? 0);
        const d = Decimal.parse(text);
        if (d.scale > scale) throw new Error(`decimal ${text} does not fit scale ${scale}`);
        return twosComplement(d.unscaled * 10n ** BigInt(scale - d.scale));
      }
      return Buffer.from(text, 'base64');
    }
    default:
      throw new Error(`unexpected Avro type ${type}`);
  }
}

/** Big-endian two's complement in the fewest bytes (BigInteger.toByteArray). */
function twosComplement(n: bigint): Buffer {
  let bytes = 1;
  while (n < -(1n << BigInt(bytes * 8 - 1)) || n >= 1n << BigInt(bytes * 8 - 1)) bytes++;
  const u = BigInt.asUintN(bytes * 8, n);
  return Buffer.from(u.toString(16).padStart(bytes * 2, '0'), 'hex');
}
