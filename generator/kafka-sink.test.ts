import type { ProducerBatch, RecordMetadata } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { decodeOrder } from './avro.ts';
import { ManualClock } from './clock.ts';
import type { GeneratedEvent } from './events.ts';
import { KafkaSink, type SendingProducer } from './kafka-sink.ts';
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

function sink(clock: ManualClock, producer: FakeProducer, stats: RunStats, partitions = 2) {
  return KafkaSink.withProducer(
    { brokers: 'b:1', topic: 'orders', truthTopic: 'orders_truth', partitions, schemaId: 9, clock, stats },
    producer,
  );
}

describe('KafkaSink', () => {
  it('keeps exactly one send in flight, batches what arrives meanwhile, and acknowledges every record', async () => {
    const clock = new ManualClock(0);
    const producer = new FakeProducer(clock, 7);
    const stats = new RunStats(clock, 2000);
    const s = sink(clock, producer, stats);
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
    const s = sink(clock, producer, stats);
    const all = events(2_000);
    await s.write(all);
    await s.flush();
    expect(stats.errors).toBe(2);
    expect(stats.acked).toBe(all.filter((e) => e.kind !== 'truth').length);
  });
});
