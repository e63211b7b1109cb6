import protobuf from 'protobufjs';
import {
  messageAt,
  messageIndexes,
  messageNamed,
  parseProtobufSchema,
} from '../serde/protobuf/proto-schema-parse.ts';
import { TO_OBJECT } from '../serde/protobuf/proto-to-value.ts';
import { fieldMetaParams } from '../serde/protobuf/protobuf-infer.ts';
import { mapEntryType } from '../serde/protobuf/value-to-proto.ts';
import {
  DATE_TYPE,
  DECIMAL_TYPE,
  TIME_TYPE,
  TIMESTAMP_TYPE,
  dateToDays,
  daysToDate,
  decimalToMessage,
  messageToDecimal,
  millisToTimeOfDay,
  millisToTimestamp,
  timeOfDayToMillis,
  timestampToMillis,
} from '../serde/protobuf/well-known-values.ts';
import { frameProtobuf, unframeProtobuf } from '../serde/protobuf/wire-format.ts';
import type { RegisteredSchema, SchemaRegistryClient } from '../serde/schema-registry.ts';
import { Decimal } from '../types/decimal.ts';
import type { Actual } from './actual-value.ts';
import { isJsonObject, isLosslessNumber, type JsonValue } from './json.ts';

type Obj = Record<string, unknown>;

/**
 * Decodes Confluent-framed Protobuf with the writer schema and message named by the record's
 * id and message indexes into what QTT's Protobuf spec deserializer hands the comparator
 * (ProtobufConverter → Connect → SpecToConnectConverter.connectToSpec): every field of the
 * message by its schema name, unset scalars as proto3 defaults, unset messages as null,
 * integers as Integer/Long, decimals as BigDecimal, timestamps as epoch millis, bytes as base64,
 * enums as their names, map entries as maps. The value conversion is the harness's own, so an
 * engine serde bug that is symmetric still shows.
 */
export function decodeProtobuf(bytes: Uint8Array, registry: SchemaRegistryClient): Actual {
  const framed = unframeProtobuf(bytes);
  const registered = registry.getCachedById(framed.schemaId);
  if (!registered) throw new Error(`schema id ${framed.schemaId} is not in the registry`);
  const type = messageAt(parse(registered, registry), framed.indexes);
  return toSpec(type, type.toObject(type.decode(framed.body), TO_OBJECT));
}

/**
 * Encodes a QTT record field (its JSON form) as Confluent-framed Protobuf with the subject's
 * latest registered schema, as QTT's ConnectSerdeSupplier serializer does: the message named
 * `fullName` (the source's KEY/VALUE_SCHEMA_FULL_NAME) or the first, fields matched
 * case-insensitively, nulls and empty arrays left unset. Undefined when the subject has no
 * Protobuf schema.
 */
export async function encodeProtobuf(
  spec: JsonValue,
  subject: string,
  registry: SchemaRegistryClient,
  fullName: string | undefined,
): Promise<Uint8Array | undefined> {
  const latest = await registry.getLatest(subject);
  if (!latest || latest.schema.schemaType !== 'PROTOBUF') return undefined;
  const parsed = parse(latest.schema, registry);
  const type = messageNamed(parsed, fullName);
  const message = type.fromObject(fromSpec(type, spec));
  return frameProtobuf(latest.id, messageIndexes(parsed, type), type.encode(message).finish());
}

function parse(
  schema: RegisteredSchema,
  registry: SchemaRegistryClient,
): ReturnType<typeof parseProtobufSchema> {
  const refs = new Map<string, string>();
  const latestSync = (registry as { getLatestSync?: (s: string) => { schema: RegisteredSchema } | undefined })
    .getLatestSync;
  const pending = [...(schema.references ?? [])];
  while (pending.length > 0) {
    const r = pending.shift()!;
    const found = latestSync?.call(registry, r.subject)?.schema;
    if (!found) throw new Error(`schema reference ${r.name} is not in the registry`);
    refs.set(r.name, found.schema);
    pending.push(...(found.references ?? []));
  }
  return parseProtobufSchema(schema.schema, refs);
}

function toSpec(type: protobuf.Type, obj: Obj): Actual {
  const out = new Map<string, Actual>();
  for (const f of type.fieldsArray) {
    const v = obj[f.name];
    out.set(f.name, v === undefined || v === null ? null : fieldSpec(f, v));
  }
  return out;
}

