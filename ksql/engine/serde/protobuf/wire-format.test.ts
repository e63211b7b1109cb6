import { describe, expect, it } from 'vitest';
import { frameProtobuf, unframeProtobuf } from './wire-format.ts';

const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

describe('Confluent protobuf framing', () => {
  it('writes the first message as the single 0 byte', () => {
    expect(hex(frameProtobuf(7, [0], new Uint8Array([0x08, 0x01])))).toBe('0000000007' + '00' + '0801');
  });

  it('writes other paths as zig-zag count and indexes', () => {
    // [1]: count 1 → 2, index 1 → 2; [0, 2]: count 2 → 4, 0 → 0, 2 → 4
    expect(hex(frameProtobuf(1, [1], new Uint8Array()))).toBe('00000000010202');
    expect(hex(frameProtobuf(1, [0, 2], new Uint8Array()))).toBe('0000000001040004');
  });

  it('reads back id, indexes and body', () => {
    for (const indexes of [[0], [1], [0, 2], [70, 3]]) {
      const framed = unframeProtobuf(frameProtobuf(300, indexes, new Uint8Array([1, 2, 3])));
      expect(framed.schemaId).toBe(300);
      expect(framed.indexes).toEqual(indexes);
      expect([...framed.body]).toEqual([1, 2, 3]);
    }
  });

  it('rejects bytes without the magic byte', () => {
    expect(() => unframeProtobuf(new Uint8Array([1, 0, 0, 0, 1, 0]))).toThrow('Unknown magic byte!');
  });
});
