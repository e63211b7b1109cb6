/**
 * Confluent's protobuf wire format: `0x00 ++ int32_be(schemaId) ++ messageIndexes ++ message`.
 * Message indexes locate the message in the schema file: a zig-zag varint count followed by
 * zig-zag varint indexes, with the common `[0]` (first message) written as a single 0 byte.
 */
export interface Framed {
  readonly schemaId: number;
  readonly indexes: readonly number[];
  readonly body: Uint8Array;
}

const MAGIC_BYTE = 0;

export function frameProtobuf(schemaId: number, indexes: readonly number[], body: Uint8Array): Uint8Array {
  const idx: number[] =
    indexes.length === 1 && indexes[0] === 0 ? [0] : [zigzag(indexes.length), ...indexes.map(zigzag)];
  const varints = idx.flatMap(varint);
  const out = new Uint8Array(5 + varints.length + body.length);
  out[0] = MAGIC_BYTE;
  new DataView(out.buffer).setInt32(1, schemaId);
  out.set(varints, 5);
  out.set(body, 5 + varints.length);
  return out;
}

export function unframeProtobuf(bytes: Uint8Array): Framed {
  if (bytes.length < 6 || bytes[0] !== MAGIC_BYTE) throw new Error('Unknown magic byte!');
  const schemaId = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getInt32(1);
  let pos = 5;
  const read = (): number => {
    let result = 0;
    let shift = 0;
    for (;;) {
      if (pos >= bytes.length) throw new Error('truncated message indexes');
      const b = bytes[pos++]!;
      result += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) break;
      shift += 7;
      if (shift > 35) throw new Error('message index varint too long');
    }
    return result % 2 === 0 ? result / 2 : -(result + 1) / 2;
  };
  const count = read();
  const indexes: number[] = [];
  if (count === 0) indexes.push(0);
  else for (let i = 0; i < count; i++) indexes.push(read());
  return { schemaId, indexes, body: bytes.subarray(pos) };
}

function zigzag(n: number): number {
  return n >= 0 ? n * 2 : -n * 2 - 1;
}

function varint(n: number): number[] {
  const out: number[] = [];
  let v = n;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
  return out;
}
