import type { ProducerBatch, RecordMetadata } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { decodeOrder } from './avro.ts';
import { ManualClock } from './clock.ts';
import type { GeneratedEvent } from './events.ts';
import { KafkaSink, type SendingProducer } from './kafka-sink.ts';
import { keyPartition } from './partition.ts';
import { OrderSource } from './source.ts';
import { RunStats } from './stats.ts';

/** A producer stand-in that acknowledges each send after `ackMs` on the manual clock. */
class FakeProducer implements SendingProducer {
  active = 0;
  maxActive = 0;
  sends: ProducerBatch[] = [];
  failures = 0;
  constructor(
    private readonly clock: ManualClock,
    private readonly ackMs: number,
  ) {}
  async sendBatch(batch: ProducerBatch): Promise<RecordMetadata[]> {
    this.active++;
    this.maxActive = Math.max(this.maxActive, this.active);
    this.sends.push(batch);
    await new Promise<void>((resolve) => setImmediate(resolve)); // writes keep arriving meanwhile
    this.clock.advance(this.ackMs);
    this.active--;
    if (this.failures > 0) {
      this.failures--;
      throw new Error('NOT_LEADER_FOR_PARTITION');
    }
    return [];
  }
  async disconnect(): Promise<void> {}
}

function events(n: number): GeneratedEvent[] {
  const src = new OrderSource({
    scenarios: ['baseline', 'malformed', 'macro-bot'],
    rate: 2000,
    seed: 'sink',
    startMs: Date.UTC(2026, 0, 1),
    count: n,
  });
  return [...src];
}

function sink(clock: ManualClock, producers: FakeProducer[], stats: RunStats, partitions = 2) {
  return KafkaSink.withProducers(
    { brokers: 'b:1', topic: 'orders', truthTopic: 'orders_truth', partitions, schemaId: 9, clock, stats },
    producers,
  );
}

