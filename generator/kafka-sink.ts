import {
  Kafka,
  logLevel,
  type Admin,
  type KafkaConfig,
  type Message,
  type Producer,
  type ProducerConfig,
} from 'kafkajs';
import { RuntimeFailure, ServiceUnavailableError } from '../common/errors.ts';
import { OrderEncoder } from './avro.ts';
import type { Clock } from './clock.ts';
import { withDeadline } from './deadline.ts';
import { type GeneratedEvent, orderKey } from './events.ts';
import { keyPartition, presetPartitioner } from './partition.ts';
import { ThreadProducer } from './producer-thread.ts';
import type { Sink } from './sink.ts';
import type { RunStats } from './stats.ts';

export interface KafkaSinkOptions {
  readonly brokers: string;
  readonly topic: string;
  /** Truth records go here (JSON values); undefined = not to Kafka. */
  readonly truthTopic: string | undefined;
  /** Partitions of the orders topic (`open` reads them from the broker; topics it creates get this many). */
  readonly partitions: number;
  readonly schemaId: number;
  readonly clock: Clock;
  readonly stats: RunStats;
  /** Idempotent producers, each owning the partitions p with p % producers === its index. */
  readonly producers?: number;
  /** Largest number of records per partition in one send. */
  readonly maxPartitionRecords?: number;
  /** Written-but-unacknowledged records above which `write` waits. */
  readonly highWater?: number;
  /** How long a producer with nothing in flight waits for its batch to fill before sending. */
  readonly lingerMs?: number;
  /** Run each producer in its own worker thread (ThreadProducer). */
  readonly threads?: boolean;
}

/** The part of a kafkajs producer the sink uses (a stand-in in unit tests). */
export type SendingProducer = Pick<Producer, 'sendBatch' | 'disconnect'>;

/** Fail within this long when the broker does not answer at start. */
export const KAFKA_CONNECT_DEADLINE_MS = 8_000;

/**
 * A send costs kafkajs ~0.4 ms of CPU whatever it carries (request, record batch and encoder
 * objects, promise chains). Paced at 10,000/s the pacer hands over ~50 records every 5 ms, and
 * sending each handful at once made ~400 sends/s; lingering up to 20 ms for more (kafkajs has no
 * linger.ms of its own) cuts the sends and the generator's CPU. Latency grows by the same
 * constant for every record, so acknowledged rates over any span are unchanged.
 */
export const DEFAULT_LINGER_MS = 20;

/** Producers run in worker threads by default: see ThreadProducer. */
export const DEFAULT_THREADS = true;

/** Producers per run by default: see `KafkaSink` for why more than one. */
export const DEFAULT_PRODUCERS = 2;

interface Pending {
  readonly topic: string;
  readonly message: Message;
  readonly bytes: number;
  readonly at: number;
  readonly isRecord: boolean;
}

/** One producer and its queue: exactly one send in flight. */
interface Lane {
  readonly producer: SendingProducer;
  queue: Pending[];
  head: number;
  inFlight: Promise<void> | undefined;
  inFlightRecords: number;
  /** A linger timer is pending. */
  lingering: boolean;
  /** Partitions of the orders topic this lane owns (a send's per-partition cap applies to each). */
  readonly partitions: number;
}

/**
 * Produces to Kafka through kafkajs with acks=all and idempotent producers. Each producer has
 * exactly ONE send in flight: kafkajs 2.2.4's idempotent producer loses acknowledged messages
 * when sends run concurrently (kafkajs issue #1005), so maxInFlightRequests is set to 1
 * explicitly and records that arrive during a send are batched into the next one (kafkajs has
 * no linger.ms: a batch is what one send carries).
 *
 * Several producers (`producers`, 2 by default), each with its own connection, producer id and
 * sequence numbers, own disjoint sets of partitions (partition p belongs to producer
 * p % producers), so each partition still has one writer appending in emission order. Their
 * sends overlap: one producer's request is encoded while the other's is at the broker. By
 * default each producer runs in its own worker thread (ThreadProducer), because kafkajs's
 * per-record work is three times the generator's own. Measured unpaced on the shared 2-vCPU
 * machine: one in-process producer waited on the broker ~27 % of the time, two in-process
 * producers gave +12 % acknowledged records/s, a third nothing more (one thread, CPU-bound);
 * two producer threads gave 109,000-112,000 records/s against 61,000-68,000 in-process (load
 * average ~2). The partition is computed here (`keyPartition`, the same as kafkajs's and Java's
 * default partitioner) and set on each message.
 */
