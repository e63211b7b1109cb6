import { describe, expect, it } from 'vitest';
import { kafkaPartition, murmur2 } from './kafka-partitioner.ts';

const text = (s: string) => new TextEncoder().encode(s);
const int32 = (n: number) => {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setInt32(0, n);
  return b;
};

describe('Kafka default partitioner', () => {
  it('is murmur2 as Kafka computes it', () => {
    // Values of org.apache.kafka.common.utils.Utils.murmur2 (Kafka's own UtilsTest vectors).
    expect(murmur2(text('21'))).toBe(-973932308);
    expect(murmur2(text('foobar'))).toBe(-790332482);
    expect(murmur2(text('a-little-bit-long-string'))).toBe(-985981536);
    expect(murmur2(text('a-little-bit-longer-string'))).toBe(-1486304829);
    expect(murmur2(text('lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8'))).toBe(-58897971);
    expect(murmur2(new Uint8Array([97, 98, 99]))).toBe(479470107);
  });

  it('spreads keys over the partitions as the REST QTT table scans show (4 partitions)', () => {
    // pull-queries-against-materialized-aggregates: rows come back partition by partition.
    expect([75, 50, 11].map((k) => kafkaPartition(int32(k), 4))).toEqual([0, 2, 3]);
    expect(['11', '10', '8'].map((k) => kafkaPartition(text(k), 4))).toEqual([0, 2, 3]);
  });
});