function fieldSpec(f: protobuf.Field, v: unknown): Actual {
  if (f instanceof protobuf.MapField) {
    return new Map(Object.entries(v as Obj).map(([k, e]) => [k, singleSpec(f, e)]));
  }
  if (f.repeated) {
    const entry = mapEntryType(f);
    if (entry) {
      return new Map(
        (v as Obj[]).map((e) => [
          String(singleSpec(entry.fields['key']!, e['key'])),
          e['value'] === null || e['value'] === undefined
            ? null
            : singleSpec(entry.fields['value']!, e['value']),
        ]),
      );
    }
    return (v as unknown[]).map((e) => singleSpec(f, e));
  }
  return singleSpec(f, v);
}

function singleSpec(f: protobuf.Field, v: unknown): Actual {
  const t = f.resolvedType;
  if (t instanceof protobuf.Enum) return String(v);
  if (t instanceof protobuf.Type) {
    const o = v as Obj;
    switch (t.fullName.slice(1)) {
      case TIMESTAMP_TYPE:
        return BigInt(timestampToMillis(o));
      case DATE_TYPE:
        return BigInt(dateToDays(o));
      case TIME_TYPE:
        return BigInt(timeOfDayToMillis(o));
      case DECIMAL_TYPE:
        return messageToDecimal(o);
      default:
        return toSpec(t, o);
    }
  }
  switch (f.type) {
    case 'double':
    case 'float':
      return Number(v);
    case 'bool':
      return Boolean(v);
    case 'string':
      return String(v);
    case 'bytes':
      return Buffer.from(v as Uint8Array).toString('base64');
    default:
      // Connect reads every 64-bit type as a signed long, uint32/fixed32 as unsigned.
      return BigInt.asIntN(64, BigInt(v as string | number));
  }
}

function fromSpec(type: protobuf.Type, spec: JsonValue | undefined): Obj {
  const out: Obj = {};
  if (!isJsonObject(spec)) return out;
  for (const f of type.fieldsArray) {
    const key = Object.keys(spec).find((k) => k.toUpperCase() === f.name.toUpperCase());
    const v = key === undefined ? null : spec[key];
    if (v === null || v === undefined) continue;
    const converted = fieldFromSpec(f, v);
    if (converted !== undefined) out[f.name] = converted;
  }
  return out;
}

function fieldFromSpec(f: protobuf.Field, v: JsonValue): unknown {
  if (f instanceof protobuf.MapField) {
    return Object.fromEntries(
      Object.entries(isJsonObject(v) ? v : {}).map(([k, e]) => [k, singleFromSpec(f, e)]),
    );
  }
  if (f.repeated) {
    const entry = mapEntryType(f);
    if (entry) {
      const entries = Object.entries(isJsonObject(v) ? v : {});
      return entries.length === 0
        ? undefined
        : entries.map(([k, e]) => ({
            key: singleFromSpec(entry.fields['key']!, k),
            ...(e === null ? {} : { value: singleFromSpec(entry.fields['value']!, e) }),
          }));
    }
    const items = Array.isArray(v) ? v : [];
    return items.length === 0 ? undefined : items.map((e) => singleFromSpec(f, e));
  }
  return singleFromSpec(f, v);
}

function singleFromSpec(f: protobuf.Field, v: JsonValue): unknown {
  const t = f.resolvedType;
  const text = isLosslessNumber(v) ? v.value : typeof v === 'string' ? v : String(v);
  if (t instanceof protobuf.Enum) return text;
  if (t instanceof protobuf.Type) {
    switch (t.fullName.slice(1)) {
      case TIMESTAMP_TYPE:
        return millisToTimestamp(Number(text));
      case DATE_TYPE:
        return daysToDate(Number(text));
      case TIME_TYPE:
        return millisToTimeOfDay(Number(text));
      case DECIMAL_TYPE: {
        // Connect's Decimal schema carries the field's scale; the value is rescaled to it.
        const scale = Number(fieldMetaParams(f)['scale'] ?? 0);
        const d = Decimal.parse(text);
        const rescaled =
          d.scale <= scale ? new Decimal(d.unscaled * 10n ** BigInt(scale - d.scale), scale) : d;
        return decimalToMessage(rescaled);
      }
      default:
        return fromSpec(t, v);
    }
  }
  switch (f.type) {
    case 'bool':
      return text === 'true';
    case 'string':
      return text;
    case 'bytes':
      return Buffer.from(text, 'base64');
    case 'double':
    case 'float':
    case 'int32':
    case 'sint32':
    case 'sfixed32':
    case 'uint32':
    case 'fixed32':
      return Number(text);
    default:
      return text;
  }
}
