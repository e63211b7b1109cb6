import { KsqlStatementError } from '../errors.ts';
import type { FormatInfo, FormatName } from './serde-types.ts';

/** Format properties (FormatInfo.properties) each format accepts (ksqlDB's Format#getSupportedProperties). */
const SUPPORTED_PROPERTIES: Readonly<Record<FormatName, readonly string[]>> = {
  AVRO: ['fullSchemaName', 'schemaId'],
  PROTOBUF: ['fullSchemaName', 'schemaId', 'unwrapPrimitives', 'nullableRepresentation'],
  PROTOBUF_NOSR: ['unwrapPrimitives', 'nullableRepresentation'],
  JSON_SR: ['fullSchemaName', 'schemaId'],
  JSON: [],
  KAFKA: [],
  DELIMITED: ['delimiter'],
  NONE: [],
};

/**
 * Rejects format properties the format does not support, e.g. a VALUE_DELIMITER with JSON:
 * "JSON does not support the following configs: [delimiter]" (delimited.json, avro.json
 * "full schema name used with non-Avro format"), and an empty fullSchemaName.
 */
export function validateFormatProperties(info: FormatInfo): void {
  const supported = SUPPORTED_PROPERTIES[info.format];
  const unsupported = Object.keys(info.properties).filter((k) => !supported.includes(k));
  if (unsupported.length > 0) {
    throw new KsqlStatementError(
      `${info.format} does not support the following configs: [${unsupported.join(', ')}]`,
    );
  }
  const fullName = info.properties['fullSchemaName'];
  if (fullName !== undefined && fullName.trim() === '') {
    throw new KsqlStatementError(
      `fullSchemaName cannot be empty. Format configuration: {fullSchemaName=${fullName.trim()}}`,
    );
  }
}
