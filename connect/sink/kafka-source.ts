import { Kafka, logLevel, type Consumer, type Producer } from 'kafkajs';
import { ServiceUnavailableError } from '../../common/errors.ts';
import type { KafkaRecord } from '../../ksql/engine/topics/topic-log.ts';
import type { SchemaRegistryClient } from '../../ksql/engine/serde/schema-registry.ts';
import type { ConnectorFile } from '../config/validate.ts';
import { parseSinkConfig } from './config.ts';
import type { SinkDatabase } from './database.ts';
import { JdbcSinkTask } from './task.ts';
import type { DeadLetterProducer } from './dead-letters.ts';
import { tpKey, type OffsetMap, type RecordSource } from './source.ts';

export interface KafkaSourceOptions {
  /** `host:port[,host:port]`. */
  readonly brokers: string;
  readonly connector: string;
  readonly topics: readonly string[];
  readonly topicsRegex?: RegExp | undefined;
  /** Records buffered ahead of poll() before fetching pauses (default 10,000). */
  readonly maxBuffered?: number;
}

/**
 * A RecordSource over a real Kafka cluster, the way Connect's WorkerSinkTask consumes: consumer
 * group `connect-<connector name>`, earliest offset for a new group, no auto-commit (commit()
 * after Postgres committed), rewind() seeks back to the last committed offsets.
 */
export class KafkaRecordSource implements RecordSource {
  private buffer: KafkaRecord[] = [];
  private readonly committed = new Map<string, number>();
  /** First offset fetched per partition, the rewind target before anything was committed. */
  private readonly firstFetched = new Map<string, { topic: string; partition: number; offset: number }>();
  private generation = 0;
  private waiters: (() => void)[] = [];
  private appended = false;

  private constructor(
    private readonly consumer: Consumer,
    private readonly maxBuffered: number,
  ) {}

  static async open(options: KafkaSourceOptions): Promise<KafkaRecordSource> {
    const kafka = kafkaClient(options.brokers, `connector-${options.connector}`);
    const consumer = kafka.consumer({
      groupId: `connect-${options.connector}`,
      allowAutoTopicCreation: false,
    });
    try {
      await consumer.connect();
    } catch (err) {
      throw unreachable(options.brokers, err);
    }
    const source = new KafkaRecordSource(consumer, options.maxBuffered ?? 10_000);
    await consumer.subscribe({
      topics: options.topicsRegex ? [options.topicsRegex] : [...options.topics],
      fromBeginning: true,
    });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
        const generation = source.generation;
        const live = () => isRunning() && !isStale() && generation === source.generation;
        for (const m of batch.messages) {
          while (source.buffer.length >= source.maxBuffered && live()) {
            await heartbeat();
            await new Promise((r) => setTimeout(r, 20));
          }
          if (!live()) return;
          const key = tpKey(batch.topic, batch.partition);
          const offset = Number(m.offset);
          if (!source.firstFetched.has(key)) {
            source.firstFetched.set(key, { topic: batch.topic, partition: batch.partition, offset });
          }
          source.buffer.push({
            topic: batch.topic,
            partition: batch.partition,
            offset,
            timestamp: Number(m.timestamp),
            key: m.key ?? null,
            value: m.value ?? null,
            headers: Object.entries(m.headers ?? {}).flatMap(([k, v]) =>
              (Array.isArray(v) ? v : [v]).map((x) => ({
                key: k,
                value: x === undefined ? null : typeof x === 'string' ? Buffer.from(x) : x,
              })),
            ),
          });
          resolveOffset(m.offset);
        }
        source.wake();
      },
    });
    return source;
  }

  async poll(max: number): Promise<readonly KafkaRecord[]> {
    this.appended = false;
    return this.buffer.splice(0, max);
  }

  async commit(offsets: OffsetMap): Promise<void> {
    const entries: { topic: string; partition: number; offset: string }[] = [];
    for (const [key, next] of offsets) {
      const [topic, partition] = key.split('\u0000') as [string, string];
      entries.push({ topic, partition: Number(partition), offset: String(next) });
      this.committed.set(key, next);
    }
    await this.consumer.commitOffsets(entries);
  }

  /** Drops what was fetched and seeks every fetched partition back to its committed offset. */
  async rewind(): Promise<void> {
    this.generation++;
    this.buffer = [];
    for (const [key, first] of this.firstFetched) {
      const offset = this.committed.get(key) ?? first.offset;
      this.consumer.seek({ topic: first.topic, partition: first.partition, offset: String(offset) });
    }
  }

  waitForRecords(timeoutMs: number): Promise<void> {
    if (this.appended || this.buffer.length > 0) {
      this.appended = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(done, timeoutMs);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.waiters.push(done);
    });
  }

  async close(): Promise<void> {
    this.wake();
    await this.consumer.disconnect();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    this.appended = waiters.length === 0;
    for (const w of waiters) w();
  }
}

