import { describe, expect, it } from 'vitest';
import { BIGINT, STRING } from '../types/sql-type.ts';
import { createKeySerde } from './serde-factory.ts';
import { hex, keyCol, keyFormat } from './test-helpers.ts';

const ctx = { topic: 'OUT', sourceName: 'OUT' };

describe('windowed keys (reference e.5)', () => {
  it('time windows: inner bytes ++ int64 BE start; end = start + size', async () => {
    const serde = await createKeySerde(
      keyFormat('KAFKA', { window: { type: 'TUMBLING', sizeMs: 30000 } }),
      [keyCol('K', STRING)],
      ctx,
    );
    const bytes = serde.serialize(['1.2.3.4'], { start: 0x018f00000000, end: 0x018f00000000 + 30000 });
    expect(hex(bytes)).toBe('312e322e332e34' + '0000018f00000000');
    expect(serde.deserialize(bytes)).toEqual({
      key: ['1.2.3.4'],
      window: { start: 0x018f00000000, end: 0x018f00000000 + 30000 },
    });
  });

  it('session windows: inner bytes ++ int64 BE end ++ int64 BE start', async () => {
    const serde = await createKeySerde(
      keyFormat('KAFKA', { window: { type: 'SESSION' } }),
      [keyCol('K', BIGINT)],
      ctx,
    );
    const bytes = serde.serialize([1n], { start: 700, end: 1500 });
    expect(hex(bytes)).toBe('0000000000000001' + '00000000000005dc' + '00000000000002bc');
    expect(serde.deserialize(bytes)).toEqual({ key: [1n], window: { start: 700, end: 1500 } });
  });

  it('JSON windowed keys wrap the JSON text', async () => {
    const serde = await createKeySerde(
      keyFormat('JSON', { window: { type: 'HOPPING', sizeMs: 1000 } }),
      [keyCol('K', STRING)],
      ctx,
    );
    const bytes = serde.serialize(['a'], { start: 1000, end: 2000 });
    expect(hex(bytes)).toBe(Buffer.from('"a"').toString('hex') + '00000000000003e8');
    expect(serde.deserialize(bytes).key).toEqual(['a']);
  });

  it('a null inner key still carries the window', async () => {
    const serde = await createKeySerde(
      keyFormat('KAFKA', { window: { type: 'TUMBLING', sizeMs: 10 } }),
      [keyCol('K', STRING)],
      ctx,
    );
    const bytes = serde.serialize([null], { start: 10, end: 20 });
    expect(hex(bytes)).toBe('000000000000000a');
  });

  it('fails on truncated windowed keys', async () => {
    const serde = await createKeySerde(
      keyFormat('KAFKA', { window: { type: 'SESSION' } }),
      [keyCol('K', STRING)],
      ctx,
    );
    expect(() => serde.deserialize(new Uint8Array(4))).toThrow(/windowed key too short/);
  });
});