export class KafkaSink implements Sink {
  private readonly lanes: Lane[];
  private waiters: (() => void)[] = [];
  private fatal: Error | undefined;
  private readonly maxPartitionRecords: number;
  private readonly maxPartitionBytes: number;
  private readonly highWater: number;
  private readonly lingerMs: number;
  private readonly partitions: number;
  /** Set by flush: send whatever is queued without lingering. */
  private draining = false;

  private constructor(
    private readonly opts: KafkaSinkOptions,
    producers: readonly SendingProducer[],
    private readonly encoder: OrderEncoder,
  ) {
    this.partitions = Math.max(1, opts.partitions);
    const n = Math.max(1, Math.min(producers.length, this.partitions));
    this.lanes = producers.slice(0, n).map((producer, i) => ({
      producer,
      queue: [],
      head: 0,
      inFlight: undefined,
      inFlightRecords: 0,
      lingering: false,
      partitions: Math.ceil((this.partitions - i) / n),
    }));
    // kafkajs 2.2.4 groups a send's messages per partition with `[...current, message]`
    // (groupMessagesPerPartition.js): quadratic in the messages per partition, in time and in
    // garbage (a 20,000-record send over 6 partitions copied ~33 M array slots). So a send
    // carries at most 600 records per partition; overlapping sends cover the rate.
    this.maxPartitionRecords = opts.maxPartitionRecords ?? 600;
    // The broker's message.max.bytes (1 MiB by default) caps one partition's batch; stay below it.
    this.maxPartitionBytes = 700_000;
    this.highWater = opts.highWater ?? 50_000;
    this.lingerMs = opts.lingerMs ?? DEFAULT_LINGER_MS;
  }