/** Dead letters produced to Kafka (acks=all); the DLQ topic is created on first use, as Connect does. */
export async function kafkaDeadLetters(
  brokers: string,
  connector: string,
): Promise<DeadLetterProducer & { close(): Promise<void> }> {
  const kafka = kafkaClient(brokers, `connector-dlq-${connector}`);
  const producer: Producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  const admin = kafka.admin();
  try {
    await Promise.all([producer.connect(), admin.connect()]);
  } catch (err) {
    throw unreachable(brokers, err);
  }
  const created = new Set<string>();
  return {
    async send(topic, record, replicationFactor) {
      if (!created.has(topic)) {
        await admin.createTopics({
          topics: [{ topic, numPartitions: 1, replicationFactor }],
          waitForLeaders: true,
        });
        created.add(topic);
      }
      await producer.send({
        topic,
        acks: -1,
        messages: [
          {
            key: record.key === null ? null : Buffer.from(record.key),
            value: record.value === null ? null : Buffer.from(record.value),
            timestamp: String(record.timestamp),
            headers: groupHeaders(record.headers),
          },
        ],
      });
    },
    async close() {
      await Promise.all([producer.disconnect(), admin.disconnect()]);
    },
  };
}

/** kafkajs takes repeated header keys as arrays. */
function groupHeaders(
  headers: readonly { key: string; value: Uint8Array | null }[],
): Record<string, Buffer[]> {
  const out: Record<string, Buffer[]> = {};
  for (const h of headers) (out[h.key] ??= []).push(Buffer.from(h.value ?? new Uint8Array()));
  return out;
}

function kafkaClient(brokers: string, clientId: string): Kafka {
  return new Kafka({
    clientId,
    brokers: brokers.split(',').map((b) => b.trim()),
    logLevel: logLevel.NOTHING,
    retry: { retries: 3 },
  });
}

function unreachable(brokers: string, err: unknown): ServiceUnavailableError {
  return new ServiceUnavailableError(
    'kafka',
    brokers,
    `cannot reach Kafka at ${brokers}: ${(err as Error).message}`,
    {
      hint: 'start it (npm run infra -- up) or pass the right bootstrap servers',
      cause: err,
    },
  );
}

/** One connector file consuming from a real Kafka cluster (group `connect-<name>`), DLQ to Kafka. */
export async function createKafkaSink(options: {
  readonly connector: ConnectorFile;
  readonly brokers: string;
  readonly registry: SchemaRegistryClient;
  readonly database: SinkDatabase;
  readonly errorLog?: (line: string) => void;
}): Promise<{ task: JdbcSinkTask; close(): Promise<void> }> {
  const config = parseSinkConfig(options.connector);
  const source = await KafkaRecordSource.open({
    brokers: options.brokers,
    connector: config.name,
    topics: config.topics,
    topicsRegex: config.topicsRegex,
  });
  const deadLetters =
    config.dlqTopic === undefined ? undefined : await kafkaDeadLetters(options.brokers, config.name);
  const task = new JdbcSinkTask({
    config,
    source,
    database: options.database,
    registry: options.registry,
    deadLetters,
    log: options.errorLog,
  });
  return {
    task,
    async close() {
      await task.stop();
      await deadLetters?.close();
    },
  };
}
