import { Kafka, logLevel, type Admin, type Message, type Producer } from 'kafkajs';
import { RuntimeFailure, ServiceUnavailableError } from '../common/errors.ts';
import { OrderEncoder } from './avro.ts';
import type { Clock } from './clock.ts';
import { withDeadline } from './deadline.ts';
import { type GeneratedEvent, orderKey } from './events.ts';
import type { Sink } from './sink.ts';
import type { RunStats } from './stats.ts';

export interface KafkaSinkOptions {
  readonly brokers: string;
  readonly topic: string;
  /** Truth records go here (JSON values); undefined = not to Kafka. */
  readonly truthTopic: string | undefined;
  /** Partitions for topics this sink creates (existing topics are left as they are). */
  readonly partitions: number;
  readonly schemaId: number;
  readonly clock: Clock;
  readonly stats: RunStats;
  /** Largest number of records in one send. */
  readonly maxBatchRecords?: number;
  /** Written-but-unacknowledged records above which `write` waits. */
  readonly highWater?: number;
}

/** The part of a kafkajs producer the sink uses (a stand-in in unit tests). */
export type SendingProducer = Pick<Producer, 'sendBatch' | 'disconnect'>;

/** Fail within this long when the broker does not answer at start. */
export const KAFKA_CONNECT_DEADLINE_MS = 8_000;

interface Pending {
  readonly topic: string;
  readonly message: Message;
  readonly bytes: number;
  readonly at: number;
  readonly isRecord: boolean;
}

/**
 * Produces to Kafka through kafkajs with acks=all and the idempotent producer, and exactly ONE
 * send in flight: kafkajs 2.2.4's idempotent producer loses acknowledged messages when sends run
 * concurrently (kafkajs issue #1005), so maxInFlightRequests is set to 1 explicitly and records
 * that arrive during a send are batched into the next one (kafkajs has no linger.ms: a batch is
 * what one send carries).
 */
export class KafkaSink implements Sink {
  private readonly queue: Pending[] = [];
  private queueHead = 0;
  private inFlight: Promise<void> | undefined;
  private inFlightRecords = 0;
  private waiters: (() => void)[] = [];
  private fatal: Error | undefined;
  private readonly maxBatchRecords: number;
  private readonly maxBatchBytes: number;
  private readonly highWater: number;

  private constructor(
    private readonly opts: KafkaSinkOptions,
    private readonly producer: SendingProducer,
    private readonly encoder: OrderEncoder,
  ) {
    // kafkajs 2.2.4 groups a send's messages per partition with `[...current, message]`
    // (groupMessagesPerPartition.js): quadratic in the messages per partition, in time and in
    // garbage (a 20,000-record send over 6 partitions copied ~33 M array slots). So a send
    // carries at most ~600 records per partition; one send in flight still covers the rate.
    this.maxBatchRecords = opts.maxBatchRecords ?? Math.max(1_000, 600 * opts.partitions);
    // The broker's message.max.bytes (1 MiB by default) caps one partition's batch; stay below it.
    this.maxBatchBytes = 700_000 * Math.max(1, opts.partitions);
    this.highWater = opts.highWater ?? 50_000;
  }

