import { isLosslessNumber, type LosslessNumber } from 'lossless-json';
import { Decimal } from '../../types/decimal.ts';
import { Struct } from '../../types/struct.ts';
import { formatSqlType, type SqlType } from '../../types/sql-type.ts';
import { assertNever } from '../../../../common/assert-never.ts';
import { fitDecimal } from '../decimal-fit.ts';

/** A coercion failure with the JSON path, worded like ksqlDB's KsqlJsonDeserializer. */
export class JsonCoercionError extends Error {
  constructor(
    readonly rawMessage: string,
    readonly path: string,
  ) {
    super(`${rawMessage}, path: ${path}`);
  }
}

/**
 * Converts a parsed JSON node (lossless-json tree: numbers are LosslessNumber) into the runtime
 * value of `type`, with the coercions ksqlDB's JSON deserializer allows (JsonSerdeUtils):
 * numbers and numeric strings to INT/BIGINT/DOUBLE, anything to STRING (objects as JSON text,
 * arrays as `[a, b]`), numbers or strings to DECIMAL (fitted to the scale), base64 text to BYTES.
 * STRUCT fields match exactly first, then by upper-cased name. Also used by the conformance
 * harness to turn QTT's logical record values into runtime values.
 */
export function jsonToValue(node: unknown, type: SqlType, path = '$'): unknown {
  if (node === null || node === undefined) return null;
  try {
    return coerce(node, type, path);
  } catch (e) {
    if (e instanceof JsonCoercionError) throw e;
    throw new JsonCoercionError(e instanceof Error ? e.message : String(e), path);
  }
}

function coerce(node: unknown, type: SqlType, path: string): unknown {
  switch (type.kind) {
    case 'BOOLEAN':
      if (typeof node === 'boolean') return node;
      throw invalid(node, 'BOOLEAN');
    case 'INT':
    case 'DATE':
    case 'TIME':
      if (isLosslessNumber(node)) return toInt(node.value);
      if (typeof node === 'string') return parseJavaInt(node, 'INTEGER');
      throw invalid(node, type.kind === 'INT' ? 'INTEGER' : type.kind);
    case 'BIGINT':
      if (isLosslessNumber(node)) return toLong(node.value);
      if (typeof node === 'string') return parseJavaLong(node);
      throw invalid(node, 'BIGINT');
    case 'TIMESTAMP':
      if (isLosslessNumber(node)) return Number(toLong(node.value));
      if (typeof node === 'string') return Number(parseJavaLong(node));
      throw invalid(node, 'TIMESTAMP');
    case 'DOUBLE':
      if (isLosslessNumber(node)) return Number(node.value);
      if (typeof node === 'string') return parseJavaDouble(node);
      throw invalid(node, 'DOUBLE');
    case 'STRING':
      return asText(node);
    case 'DECIMAL':
      if (isLosslessNumber(node) || typeof node === 'string') {
        const text = isLosslessNumber(node) ? node.value : node;
        return fitDecimal(Decimal.parse(text), type.precision, type.scale);
      }
      throw invalid(node, formatSqlType(type));
    case 'BYTES':
      if (typeof node === 'string') return new Uint8Array(Buffer.from(node, 'base64'));
      throw invalid(node, 'BYTES');
    case 'ARRAY': {
      if (!Array.isArray(node)) throw invalid(node, formatSqlType(type));
      return node.map((item, i) => jsonToValue(item, type.element, `${path}[${i}]`));
    }
    case 'MAP': {
      if (!isObject(node)) throw invalid(node, formatSqlType(type));
      const out = new Map<unknown, unknown>();
      for (const [k, v] of Object.entries(node)) {
        out.set(k, jsonToValue(v, type.value, `${path}.${k}.value`));
      }
      return out;
    }
    case 'STRUCT': {
      if (!isObject(node)) throw invalid(node, formatSqlType(type));
      return readStruct(node, type.fields, path);
    }
    default:
      return assertNever(type, 'SQL type');
  }
}

/** Reads an object into a Struct of `fields`: exact name first, then the upper-cased key. */
export function readStruct(
  node: Record<string, unknown>,
  fields: readonly { readonly name: string; readonly type: SqlType }[],
  path: string,
): Struct {
  let upper: Map<string, unknown> | undefined;
  const values = new Array<unknown>(fields.length);
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i]!;
    let raw = node[f.name];
    if (raw === undefined && !Object.prototype.hasOwnProperty.call(node, f.name)) {
      upper ??= upperCaseKeys(node);
      raw = upper.get(f.name);
    }
    values[i] = jsonToValue(raw, f.type, `${path}.${f.name}`);
  }
  return new Struct(fieldNames(fields), values);
}

