import { Partitioners } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { keyPartition, murmur2, murmur2String } from './partition.ts';
import { OrderSource } from './source.ts';

const text = (s: string) => new TextEncoder().encode(s);

describe('keyPartition', () => {
  it('is murmur2 as Kafka computes it (Kafka UtilsTest vectors)', () => {
    const vectors: [string, number][] = [
      ['21', -973932308],
      ['foobar', -790332482],
      ['a-little-bit-long-string', -985981536],
      ['a-little-bit-longer-string', -1486304829],
      ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
      ['abc', 479470107],
    ];
    for (const [key, hash] of vectors) {
      expect(murmur2String(key)).toBe(hash);
      expect(murmur2(text(key))).toBe(hash);
    }
  });

  it("puts every key where kafkajs's DefaultPartitioner (Java-compatible) puts it", () => {
    const partitioner = Partitioners.DefaultPartitioner();
    const keys = [
      ...[
        ...new OrderSource({
          scenarios: ['baseline', 'malformed'],
          rate: 1000,
          seed: 'p',
          startMs: 0,
          count: 3000,
        }),
      ].flatMap((e) => (e.kind === 'order' ? [e.order.order_id] : e.kind === 'raw' ? [e.key] : [])),
      '',
      'a',
      'ab',
      '203.0.113.7',
      '서울 강남구', // non-ASCII keys hash their UTF-8 bytes
      'P0001',
    ];
    for (const partitions of [1, 3, 6, 7, 12]) {
      const partitionMetadata = Array.from({ length: partitions }, (_, i) => ({
        partitionId: i,
        leader: 1,
        partitionErrorCode: 0,
        replicas: [1],
        isr: [1],
      }));
      for (const key of keys) {
        expect(keyPartition(key, partitions)).toBe(
          partitioner({ topic: 't', partitionMetadata, message: { key, value: null } }),
        );
      }
    }
  });
});