describe('KafkaSink', () => {
  it('keeps exactly one send in flight, batches what arrives meanwhile, and acknowledges every record', async () => {
    const clock = new ManualClock(0);
    const producer = new FakeProducer(clock, 7);
    const stats = new RunStats(clock, 2000);
    const s = sink(clock, [producer], stats);
    const all = events(30_000);
    for (let i = 0; i < all.length; i += 500) await s.write(all.slice(i, i + 500));
    await s.flush();
    expect(producer.maxActive).toBe(1);
    expect(s.unacknowledged).toBe(0);
    const records = all.filter((e) => e.kind !== 'truth').length;
    expect(stats.acked).toBe(records);
    const sent = producer.sends.flatMap((b) => b.topicMessages ?? []);
    const orders = sent.filter((t) => t.topic === 'orders').flatMap((t) => t.messages);
    const truth = sent.filter((t) => t.topic === 'orders_truth').flatMap((t) => t.messages);
    expect(orders).toHaveLength(records);
    expect(truth).toHaveLength(all.length - records);
    // Writes that arrive during a send are batched into the next one, up to 600 records per
    // partition; acks=all on every send.
    const sizes = producer.sends.map((b) =>
      (b.topicMessages ?? []).reduce((n, t) => n + t.messages.length, 0),
    );
    expect(Math.max(...sizes)).toBeGreaterThan(500);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(1_200);
    for (const b of producer.sends) expect(b.acks).toBe(-1);
    // Values are in the wire format with the registered id; poison records keep their defects.
    const first = orders.find((m) => !String(m.key).startsWith('malformed-'));
    expect(decodeOrder(first?.value as Buffer).order_id).toBe(String(first?.key));
    const raw = orders.filter((m) => String(m.key).startsWith('malformed-')).map((m) => m.value as Buffer);
    expect(raw.some((v) => v[0] !== 0)).toBe(true); // bad magic byte
    expect(raw.some((v) => v[0] === 0 && v.readUInt32BE(1) === 9)).toBe(true); // registered id, broken body
    expect(stats.percentileMs(99)).toBeGreaterThanOrEqual(7);
  });

  it('retries a failed send (counting the error) and still delivers everything', async () => {
    const clock = new ManualClock(0);
    const producer = new FakeProducer(clock, 3);
    producer.failures = 2;
    const stats = new RunStats(clock, 2000);
    const s = sink(clock, [producer], stats);
    const all = events(2_000);
    await s.write(all);
    await s.flush();
    expect(stats.errors).toBe(2);
    expect(stats.acked).toBe(all.filter((e) => e.kind !== 'truth').length);
  });

  it('gives each producer its own partitions (p % producers), one send in flight each, emission order kept per partition', async () => {
    const clock = new ManualClock(0);
    const producers = [new FakeProducer(clock, 5), new FakeProducer(clock, 5), new FakeProducer(clock, 5)];
    const stats = new RunStats(clock, 2000);
    const s = sink(clock, producers, stats, 6);
    const all = events(20_000);
    for (let i = 0; i < all.length; i += 700) await s.write(all.slice(i, i + 700));
    await s.flush();
    expect(s.unacknowledged).toBe(0);
    const records = all.filter((e) => e.kind !== 'truth');
    expect(stats.acked).toBe(records.length);
    const byPartition = new Map<number, string[]>();
    producers.forEach((producer, i) => {
      expect(producer.maxActive).toBe(1);
      expect(producer.sends.length).toBeGreaterThan(1);
      for (const b of producer.sends) {
        for (const t of b.topicMessages ?? []) {
          if (t.topic !== 'orders') {
            expect(i).toBe(0); // truth rides with the first producer
            continue;
          }
          for (const m of t.messages) {
            const key = String(m.key);
            expect(m.partition).toBe(keyPartition(key, 6));
            expect((m.partition as number) % 3).toBe(i);
            const list = byPartition.get(m.partition as number) ?? [];
            list.push(key);
            byPartition.set(m.partition as number, list);
          }
        }
      }
    });
    expect([...byPartition.keys()].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    for (const [partition, keys] of byPartition) {
      const expected = records
        .map((e) => (e.kind === 'order' ? e.order.order_id : e.kind === 'raw' ? e.key : ''))
        .filter((k) => keyPartition(k, 6) === partition);
      expect(keys).toEqual(expected);
    }
  });

  it('lingers up to lingerMs for a fuller batch, sends a full batch at once, and flush does not linger', async () => {
    /** Timers fire only when the test says so. */
    class HeldClock extends ManualClock {
      timers: (() => void)[] = [];
      override sleep(ms: number): Promise<void> {
        return new Promise((resolve) =>
          this.timers.push(() => {
            this.advance(ms);
            resolve();
          }),
        );
      }
      fire(): void {
        const timers = this.timers;
        this.timers = [];
        for (const t of timers) t();
      }
    }
    const clock = new HeldClock(0);
    const producer = new FakeProducer(clock, 2);
    const stats = new RunStats(clock, 2000);
    const s = KafkaSink.withProducers(
      {
        brokers: 'b:1',
        topic: 'orders',
        truthTopic: undefined,
        partitions: 2,
        schemaId: 9,
        clock,
        stats,
        lingerMs: 20,
      },
      [producer],
    );
    const all = events(3_000).filter((e) => e.kind === 'order');
    for (let i = 0; i < 300; i += 30) await s.write(all.slice(i, i + 30));
    expect(producer.sends).toHaveLength(0); // 300 < 1,200 records: waiting for more
    expect(clock.timers).toHaveLength(1); // one linger timer, not one per write
    clock.fire();
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(producer.sends.map((b) => b.topicMessages?.[0]?.messages.length)).toEqual([300]);
    await new Promise<void>((resolve) => setImmediate(resolve));
    await s.write(all.slice(300, 1_500)); // a full batch (600 per partition x 2) goes at once
    expect(producer.sends).toHaveLength(2);
    await s.write(all.slice(1_500, 1_510));
    await s.flush(); // the last 10 without waiting for a timer
    expect(stats.acked).toBe(1_510);
  });
});