const NAMES = new WeakMap<readonly { readonly name: string }[], readonly string[]>();

/** The field names of a struct type or column list, computed once per list. */
function fieldNames(fields: readonly { readonly name: string }[]): readonly string[] {
  let names = NAMES.get(fields);
  if (!names) {
    names = fields.map((f) => f.name);
    NAMES.set(fields, names);
  }
  return names;
}

export function upperCaseKeys(node: Record<string, unknown>): Map<string, unknown> {
  const upper = new Map<string, unknown>();
  for (const [k, v] of Object.entries(node)) upper.set(k.toUpperCase(), v);
  return upper;
}

export function isObject(node: unknown): node is Record<string, unknown> {
  return typeof node === 'object' && node !== null && !Array.isArray(node) && !isLosslessNumber(node);
}

function asText(node: unknown): string {
  if (typeof node === 'string') return node;
  if (typeof node === 'boolean') return String(node);
  if (isLosslessNumber(node)) return (node as LosslessNumber).value;
  if (Array.isArray(node)) {
    return `[${node.map((n) => (n === null ? 'null' : asText(n))).join(', ')}]`;
  }
  return compactJson(node);
}

function compactJson(node: unknown): string {
  if (node === null) return 'null';
  if (typeof node === 'string') return JSON.stringify(node);
  if (typeof node === 'boolean') return String(node);
  if (isLosslessNumber(node)) return node.value;
  if (Array.isArray(node)) return `[${node.map(compactJson).join(',')}]`;
  const entries = Object.entries(node as Record<string, unknown>);
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${compactJson(v)}`).join(',')}}`;
}

const INTEGER_LEXEME = /^-?\d+$/;

function toInt(lexeme: string): number {
  if (INTEGER_LEXEME.test(lexeme)) return Number(BigInt.asIntN(32, BigInt(lexeme)));
  return Math.trunc(Number(lexeme)) | 0;
}

function toLong(lexeme: string): bigint {
  if (INTEGER_LEXEME.test(lexeme)) return BigInt.asIntN(64, BigInt(lexeme));
  const n = Number(lexeme);
  return Number.isFinite(n) ? BigInt(Math.trunc(n)) : 0n;
}

const JAVA_INT = /^[+-]?\d+$/;

function parseJavaInt(text: string, typeName: string): number {
  if (JAVA_INT.test(text)) {
    const v = BigInt(text);
    if (v >= -2147483648n && v <= 2147483647n) return Number(v);
  }
  throw new Error(`Can't coerce string to type. targetType: ${typeName}`);
}

function parseJavaLong(text: string): bigint {
  if (JAVA_INT.test(text)) {
    const v = BigInt(text);
    if (v === BigInt.asIntN(64, v)) return v;
  }
  throw new Error(`Can't coerce string to type. targetType: BIGINT`);
}

/** Double.parseDouble: trims, accepts NaN/Infinity and a trailing d/f suffix. */
export function parseJavaDouble(text: string): number {
  const t = text.trim().replace(/[dDfF]$/, '');
  if (/^[+-]?(NaN|Infinity)$/.test(t))
    return t.endsWith('NaN') ? NaN : t.startsWith('-') ? -Infinity : Infinity;
  if (/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t)) return Number(t);
  throw new Error(`Can't coerce string to type. targetType: DOUBLE`);
}

function invalid(node: unknown, requiredType: string): Error {
  return new Error(`Can't convert type. sourceType: ${nodeType(node)}, requiredType: ${requiredType}`);
}

/** Jackson's node class names, which ksqlDB's messages show. */
function nodeType(node: unknown): string {
  if (typeof node === 'string') return 'TextNode';
  if (typeof node === 'boolean') return 'BooleanNode';
  if (Array.isArray(node)) return 'ArrayNode';
  if (isLosslessNumber(node)) {
    if (!INTEGER_LEXEME.test(node.value)) return 'DecimalNode';
    const v = BigInt(node.value);
    if (v === BigInt.asIntN(32, v)) return 'IntNode';
    return v === BigInt.asIntN(64, v) ? 'LongNode' : 'BigIntegerNode';
  }
  return 'ObjectNode';
}