  /** Connects (within ~8 s or a ServiceUnavailableError naming the address), creates missing topics. */
  static async open(opts: KafkaSinkOptions): Promise<KafkaSink> {
    const kafkaConfig: KafkaConfig = {
      clientId: 'fraud-generator',
      brokers: opts.brokers.split(',').map((b) => b.trim()),
      connectionTimeout: 3_000,
      requestTimeout: 30_000,
      logLevel: logLevel.NOTHING,
      retry: { retries: 3, initialRetryTime: 300, maxRetryTime: 2_000 },
    };
    const kafka = new Kafka(kafkaConfig);
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
    const producerConfig: ProducerConfig = {
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
    };
    const threads = opts.threads ?? DEFAULT_THREADS;
    const producers = Array.from({ length: Math.max(1, opts.producers ?? DEFAULT_PRODUCERS) }, () =>
      threads
        ? new ThreadProducer()
        : kafka.producer({ ...producerConfig, createPartitioner: presetPartitioner }),
    );
    let partitions = opts.partitions;
    try {
      await withDeadline(
        (async () => {
          await admin.connect();
          await ensureTopics(
            admin,
            [opts.topic, ...(opts.truthTopic ? [opts.truthTopic] : [])],
            opts.partitions,
          );
          // An existing topic keeps its own partition count.
          const meta = await admin.fetchTopicMetadata({ topics: [opts.topic] });
          partitions = meta.topics[0]?.partitions.length ?? opts.partitions;
          await Promise.all(
            producers.map((p) =>
              p instanceof ThreadProducer ? p.connect(kafkaConfig, producerConfig) : p.connect(),
            ),
          );
        })(),
        KAFKA_CONNECT_DEADLINE_MS,
        () => new Error(`no answer within ${KAFKA_CONNECT_DEADLINE_MS / 1000} s`),
      );
    } catch (err) {
      await Promise.allSettled([admin.disconnect(), ...producers.map((p) => p.disconnect())]);
      throw unreachable(err);
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
    return new KafkaSink({ ...opts, partitions }, producers, new OrderEncoder(opts.schemaId));
  }

  /** A sink over already connected producers (tests use stand-ins). */
  static withProducers(opts: KafkaSinkOptions, producers: readonly SendingProducer[]): KafkaSink {
    return new KafkaSink(opts, producers, new OrderEncoder(opts.schemaId));
  }

  get unacknowledged(): number {
    let n = 0;
    for (const lane of this.lanes) n += lane.queue.length - lane.head + lane.inFlightRecords;
    return n;
  }

  async write(events: readonly GeneratedEvent[]): Promise<void> {
    if (this.fatal) throw this.fatal;
    const at = this.opts.clock.now();
    const topic = this.opts.topic;
    const lanes = this.lanes;
    for (const e of events) {
      if (e.kind === 'order') {
        const value = this.encoder.encode(e.order);
        const key = orderKey(e.order);
        const partition = keyPartition(key, this.partitions);
        (lanes[partition % lanes.length] as Lane).queue.push({
          topic,
          message: { key, value, partition },
          bytes: value.length + 40,
          at,
          isRecord: true,
        });
      } else if (e.kind === 'raw') {
        const value =
          e.schemaId === null
            ? Buffer.from(e.body)
            : OrderEncoder.withHeader(e.schemaId === 'registered' ? this.opts.schemaId : e.schemaId, e.body);
        const partition = keyPartition(e.key, this.partitions);
        (lanes[partition % lanes.length] as Lane).queue.push({
          topic,
          message: { key: e.key, value, partition },
          bytes: value.length + 40,
          at,
          isRecord: true,
        });
      } else if (this.opts.truthTopic) {
        // Truth is rare: the first producer carries it, partitioned by kafkajs from its key.
        const value = Buffer.from(JSON.stringify(e.truth));
        (lanes[0] as Lane).queue.push({
          topic: this.opts.truthTopic,
          message: { key: e.truth.entity, value },
          bytes: value.length + 40,
          at,
          isRecord: false,
        });
      }
    }
    for (const lane of lanes) this.pump(lane);
    while (this.unacknowledged > this.highWater && !this.fatal) {
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
    if (this.fatal) throw this.fatal;
  }

  async flush(): Promise<void> {
    this.draining = true;
    for (;;) {
      if (this.fatal) throw this.fatal;
      for (const lane of this.lanes) this.pump(lane);
      const inFlight = this.lanes.flatMap((l) => (l.inFlight ? [l.inFlight] : []));
      if (inFlight.length === 0) return;
      await Promise.all(inFlight);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.lanes.map((l) => l.producer.disconnect()));
  }

  /** Starts the lane's next send if none is in flight and its batch is full or has lingered enough. */
  private pump(lane: Lane): void {
    if (lane.inFlight || lane.head >= lane.queue.length || this.fatal) return;
    const maxRecords = this.maxPartitionRecords * lane.partitions;
    if (!this.draining && lane.queue.length - lane.head < maxRecords) {
      const wait = (lane.queue[lane.head] as Pending).at + this.lingerMs - this.opts.clock.now();
      if (wait > 0) {
        if (!lane.lingering) {
          lane.lingering = true;
          void this.opts.clock.sleep(wait).then(() => {
            lane.lingering = false;
            this.pump(lane);
          });
        }
        return;
      }
    }
    const batch: Pending[] = [];
    const maxBytes = this.maxPartitionBytes * lane.partitions;
    let bytes = 0;
    let records = 0;
    while (lane.head < lane.queue.length && batch.length < maxRecords && bytes < maxBytes) {
      const p = lane.queue[lane.head++] as Pending;
      batch.push(p);
      bytes += p.bytes;
      if (p.isRecord) records++;
    }
    if (lane.head > 100_000 && lane.head * 2 > lane.queue.length) {
      lane.queue = lane.queue.slice(lane.head);
      lane.head = 0;
    }
    lane.inFlightRecords = records;
    lane.inFlight = this.send(lane.producer, batch).finally(() => {
      lane.inFlight = undefined;
      lane.inFlightRecords = 0;
      const waiters = this.waiters;
      this.waiters = [];
      for (const w of waiters) w();
      this.pump(lane);
    });
  }

  private async send(producer: SendingProducer, batch: readonly Pending[]): Promise<void> {
    const byTopic = new Map<string, Message[]>();
    for (const p of batch) {
      const list = byTopic.get(p.topic);
      if (list) list.push(p.message);
      else byTopic.set(p.topic, [p.message]);
    }
    const topicMessages = [...byTopic].map(([topic, messages]) => ({ topic, messages }));
    for (let attempt = 1; ; attempt++) {
      try {
        await producer.sendBatch({ acks: -1, topicMessages });
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
