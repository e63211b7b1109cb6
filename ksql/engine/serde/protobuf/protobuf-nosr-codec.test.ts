import { describe, expect, it } from 'vitest';
import { array, INT, STRING } from '../../types/sql-type.ts';
import { createValueSerde } from '../serde-factory.ts';
import { valCol, valueFormat } from '../test-helpers.ts';

const hex = (b: Uint8Array | null): string | null => (b === null ? null : Buffer.from(b).toString('hex'));

describe('PROTOBUF_NOSR serde', () => {
  const columns = [valCol('N', STRING), valCol('V', INT), valCol('A', array(INT))];

  it('writes the bare message, without registry framing', async () => {
    const serde = await createValueSerde(valueFormat('PROTOBUF_NOSR'), columns, {
      topic: 't',
      sourceName: 'T',
    });
    const bytes = serde.serialize(['a', 1, [2]]);
    expect(hex(bytes)).toBe('0a0161' + '1001' + '1a0102'); // N = "a", V = 1, packed A = [2]
    expect(serde.deserialize(bytes)).toEqual(['a', 1, [2]]);
  });

  it('reads NULLs back as proto3 defaults', async () => {
    const serde = await createValueSerde(valueFormat('PROTOBUF_NOSR'), columns, {
      topic: 't',
      sourceName: 'T',
    });
    const bytes = serde.serialize([null, null, null]);
    expect(hex(bytes)).toBe('');
    expect(serde.deserialize(bytes)).toEqual(['', 0, []]);
  });
});
