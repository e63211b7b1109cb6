import { KsqlStatementError, KsqlUnsupportedError } from '../../errors.ts';
import type { Column } from '../../schema/logical-schema.ts';
import {
  BIGINT,
  BOOLEAN,
  BYTES,
  DATE,
  DOUBLE,
  INT,
  STRING,
  TIME,
  TIMESTAMP,
  decimal,
  struct,
  type SqlType,
  type StructField,
} from '../../types/sql-type.ts';
import { javaHashMapKeys } from './java-hash-map-keys.ts';

type Node = Record<string, unknown>;

/** A type Connect/ksqlDB leaves out: the field is skipped, as ksqlDB logs and skips it. */
class Skipped extends Error {}

export interface JsonInferOptions {
  /** WRAP_SINGLE_VALUE=false: the whole value schema is one column `ROWVAL`. */
  readonly unwrapped?: boolean;
  /** Keep property names as written (schemas given by KEY_SCHEMA_ID / VALUE_SCHEMA_ID). */
  readonly originalFieldNames?: boolean;
}

const CONNECT = 'org.apache.kafka.connect.data.';

/**
 * Columns inferred from a registered JSON Schema for `CREATE ... WITH (..._FORMAT='JSON_SR')`
 * without columns: Connect's JsonSchemaData.toConnectSchema, then ksqlDB's
 * ConnectKsqlSchemaTranslator (reference e.9; elements.json "validate without elements OK -
 * JSON_SR SCHEMA", table.json "JSON_SR schema and schema id"):
 *
 * - VALUE: an object gives one column per property, ordered by `connect.index` (properties
 *   without one in Java HashMap order), names upper-cased unless `originalFieldNames`; with
 *   `unwrapped` or a non-object schema, a single column `ROWVAL`. KEY: one column `ROWKEY`.
 * - `integer` → BIGINT (`connect.type` int8/16/32 → INT; titles Timestamp/Date/Time → the
 *   temporal types); `number` → DOUBLE (title Decimal → DECIMAL(connect.decimal.precision,
 *   default 64, scale)); `string` → STRING (`connect.type: bytes` → BYTES), enums → STRING;
 *   `boolean`; `array` → ARRAY (with `connect.type: map`, key/value entries → MAP); `object`
 *   with `connect.type: map` → MAP<STRING, additionalProperties>, else STRUCT;
 *   `oneOf`/`anyOf` of null and one type → that type.
 * - Not implemented (KsqlUnsupportedError): `$ref`, `allOf`, `oneOf`/`anyOf` of several
 *   non-null types (Connect's io.confluent.connect.json.OneOf structs), `not`, `if`.
 */
export function inferColumnsFromJsonSchema(
  schemaText: string,
  target: 'KEY' | 'VALUE',
  options: JsonInferOptions = {},
): Column[] {
  const root = parse(schemaText);
  const upper = !options.originalFieldNames;
  if (target === 'KEY') return [{ name: 'ROWKEY', type: rootType(root, upper), namespace: 'KEY' }];
  const node = nonNull(root);
  if (options.unwrapped || !isObjectType(node) || node['connect.type'] === 'map')
    return [{ name: 'ROWVAL', type: rootType(root, upper), namespace: 'VALUE' }];
  const fields = structFields(node, upper);
  if (fields.length === 0) {
    throw new KsqlStatementError(
      `Schema does not include any columns with types that ksqlDB supports.\nschema: ${schemaText}`,
    );
  }
  return fields.map((f) => ({ name: f.name, type: f.type, namespace: 'VALUE' }));
}

