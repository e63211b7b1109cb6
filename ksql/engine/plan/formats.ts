import { KsqlStatementError } from '../errors.ts';
import { defaultKeySchemaName } from '../serde/avro/avro-names.ts';
import type {
  FormatInfo,
  FormatName,
  KeyFormat,
  SerdeFeature,
  ValueFormat,
  WindowInfo,
} from '../serde/serde-types.ts';
import type { WithProperties } from './with-properties.ts';

const FORMATS: readonly FormatName[] = [
  'JSON',
  'AVRO',
  'KAFKA',
  'DELIMITED',
  'NONE',
  'PROTOBUF',
  'PROTOBUF_NOSR',
  'JSON_SR',
];

export function formatName(text: string): FormatName {
  const f = FORMATS.find((x) => x === text.toUpperCase());
  if (!f) throw new KsqlStatementError(`Unknown format: ${text.toUpperCase()}`);
  return f;
}

/**
 * Formats that support both wrapping modes get UNWRAP_SINGLES for a single key column (e.6).
 * PROTOBUF and PROTOBUF_NOSR only wrap (ksqlDB docs "Protobuf": single field unwrapping not
 * supported), so their keys are always messages (group-by.json "PROTOBUF schema and schema_id").
 */
export function supportsWrapping(format: FormatName): boolean {
  return format === 'JSON' || format === 'AVRO' || format === 'JSON_SR';
}

/** Formats that cannot unwrap a single value column (WRAP_SINGLE_VALUE=false is an error). */
function wrapsOnly(format: FormatName): boolean {
  return format === 'PROTOBUF' || format === 'PROTOBUF_NOSR';
}

export function checkFormatConflicts(p: WithProperties): void {
  if (p.format !== undefined && p.keyFormat !== undefined) {
    throw new KsqlStatementError(
      "Cannot supply both 'KEY_FORMAT' and 'FORMAT' properties, as 'FORMAT' sets both key and value formats. Either use just 'FORMAT', or use 'KEY_FORMAT' and 'VALUE_FORMAT'.",
    );
  }
  if (p.format !== undefined && p.valueFormat !== undefined) {
    throw new KsqlStatementError(
      "Cannot supply both 'VALUE_FORMAT' and 'FORMAT' properties, as 'FORMAT' sets both key and value formats. Either use just 'FORMAT', or use 'KEY_FORMAT' and 'VALUE_FORMAT'.",
    );
  }
}

export function keyFeatures(format: FormatName, keyColumnCount: number): SerdeFeature[] {
  return keyColumnCount === 1 && supportsWrapping(format) ? ['UNWRAP_SINGLES'] : [];
}

export function buildKeyFormat(
  format: FormatName,
  keyColumnCount: number,
  p: WithProperties,
  window: WindowInfo | undefined,
  sourceName: string,
  inherited?: FormatInfo,
): KeyFormat {
  const properties: Record<string, string> = {};
  if (inherited && inherited.format === format) Object.assign(properties, inherited.properties);
  delete properties['schemaId'];
  delete properties['fullSchemaName'];
  if (p.keyDelimiter !== undefined) properties['delimiter'] = p.keyDelimiter;
  if (p.keySchemaId !== undefined) properties['schemaId'] = String(p.keySchemaId);
  // AVRO keys are records named `<UpperCamelName>Key` unless KEY_SCHEMA_FULL_NAME (e.8, historical specs).
  if (format === 'AVRO')
    properties['fullSchemaName'] = p.keySchemaFullName ?? defaultKeySchemaName(sourceName);
  if (format === 'PROTOBUF') protobufProperties(properties, p.keySchemaFullName, inherited);
  // JSON_SR keys have no default name (JsonSchemaProperties); KEY_SCHEMA_FULL_NAME titles the schema.
  if (format === 'JSON_SR' && p.keySchemaFullName !== undefined)
    properties['fullSchemaName'] = p.keySchemaFullName;
  return {
    info: { format, properties },
    features: keyFeatures(format, keyColumnCount),
    ...(window ? { window } : {}),
  };
}

/**
 * Value format of a source or sink. Serde features are never inherited: WRAP_SINGLE_VALUE, else
 * `ksql.persistence.wrap.single.values` (serdes.json, json.json "anonymous" cases).
 */
export function buildValueFormat(
  format: FormatName,
  valueColumnCount: number,
  p: WithProperties,
  props: Readonly<Record<string, unknown>>,
  inherited?: ValueFormat,
): ValueFormat {
  const properties: Record<string, string> = {};
  if (inherited && inherited.info.format === format) {
    Object.assign(properties, inherited.info.properties);
    delete properties['schemaId'];
    delete properties['fullSchemaName'];
  }
  if (p.valueDelimiter !== undefined) properties['delimiter'] = p.valueDelimiter;
  if (p.valueSchemaFullName !== undefined) properties['fullSchemaName'] = p.valueSchemaFullName;
  if (format === 'PROTOBUF') protobufProperties(properties, p.valueSchemaFullName, inherited?.info);
  if (p.valueSchemaId !== undefined) properties['schemaId'] = String(p.valueSchemaId);
  const features: SerdeFeature[] = [];
  const wrap = p.wrapSingleValue;
  if (wrap === false && wrapsOnly(format)) {
    throw new KsqlStatementError(`Format '${format}' does not support 'WRAP_SINGLE_VALUE' set to 'false'.`);
  }
  if (wrap !== undefined) {
    if (valueColumnCount > 1) {
      throw new KsqlStatementError("'WRAP_SINGLE_VALUE' is only valid for single-field value schemas");
    }
    features.push(wrap ? 'WRAP_SINGLES' : 'UNWRAP_SINGLES');
  } else if (valueColumnCount === 1 && supportsWrapping(format)) {
    const config = props['ksql.persistence.wrap.single.values'];
    if (config === false || String(config).toLowerCase() === 'false') features.push('UNWRAP_SINGLES');
  }
  return { info: { format, properties }, features };
}

/**
 * PROTOBUF format properties as ksqlDB sets them (historical-specs "group-by - PROTOBUF schema
 * and schema_id"): `unwrapPrimitives=true` on every new source and sink, and the full schema
 * name inherited from a PROTOBUF source unless the sink names its own.
 */
function protobufProperties(
  properties: Record<string, string>,
  explicitFullName: string | undefined,
  inherited: FormatInfo | undefined,
): void {
  const inheritedName = inherited?.format === 'PROTOBUF' ? inherited.properties['fullSchemaName'] : undefined;
  const fullName = explicitFullName ?? inheritedName;
  if (fullName !== undefined) properties['fullSchemaName'] = fullName;
  properties['unwrapPrimitives'] = 'true';
}
