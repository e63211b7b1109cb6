import type { Column } from '../schema/logical-schema.ts';

/**
 * Serialization formats for record keys and values, as ksqlDB names them
 * (docs/reference/serialization.md).
 */
export type FormatName =
  'JSON' | 'AVRO' | 'KAFKA' | 'DELIMITED' | 'NONE' | 'PROTOBUF' | 'PROTOBUF_NOSR' | 'JSON_SR';

export interface FormatInfo {
  readonly format: FormatName;
  /** Format properties, e.g. `delimiter` for DELIMITED, `fullSchemaName` for AVRO, `schemaId`. */
  readonly properties: Readonly<Record<string, string>>;
}

/** Serde features (`SerdeFeature` in ksqlDB): wrapping of single columns. */
export type SerdeFeature = 'WRAP_SINGLES' | 'UNWRAP_SINGLES';

export type WindowInfo =
  { readonly type: 'TUMBLING' | 'HOPPING'; readonly sizeMs: number } | { readonly type: 'SESSION' };

/** The window of a windowed key; `end` is exclusive for time windows, inclusive for sessions. */
export interface WindowBounds {
  readonly start: number;
  readonly end: number;
}

export interface KeyFormat {
  readonly info: FormatInfo;
  readonly features: readonly SerdeFeature[];
  readonly window?: WindowInfo;
}

export interface ValueFormat {
  readonly info: FormatInfo;
  readonly features: readonly SerdeFeature[];
}

/** Serializes/deserializes the key columns of one source. */
export interface KeySerde {
  serialize(key: readonly unknown[], window?: WindowBounds): Uint8Array | null;
  /** Throws KsqlSerdeError on undecodable bytes. */
  deserialize(bytes: Uint8Array | null): { key: unknown[]; window?: WindowBounds };
}

/** Serializes/deserializes the value columns of one source. */
export interface ValueSerde {
  serialize(value: readonly unknown[] | null): Uint8Array | null;
  /** Throws KsqlSerdeError on undecodable bytes; returns null for a null record value. */
  deserialize(bytes: Uint8Array | null): unknown[] | null;
}

export interface SerdeFactoryRequest {
  readonly topic: string;
  readonly columns: readonly Column[];
  /** The sink/source name, used for Avro key record names (`<UpperCamelName>Key`). */
  readonly sourceName: string;
}
