import type { Literal, Property } from '../parser/ast.ts';
import { KsqlStatementError, KsqlUnsupportedError } from '../errors.ts';

/** The WITH properties of CREATE / C*AS statements, typed (docs: create-stream.md, create-table.md). */
export interface WithProperties {
  readonly kafkaTopic?: string;
  readonly keyFormat?: string;
  readonly valueFormat?: string;
  readonly format?: string;
  readonly timestamp?: string;
  readonly timestampFormat?: string;
  readonly partitions?: number;
  readonly replicas?: number;
  readonly wrapSingleValue?: boolean;
  readonly valueDelimiter?: string;
  readonly keyDelimiter?: string;
  readonly keySchemaId?: number;
  readonly valueSchemaId?: number;
  readonly keySchemaFullName?: string;
  readonly valueSchemaFullName?: string;
  readonly windowType?: string;
  readonly windowSize?: string;
  readonly retentionMs?: number;
}

const KNOWN = new Set([
  'KAFKA_TOPIC',
  'KEY_FORMAT',
  'VALUE_FORMAT',
  'FORMAT',
  'TIMESTAMP',
  'TIMESTAMP_FORMAT',
  'PARTITIONS',
  'REPLICAS',
  'WRAP_SINGLE_VALUE',
  'VALUE_DELIMITER',
  'KEY_DELIMITER',
  'KEY_SCHEMA_ID',
  'VALUE_SCHEMA_ID',
  'KEY_SCHEMA_FULL_NAME',
  'VALUE_SCHEMA_FULL_NAME',
  'VALUE_AVRO_SCHEMA_FULL_NAME',
  'WINDOW_TYPE',
  'WINDOW_SIZE',
  'RETENTION_MS',
  'QUERY_ID',
]);

/** Properties ksqlDB (CP 7.9) takes that the local engine does not implement: they fail by name. */
const NOT_IMPLEMENTED = new Set([
  'KEY_PROTOBUF_NULLABLE_REPRESENTATION',
  'VALUE_PROTOBUF_NULLABLE_REPRESENTATION',
]);

export function readWithProperties(props: readonly Property[]): WithProperties {
  const out: Record<string, unknown> = {};
  for (const p of props) {
    if (NOT_IMPLEMENTED.has(p.name)) throw new KsqlUnsupportedError(`WITH property ${p.name}`);
    if (!KNOWN.has(p.name))
      throw new KsqlStatementError(`Invalid config variable(s) in the WITH clause: ${p.name}`);
    const text = literalText(p.value);
    switch (p.name) {
      case 'KAFKA_TOPIC':
        out['kafkaTopic'] = text;
        break;
      case 'KEY_FORMAT':
        out['keyFormat'] = text.toUpperCase();
        break;
      case 'VALUE_FORMAT':
        out['valueFormat'] = text.toUpperCase();
        break;
      case 'FORMAT':
        out['format'] = text.toUpperCase();
        break;
      case 'TIMESTAMP':
        out['timestamp'] = text;
        break;
      case 'TIMESTAMP_FORMAT':
        out['timestampFormat'] = text;
        break;
      case 'PARTITIONS':
        out['partitions'] = intValue(p, text);
        break;
      case 'REPLICAS':
        out['replicas'] = intValue(p, text);
        break;
      case 'WRAP_SINGLE_VALUE':
        out['wrapSingleValue'] = boolValue(p.value, text);
        break;
      case 'VALUE_DELIMITER':
        out['valueDelimiter'] = text;
        break;
      case 'KEY_DELIMITER':
        out['keyDelimiter'] = text;
        break;
      case 'KEY_SCHEMA_ID':
        out['keySchemaId'] = intValue(p, text);
        break;
      case 'VALUE_SCHEMA_ID':
        out['valueSchemaId'] = intValue(p, text);
        break;
      case 'KEY_SCHEMA_FULL_NAME':
        out['keySchemaFullName'] = text;
        break;
      case 'VALUE_SCHEMA_FULL_NAME':
      case 'VALUE_AVRO_SCHEMA_FULL_NAME':
        out['valueSchemaFullName'] = text;
        break;
      case 'WINDOW_TYPE':
        out['windowType'] = text.toUpperCase();
        break;
      case 'WINDOW_SIZE':
        out['windowSize'] = text;
        break;
      case 'RETENTION_MS':
        out['retentionMs'] = intValue(p, text);
        break;
      default:
        break;
    }
  }
  return out as WithProperties;
}

function literalText(v: Literal): string {
  switch (v.kind) {
    case 'StringLiteral':
      return v.value;
    case 'IntegerLiteral':
    case 'DecimalLiteral':
    case 'DoubleLiteral':
      return v.text;
    case 'BooleanLiteral':
      return String(v.value);
    case 'NullLiteral':
      return 'null';
  }
}

function intValue(p: Property, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n)) throw new KsqlStatementError(`Invalid value for ${p.name}: ${text}`);
  return n;
}

function boolValue(v: Literal, text: string): boolean {
  if (v.kind === 'BooleanLiteral') return v.value;
  const t = text.toLowerCase();
  if (t === 'true') return true;
  if (t === 'false') return false;
  throw new KsqlStatementError(`Property WRAP_SINGLE_VALUE must be a boolean: ${text}`);
}
