import { describe, expect, it } from 'vitest';
import type { KafkaRecord } from './topic-log.ts';
import { createInMemoryTopicLog } from './in-memory-topic-log.ts';

const rec = (ts: number, key: string | null = null) => ({
  timestamp: ts,
  key: key === null ? null : new TextEncoder().encode(key),
  value: null,
  headers: [],
});

describe('in-memory topic log', () => {
  it('assigns dense offsets per partition and keeps a key on one partition', () => {
    const log = createInMemoryTopicLog();
    log.createTopic('t', 3);
    const a = log.append('t', rec(1, 'k'));
    const b = log.append('t', rec(2, 'k'));
    expect(b.partition).toBe(a.partition);
    expect(b.offset).toBe(a.offset + 1);
    expect(log.read('t', a.partition, 1).map((r) => r.timestamp)).toEqual([2]);
    expect(() => log.createTopic('t', 2)).toThrow(/different partition/);
  });

  it('calls subscribers synchronously in append order, until unsubscribed', () => {
    const log = createInMemoryTopicLog();
    log.createTopic('t', 1);
    const seen: KafkaRecord[] = [];
    const off = log.subscribe('t', (r) => seen.push(r));
    log.append('t', rec(1));
    log.append('t', rec(2));
    off();
    log.append('t', rec(3));
    expect(seen.map((r) => [r.offset, r.timestamp])).toEqual([
      [0, 1],
      [1, 2],
    ]);
  });

  it('drops old records past the retention while offsets keep counting', () => {
    const log = createInMemoryTopicLog({ retainRecordsPerPartition: 2 });
    log.createTopic('t', 1);
    for (let i = 0; i < 5; i++) log.append('t', rec(i));
    const kept = log.read('t', 0, 0);
    expect(kept.map((r) => r.offset)).toEqual([3, 4]);
    expect(log.append('t', rec(9)).offset).toBe(5);
  });
});
