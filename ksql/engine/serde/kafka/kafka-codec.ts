import type { Column } from '../../schema/logical-schema.ts';
import type { RowCodec } from '../row-codec.ts';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

/**
 * KAFKA format: a single INT (int32 BE), BIGINT (int64 BE), DOUBLE (IEEE-754 BE), STRING (UTF-8)
 * or BYTES (raw) column, as Kafka's primitive serializers write them
 * (docs/reference/serialization.md, KAFKA section; kafka.json). No columns: no bytes.
 * Column types are checked beforehand by format-validation.ts.
 */
export function kafkaCodec(columns: readonly Column[]): RowCodec {
  const col = columns[0];
  if (!col) return { encode: () => null, decode: () => [] };
  const kind = col.type.kind;
  return {
    encode(values) {
      const v = values[0] ?? null;
      if (v === null) return null;
      switch (kind) {
        case 'INT': {
          const b = new Uint8Array(4);
          new DataView(b.buffer).setInt32(0, v as number);
          return b;
        }
        case 'BIGINT': {
          const b = new Uint8Array(8);
          new DataView(b.buffer).setBigInt64(0, v as bigint);
          return b;
        }
        case 'DOUBLE': {
          const b = new Uint8Array(8);
          new DataView(b.buffer).setFloat64(0, v as number);
          return b;
        }
        case 'STRING':
          return encoder.encode(v as string);
        case 'BYTES':
          return v as Uint8Array;
        default:
          throw new Error(`The 'KAFKA' format does not support type '${kind}'`);
      }
    },
    decode(bytes) {
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      switch (kind) {
        case 'INT':
          if (bytes.length !== 4) throw new Error('Size of data received by IntegerDeserializer is not 4');
          return [view.getInt32(0)];
        case 'BIGINT':
          if (bytes.length !== 8) throw new Error('Size of data received by LongDeserializer is not 8');
          return [view.getBigInt64(0)];
        case 'DOUBLE':
          if (bytes.length !== 8) throw new Error('Size of data received by DoubleDeserializer is not 8');
          return [view.getFloat64(0)];
        case 'STRING':
          return [decoder.decode(bytes)];
        case 'BYTES':
          return [new Uint8Array(bytes)];
        default:
          throw new Error(`The 'KAFKA' format does not support type '${kind}'`);
      }
    },
  };
}
