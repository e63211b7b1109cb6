import { Decimal } from '../types/decimal.ts';
import type { SqlType } from '../types/sql-type.ts';
import { Struct } from '../types/struct.ts';
import type { Actual } from './actual-value.ts';
import { isJsonObject, isLosslessNumber, type JsonValue } from './json.ts';

/** A QTT record's JSON form cannot be converted to the column type. */
export class RecordShapeError extends Error {
  override name = 'RecordShapeError';
}

/**
 * Converts the JSON form of a QTT record field into the engine's runtime value for `type`
 * (types/sql-type.ts), as the Java driver's spec serializers coerce the JSON spec to the
 * source's schema: numbers keep their lexeme, BYTES are base64, object fields match names
 * case-insensitively (JSON and AVRO deserialization is case-insensitive).
 */
export function toTyped(v: JsonValue | undefined, type: SqlType): unknown {
  if (v === null || v === undefined) return null;
  const text = isLosslessNumber(v) ? v.value : typeof v === 'string' ? v : undefined;
  switch (type.kind) {
    case 'BOOLEAN':
      if (typeof v === 'boolean') return v;
      if (text === 'true' || text === 'false') return text === 'true';
      break;
    case 'INT':
    case 'DATE':
    case 'TIME':
    case 'TIMESTAMP':
    case 'DOUBLE':
      if (text !== undefined && text.trim() !== '' && !Number.isNaN(Number(text))) return Number(text);
      break;
    case 'BIGINT':
      if (text !== undefined && /^-?\d+$/.test(text)) return BigInt(text);
      break;
    case 'DECIMAL':
      if (text !== undefined) return rescale(Decimal.parse(text), type.scale);
      break;
    case 'STRING':
      if (text !== undefined) return text;
      if (typeof v === 'boolean') return String(v);
      break;
    case 'BYTES':
      if (typeof v === 'string') return new Uint8Array(Buffer.from(v, 'base64'));
      break;
    case 'ARRAY':
      if (Array.isArray(v)) return v.map((e) => toTyped(e, type.element));
      break;
    case 'MAP':
      if (isJsonObject(v)) {
        return new Map(Object.entries(v).map(([k, e]) => [toTyped(k, type.key), toTyped(e, type.value)]));
      }
      break;
    case 'STRUCT':
      if (isJsonObject(v)) {
        const names = type.fields.map((f) => f.name);
        return new Struct(
          names,
          type.fields.map((f) => toTyped(field(v, f.name), f.type)),
        );
      }
      break;
  }
  throw new RecordShapeError(`cannot convert ${JSON.stringify(v)} to ${type.kind}`);
}

/** Exact name first, then case-insensitive. */
export function field(obj: Readonly<Record<string, JsonValue>>, name: string): JsonValue | undefined {
  if (name in obj) return obj[name];
  const lower = name.toLowerCase();
  const k = Object.keys(obj).find((n) => n.toLowerCase() === lower);
  return k === undefined ? undefined : obj[k];
}

function rescale(d: Decimal, scale: number): Decimal {
  if (d.scale >= scale) return d;
  return new Decimal(d.unscaled * 10n ** BigInt(scale - d.scale), scale);
}

/**
 * The runtime value of a decoded column as the Java driver's deserializer would hand it to
 * the comparator: INT/DATE/TIME → Integer, BIGINT/TIMESTAMP → Long, DOUBLE → Double,
 * DECIMAL → BigDecimal, BYTES → base64 text, STRUCT/MAP → field map.
 */
export function toActual(v: unknown, type: SqlType | undefined): Actual {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint' || typeof v === 'boolean' || typeof v === 'string' || v instanceof Decimal)
    return v;
  if (typeof v === 'number') {
    if (type === undefined) return Number.isInteger(v) ? BigInt(v) : v;
    return type.kind === 'DOUBLE' ? v : Number.isInteger(v) ? BigInt(v) : v;
  }
  if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
  if (Array.isArray(v)) return v.map((e) => toActual(e, type?.kind === 'ARRAY' ? type.element : undefined));
  if (v instanceof Struct) {
    const fields = type?.kind === 'STRUCT' ? type.fields : undefined;
    return new Map(
      v.names.map((n, i) => [n, toActual(v.values[i], fields?.find((f) => f.name === n)?.type)]),
    );
  }
  if (v instanceof Map) {
    const vt = type?.kind === 'MAP' ? type.value : undefined;
    return new Map([...v.entries()].map(([k, e]) => [String(k), toActual(e, vt)]));
  }
  return String(v);
}
