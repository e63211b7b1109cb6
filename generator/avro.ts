import avro from 'avsc';
import { RuntimeFailure } from '../common/errors.ts';
import { type Order, ORDERS_SCHEMA_TEXT } from './order.ts';

/**
 * The fast encode path: `avsc`'s compiled type for orders.avsc plus a cached 5-byte Confluent
 * header (magic byte 0, schema id as 4-byte big-endian). It produces the same bytes as
 * `@confluentinc/schemaregistry`'s AvroSerializer (a test proves it) about 20x faster, because
 * the serializer re-validates and runs its rule machinery on every record.
 */
export const ORDER_TYPE: avro.Type = avro.Type.forSchema(JSON.parse(ORDERS_SCHEMA_TEXT) as avro.Schema);

export const CONFLUENT_MAGIC_BYTE = 0;

export function confluentHeader(schemaId: number): Buffer {
  if (!Number.isInteger(schemaId) || schemaId < 0 || schemaId > 0xffffffff) {
    throw new RangeError(`schema id out of range: ${schemaId}`);
  }
  const header = Buffer.alloc(5);
  header.writeUInt8(CONFLUENT_MAGIC_BYTE, 0);
  header.writeUInt32BE(schemaId, 1);
  return header;
}

export class OrderEncoder {
  private scratch = Buffer.alloc(64 * 1024);

  constructor(readonly schemaId: number) {
    confluentHeader(schemaId).copy(this.scratch, 0);
  }

  /** Confluent wire format: header + Avro binary body. */
  encode(order: Order): Buffer {
    const end = this.encodeInPlace(order);
    const out = Buffer.allocUnsafe(end);
    this.scratch.copy(out, 0, 0, end);
    return out;
  }

  /**
   * Encodes into the internal scratch buffer and returns the wire-format length; the bytes are
   * valid until the next call (the dry run measures encoding without keeping the bytes).
   */
  encodeInPlace(order: Order): number {
    let end = ORDER_TYPE.encode(order, this.scratch, 5);
    while (end < 0) {
      // A negative result is minus the size needed; grow and retry (only for huge records).
      const grown = Buffer.alloc(Math.max(this.scratch.length * 2, 5 - end));
      this.scratch.copy(grown, 0, 0, 5);
      this.scratch = grown;
      end = ORDER_TYPE.encode(order, this.scratch, 5);
    }
    return end;
  }

  /** Wire format with an arbitrary header (the malformed scenario's unknown schema id). */
  static withHeader(schemaId: number, body: Uint8Array): Buffer {
    return Buffer.concat([confluentHeader(schemaId), body]);
  }
}

/** Avro body only (no header). */
export function encodeOrderBody(order: Order): Buffer {
  return ORDER_TYPE.toBuffer(order);
}

export class WireFormatError extends RuntimeFailure {}

/** Splits a Confluent-framed value; throws WireFormatError on a bad magic byte or short value. */
export function parseWireFormat(value: Uint8Array): { schemaId: number; body: Buffer } {
  const buf = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
  if (buf.length < 5 || buf[0] !== CONFLUENT_MAGIC_BYTE) {
    throw new WireFormatError('value is not in the Confluent wire format (magic byte 0 + 4-byte schema id)');
  }
  return { schemaId: buf.readUInt32BE(1), body: buf.subarray(5) };
}

/** Decodes a Confluent-framed order without a registry (the schema id is not checked). */
export function decodeOrder(value: Uint8Array): Order {
  return ORDER_TYPE.fromBuffer(parseWireFormat(value).body) as Order;
}
