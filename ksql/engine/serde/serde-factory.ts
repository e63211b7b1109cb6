import { assertNever } from '../../../common/assert-never.ts';
import { KsqlSerdeError, KsqlStatementError } from '../errors.ts';
import type { Column } from '../schema/logical-schema.ts';
import { avroCodec } from './avro/avro-codec.ts';
import { delimitedCodec } from './delimited/delimited-codec.ts';
import { parseDelimiter } from './delimited/delimiter.ts';
import { validateFormatProperties } from './format-properties.ts';
import { validateKeyColumns, validateValueColumns } from './format-validation.ts';
import { jsonCodec } from './json/json-codec.ts';
import { jsonSrCodec } from './json-sr/json-sr-codec.ts';
import { kafkaCodec } from './kafka/kafka-codec.ts';
import { protobufCodec } from './protobuf/protobuf-codec.ts';
import { protobufNoSrCodec } from './protobuf/protobuf-nosr-codec.ts';
import { isUnwrapped, type RowCodec } from './row-codec.ts';
import type { SchemaRegistryClient } from './schema-registry.ts';
import type {
  FormatInfo,
  KeyFormat,
  KeySerde,
  SerdeFeature,
  ValueFormat,
  ValueSerde,
} from './serde-types.ts';
import { unwrapWindowedKey, wrapWindowedKey } from './windowed-key.ts';

export interface SerdeContext {
  /** Kafka topic: error messages and Avro subjects `<topic>-key` / `<topic>-value`. */
  readonly topic: string;
  /** Source/sink name: Avro key record name `<UpperCamelName>Key` (e.g. SUSPICIOUS_IPS → SuspiciousIpsKey). */
  readonly sourceName: string;
  /** Required for AVRO, PROTOBUF and JSON_SR. */
  readonly registry?: SchemaRegistryClient;
  /**
   * AVRO writer schema (reading always uses the writer schema named by each message's id):
   * - true (default): register the generated schema (C*AS sinks; a new version if it differs);
   * - 'if-absent': register it only if the subject does not exist, else write with the
   *   subject's latest schema (ksqlDB's CREATE STREAM/TABLE with explicit columns);
   * - false: write with the subject's latest schema, never register (inferred sources).
   */
  readonly registerSchema?: boolean | 'if-absent';
}

/**
 * Creates the key serde of a source/sink. A key whose columns are all null (a null Kafka key
 * read back, delimited.json "multi-column key") is written as a null key. Async so AVRO can register/fetch schemas up front;
 * serialize/deserialize are synchronous. Windowed key formats wrap the inner key bytes (e.5).
 * Throws KsqlStatementError if the format cannot hold the columns.
 */
export async function createKeySerde(
  format: KeyFormat,
  columns: readonly Column[],
  ctx: SerdeContext,
): Promise<KeySerde> {
  validateFormatProperties(format.info);
  validateKeyColumns(format.info.format, columns, format.features);
  const codec = await createCodec(format.info, columns, true, format.features, ctx);
  const window = format.window;
  const nullKey = (): unknown[] => columns.map(() => null);
  return {
    serialize(key, bounds) {
      try {
        const allNull = key.every((v) => v === null);
        const inner = columns.length === 0 || allNull ? null : codec.encode(key);
        if (!window) return inner;
        if (!bounds) throw new Error('windowed key format needs the window bounds');
        return wrapWindowedKey(inner, window, bounds);
      } catch (e) {
        throw serializeError('key', ctx.topic, e);
      }
    },
    deserialize(bytes) {
      if (bytes === null) return { key: nullKey() };
      try {
        if (window) {
          const { inner, window: bounds } = unwrapWindowedKey(bytes, window);
          return { key: decodeKey(codec, inner, columns.length) ?? nullKey(), window: bounds };
        }
        return { key: decodeKey(codec, bytes, columns.length) ?? nullKey() };
      } catch (e) {
        throw deserializeError('key', ctx.topic, e);
      }
    },
  };
}

function decodeKey(codec: RowCodec, bytes: Uint8Array, columnCount: number): unknown[] | null {
  if (columnCount === 0) return [];
  return codec.decode(bytes);
}

/** Creates the value serde of a source/sink (see createKeySerde). */
export async function createValueSerde(
  format: ValueFormat,
  columns: readonly Column[],
  ctx: SerdeContext,
): Promise<ValueSerde> {
  validateFormatProperties(format.info);
  validateValueColumns(format.info.format, columns, format.features);
  const codec = await createCodec(format.info, columns, false, format.features, ctx);
  return {
    serialize(value) {
      if (value === null) return null;
      try {
        return codec.encode(value);
      } catch (e) {
        throw serializeError('value', ctx.topic, e);
      }
    },
    deserialize(bytes) {
      if (bytes === null) return null;
      try {
        return codec.decode(bytes);
      } catch (e) {
        throw deserializeError('value', ctx.topic, e);
      }
    },
  };
}

async function createCodec(
  info: FormatInfo,
  columns: readonly Column[],
  isKey: boolean,
  features: readonly SerdeFeature[],
  ctx: SerdeContext,
): Promise<RowCodec> {
  const format = info.format;
  switch (format) {
    case 'KAFKA':
      checkNoWrapping(format, features, isKey);
      return kafkaCodec(columns);
    case 'NONE':
      return { encode: () => null, decode: () => [] };
    case 'DELIMITED':
      checkNoWrapping(format, features, isKey);
      return delimitedCodec(
        columns,
        parseDelimiter(info.properties['delimiter'], isKey ? 'KEY_DELIMITER' : 'VALUE_DELIMITER'),
      );
    case 'JSON':
      return jsonCodec(columns, isUnwrapped(isKey, columns.length, features));
    case 'AVRO':
      return avroCodec(info, columns, isKey, isUnwrapped(isKey, columns.length, features), ctx);
    case 'PROTOBUF':
      return protobufCodec(info, columns, isKey, ctx);
    case 'PROTOBUF_NOSR':
      return protobufNoSrCodec(columns);
    case 'JSON_SR':
      return jsonSrCodec(info, columns, isKey, isUnwrapped(isKey, columns.length, features), ctx);
    default:
      return assertNever(format, 'format');
  }
}

/** KAFKA and DELIMITED are always unwrapped (kafka.json / delimited.json "Wrapped single values"). */
function checkNoWrapping(format: string, features: readonly SerdeFeature[], isKey: boolean): void {
  if (!isKey && features.includes('WRAP_SINGLES')) {
    throw new KsqlStatementError(`Format '${format}' does not support 'WRAP_SINGLE_VALUE' set to 'true'.`);
  }
}

function serializeError(what: string, topic: string, e: unknown): KsqlSerdeError {
  if (e instanceof KsqlSerdeError) return e;
  const msg = e instanceof Error ? e.message : String(e);
  return new KsqlSerdeError(`Error serializing ${what} to topic: ${topic}. ${msg}`, { cause: e });
}

function deserializeError(what: string, topic: string, e: unknown): KsqlSerdeError {
  if (e instanceof KsqlSerdeError) return e;
  const msg = e instanceof Error ? e.message : String(e);
  return new KsqlSerdeError(`Failed to deserialize ${what} from topic: ${topic}. ${msg}`, { cause: e });
}