  /** Connects (within ~8 s or a ServiceUnavailableError naming the address), creates missing topics. */
  static async open(opts: KafkaSinkOptions): Promise<KafkaSink> {
    const kafka = new Kafka({
      clientId: 'fraud-generator',
      brokers: opts.brokers.split(',').map((b) => b.trim()),
      connectionTimeout: 3_000,
      requestTimeout: 30_000,
      logLevel: logLevel.NOTHING,
      retry: { retries: 3, initialRetryTime: 300, maxRetryTime: 2_000 },
    });
    const unreachable = (err: unknown) =>
      new ServiceUnavailableError(
        'kafka',
        opts.brokers,
        `cannot reach Kafka at ${opts.brokers}: ${err instanceof Error ? err.message : String(err)}`,
        {
          hint: 'start the test services with `npm run infra -- up`, or pass --bootstrap-server / set KAFKA_BOOTSTRAP_SERVERS',
          cause: err,
        },
      );
    const admin = kafka.admin();
    const producer = kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
    });
    try {
      await withDeadline(
        (async () => {
          await admin.connect();
          await ensureTopics(
            admin,
            [opts.topic, ...(opts.truthTopic ? [opts.truthTopic] : [])],
            opts.partitions,
          );
          await producer.connect();
        })(),
        KAFKA_CONNECT_DEADLINE_MS,
        () => new Error(`no answer within ${KAFKA_CONNECT_DEADLINE_MS / 1000} s`),
      );
    } catch (err) {
      await Promise.allSettled([admin.disconnect(), producer.disconnect()]);
      throw unreachable(err);
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
    return new KafkaSink(opts, producer, new OrderEncoder(opts.schemaId));
  }

  /** A sink over an already connected producer (tests use a stand-in). */
  static withProducer(opts: KafkaSinkOptions, producer: SendingProducer): KafkaSink {
    return new KafkaSink(opts, producer, new OrderEncoder(opts.schemaId));
  }

  get unacknowledged(): number {
    return this.queue.length - this.queueHead + this.inFlightRecords;
  }

  async write(events: readonly GeneratedEvent[]): Promise<void> {
    if (this.fatal) throw this.fatal;
    const at = this.opts.clock.now();
    for (const e of events) {
      if (e.kind === 'order') {
        const value = this.encoder.encode(e.order);
        this.queue.push({
          topic: this.opts.topic,
          message: { key: orderKey(e.order), value },
          bytes: value.length + 40,
          at,
          isRecord: true,
        });
      } else if (e.kind === 'raw') {
        const value =
          e.schemaId === null
            ? Buffer.from(e.body)
            : OrderEncoder.withHeader(e.schemaId === 'registered' ? this.opts.schemaId : e.schemaId, e.body);
        this.queue.push({
          topic: this.opts.topic,
          message: { key: e.key, value },
          bytes: value.length + 40,
          at,
          isRecord: true,
        });
      } else if (this.opts.truthTopic) {
        const value = Buffer.from(JSON.stringify(e.truth));
        this.queue.push({
          topic: this.opts.truthTopic,
          message: { key: e.truth.entity, value },
          bytes: value.length + 40,
          at,
          isRecord: false,
        });
      }
    }
    this.pump();
    while (this.unacknowledged > this.highWater && !this.fatal) {
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
    if (this.fatal) throw this.fatal;
  }

  async flush(): Promise<void> {
    while ((this.inFlight || this.queueHead < this.queue.length) && !this.fatal) {
      this.pump();
      await this.inFlight;
    }
    if (this.fatal) throw this.fatal;
  }

  async close(): Promise<void> {
    await this.producer.disconnect();
  }

  /** Starts the next send if none is in flight. */
  private pump(): void {
    if (this.inFlight || this.queueHead >= this.queue.length || this.fatal) return;
    const batch: Pending[] = [];
    let bytes = 0;
    while (
      this.queueHead < this.queue.length &&
      batch.length < this.maxBatchRecords &&
      bytes < this.maxBatchBytes
    ) {
      const p = this.queue[this.queueHead++] as Pending;
      batch.push(p);
      bytes += p.bytes;
    }
    if (this.queueHead > 100_000 && this.queueHead * 2 > this.queue.length) {
      this.queue.splice(0, this.queueHead);
      this.queueHead = 0;
    }
    this.inFlightRecords = batch.reduce((n, p) => n + (p.isRecord ? 1 : 0), 0);
    this.inFlight = this.send(batch).finally(() => {
      this.inFlight = undefined;
      this.inFlightRecords = 0;
      const waiters = this.waiters;
      this.waiters = [];
      for (const w of waiters) w();
      this.pump();
    });
  }

  private async send(batch: readonly Pending[]): Promise<void> {
    const byTopic = new Map<string, Message[]>();
    for (const p of batch) {
      const list = byTopic.get(p.topic);
      if (list) list.push(p.message);
      else byTopic.set(p.topic, [p.message]);
    }
    const topicMessages = [...byTopic].map(([topic, messages]) => ({ topic, messages }));
    for (let attempt = 1; ; attempt++) {
      try {
        await this.producer.sendBatch({ acks: -1, topicMessages });
        break;
      } catch (err) {
        this.opts.stats.errors++;
        if (attempt >= 5) {
          this.fatal = new RuntimeFailure(
            `producing to ${this.opts.topic} failed ${attempt} times: ${(err as Error).message}`,
            {
              hint: `check the broker at ${this.opts.brokers}`,
              cause: err,
            },
          );
          return;
        }
        await this.opts.clock.sleep(200 * attempt);
      }
    }
    const now = this.opts.clock.now();
    let bytes = 0;
    // Records in one batch were written at a handful of distinct moments; one histogram entry each.
    let runAt = NaN;
    let runCount = 0;
    for (const p of batch) {
      if (!p.isRecord) continue;
      bytes += p.bytes - 40;
      if (p.at !== runAt) {
        if (runCount > 0) this.opts.stats.recordAck(runCount, now - runAt, 0);
        runAt = p.at;
        runCount = 0;
      }
      runCount++;
    }
    if (runCount > 0) this.opts.stats.recordAck(runCount, now - runAt, 0);
    this.opts.stats.bytes += bytes;
  }
}

async function ensureTopics(admin: Admin, topics: readonly string[], partitions: number): Promise<void> {
  const existing = new Set(await admin.listTopics());
  const missing = topics.filter((t) => !existing.has(t));
  if (missing.length === 0) return;
  await admin.createTopics({
    waitForLeaders: true,
    topics: missing.map((topic) => ({ topic, numPartitions: partitions })),
  });
}
