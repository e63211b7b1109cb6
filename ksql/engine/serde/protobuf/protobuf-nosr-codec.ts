import type { Column } from '../../schema/logical-schema.ts';
import type { RowCodec } from '../row-codec.ts';
import { generateProtobufSchema } from './proto-schema-gen.ts';
import { parseProtobufSchema } from './proto-schema-parse.ts';
import { protoToRow, TO_OBJECT } from './proto-to-value.ts';
import { rowToProto } from './value-to-proto.ts';

/**
 * PROTOBUF_NOSR rows: the bare protobuf message (no magic byte, id or message indexes) of the
 * schema ksqlDB derives from the columns (the same one PROTOBUF registers), written and read
 * with that schema (ksqlDB's ProtobufNoSRConverter). A row of defaults is zero bytes.
 */
export function protobufNoSrCodec(columns: readonly Column[]): RowCodec {
  const type = parseProtobufSchema(generateProtobufSchema(columns)).messages[0]!;
  return {
    encode(values) {
      return type.encode(type.fromObject(rowToProto(type, columns, values))).finish();
    },
    decode(bytes) {
      return protoToRow(type, type.toObject(type.decode(bytes), TO_OBJECT), columns);
    },
  };
}
