import avro from 'avsc';
import type { SchemaRegistryClient } from '../../ksql/engine/serde/schema-registry.ts';
import { connectSchemaOf, UnsupportedSchemaError, type ValueSchema } from './connect-schema.ts';

/** A decoded record value: its Connect schema and the field values as avsc decoded them. */
export interface ConnectValue {
  readonly schemaId: number;
  readonly schema: ValueSchema;
  readonly value: Readonly<Record<string, unknown>>;
}

/** A converter failure (Connect's DataException in the VALUE_CONVERTER stage). */
export class DataException extends Error {
  readonly javaClass = 'org.apache.kafka.connect.errors.DataException';
}

interface WriterSchema {
  readonly type: avro.Type;
  readonly schema: ValueSchema;
}

/**
 * Confluent's AvroConverter for record values: Confluent wire format (magic byte 0, 4-byte
 * big-endian schema id, Avro binary), the writer schema fetched by id from the registry and
 * cached. A null value (tombstone) converts to null.
 */
export class AvroValueConverter {
  readonly className = 'io.confluent.connect.avro.AvroConverter';
  private readonly cache = new Map<number, WriterSchema>();

  constructor(private readonly registry: SchemaRegistryClient) {}

  /** Synchronous when the schema id is cached (the hot path), async on first sight. */
  toConnectData(topic: string, bytes: Uint8Array | null): ConnectValue | null | Promise<ConnectValue | null> {
    if (bytes === null) return null;
    if (bytes.length < 5 || bytes[0] !== 0) {
      throw new DataException(`Failed to deserialize data for topic ${topic} to Avro: Unknown magic byte!`);
    }
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const id = buf.readUInt32BE(1);
    const cached = this.cache.get(id);
    if (cached) return this.decode(topic, id, cached, buf);
    return this.fetch(topic, id).then((writer) => this.decode(topic, id, writer, buf));
  }

  private decode(topic: string, id: number, writer: WriterSchema, buf: Buffer): ConnectValue {
    try {
      const value = writer.type.fromBuffer(buf.subarray(5)) as Record<string, unknown>;
      return { schemaId: id, schema: writer.schema, value };
    } catch (err) {
      throw new DataException(
        `Failed to deserialize data for topic ${topic} to Avro: Error deserializing Avro message for id ${id}: ${(err as Error).message}`,
      );
    }
  }

  private async fetch(topic: string, id: number): Promise<WriterSchema> {
    let registered;
    try {
      registered = await this.registry.getById(id);
    } catch (err) {
      throw new DataException(
        `Failed to deserialize data for topic ${topic} to Avro: ${(err as Error).message}`,
      );
    }
    if (registered === undefined) {
      throw new DataException(
        `Failed to deserialize data for topic ${topic} to Avro: Error retrieving Avro value schema for id ${id}: Schema not found`,
      );
    }
    if (registered.schemaType !== 'AVRO') {
      throw new DataException(
        `Failed to deserialize data for topic ${topic} to Avro: schema ${id} is ${registered.schemaType}`,
      );
    }
    try {
      const json = JSON.parse(registered.schema) as avro.Schema;
      const writer = { type: avro.Type.forSchema(json), schema: connectSchemaOf(json as never) };
      this.cache.set(id, writer);
      return writer;
    } catch (err) {
      // A schema the JDBC sink cannot write fails the task at put(), not in the converter.
      if (err instanceof UnsupportedSchemaError) throw err;
      throw new DataException(
        `Failed to deserialize data for topic ${topic} to Avro: schema ${id}: ${(err as Error).message}`,
      );
    }
  }
}