function parse(text: string): Node {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch (e) {
    throw new KsqlStatementError(`Invalid JSON schema: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (typeof root !== 'object' || root === null || Array.isArray(root))
    throw new KsqlUnsupportedError('JSON_SR boolean schemas');
  return root as Node;
}

function rootType(node: Node, upper: boolean): SqlType {
  try {
    return toSql(node, upper);
  } catch (e) {
    if (e instanceof Skipped)
      throw new KsqlStatementError(`Unsupported type at root of schema: ${e.message}`);
    throw e;
  }
}

function structFields(node: Node, upper: boolean): StructField[] {
  const properties = (node['properties'] ?? {}) as Record<string, Node>;
  // JsonSchemaData: a TreeMap by connect.index, a property without one taking the map's size.
  const byIndex = new Map<number, string>();
  for (const name of javaHashMapKeys(Object.keys(properties))) {
    const index = properties[name]?.['connect.index'];
    byIndex.set(typeof index === 'number' ? index : byIndex.size, name);
  }
  const out: StructField[] = [];
  for (const [, name] of [...byIndex].sort((a, b) => a[0] - b[0])) {
    try {
      out.push({ name: upper ? name.toUpperCase() : name, type: toSql(properties[name]!, upper) });
    } catch (e) {
      if (!(e instanceof Skipped)) throw e;
    }
  }
  return out;
}

function toSql(node: Node, upper: boolean): SqlType {
  const n = nonNull(node);
  const connectType = n['connect.type'];
  const title = n['title'];
  if (n['enum'] !== undefined) return STRING;
  switch (typeOf(n)) {
    case 'boolean':
      return BOOLEAN;
    case 'integer':
      if (title === `${CONNECT}Timestamp`) return TIMESTAMP;
      if (title === `${CONNECT}Date`) return DATE;
      if (title === `${CONNECT}Time`) return TIME;
      return connectType === 'int8' || connectType === 'int16' || connectType === 'int32' ? INT : BIGINT;
    case 'number': {
      if (connectType === 'bytes' || title === `${CONNECT}Decimal`) {
        const params = (n['connect.parameters'] ?? {}) as Record<string, string>;
        return decimal(Number(params['connect.decimal.precision'] ?? 64), Number(params['scale'] ?? 0));
      }
      if (connectType === 'int8' || connectType === 'int16' || connectType === 'int32') return INT;
      if (connectType === 'int64') return BIGINT;
      return DOUBLE;
    }
    case 'string':
      return connectType === 'bytes' ? BYTES : STRING;
    case 'array': {
      const items = n['items'];
      if (typeof items !== 'object' || items === null || Array.isArray(items))
        throw new Skipped('Array schema did not specify the items type');
      const entry = items as Node;
      if (connectType === 'map' && isObjectType(entry)) {
        const props = (entry['properties'] ?? {}) as Record<string, Node>;
        if (!props['key'] || !props['value']) throw new Skipped('map entries without key and value');
        return { kind: 'MAP', key: toSql(props['key'], upper), value: toSql(props['value'], upper) };
      }
      return { kind: 'ARRAY', element: toSql(entry, upper) };
    }
    case 'object': {
      if (connectType === 'map') {
        const additional = n['additionalProperties'];
        if (typeof additional !== 'object' || additional === null)
          throw new Skipped('map without additionalProperties');
        return { kind: 'MAP', key: STRING, value: toSql(additional as Node, upper) };
      }
      return struct(structFields(n, upper));
    }
    case 'null':
      throw new Skipped('null');
    default:
      throw new Skipped(`JSON schema ${JSON.stringify(n)}`);
  }
}

/** `oneOf`/`anyOf` [null, T] (or `type: [T, "null"]`) is an optional T; other combinations are not implemented. */
function nonNull(node: Node): Node {
  for (const kw of ['$ref', 'allOf', 'not', 'if']) {
    if (node[kw] !== undefined) throw new KsqlUnsupportedError(`JSON_SR schemas with ${kw}`);
  }
  for (const kw of ['oneOf', 'anyOf']) {
    const subs = node[kw];
    if (subs === undefined) continue;
    if (!Array.isArray(subs)) throw new KsqlStatementError(`Invalid JSON schema: ${kw} is not an array`);
    const others = (subs as Node[]).filter((s) => typeOf(s) !== 'null');
    if (subs.length === 2 && others.length === 1) return nonNull(others[0]!);
    throw new KsqlUnsupportedError(`JSON_SR ${kw} schemas of several non-null types`);
  }
  const type = node['type'];
  if (Array.isArray(type)) {
    const others = type.filter((t) => t !== 'null');
    if (others.length === 1) return { ...node, type: others[0] };
    throw new KsqlUnsupportedError('JSON_SR schemas with several types');
  }
  return node;
}

function typeOf(node: Node): string | undefined {
  const type = node['type'];
  if (typeof type === 'string') return type;
  if (type === undefined && (node['properties'] !== undefined || node['additionalProperties'] !== undefined))
    return 'object';
  if (type === undefined && node['items'] !== undefined) return 'array';
  return undefined;
}

function isObjectType(node: Node): boolean {
  return typeOf(node) === 'object';
}
