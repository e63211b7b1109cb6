import { KsqlRuntimeError } from '../errors.ts';
import { kafkaPartition } from './kafka-partitioner.ts';
import type { KafkaRecord, ProducerRecord, TopicDescription, TopicLog } from './topic-log.ts';

interface PartitionLog {
  /** Offset of `records[0]`. */
  base: number;
  records: KafkaRecord[];
}

interface TopicState {
  readonly description: TopicDescription;
  readonly partitions: PartitionLog[];
  readonly listeners: Set<(record: KafkaRecord) => void>;
  /** Round-robin cursor for null keys. */
  nextPartition: number;
}

export interface InMemoryTopicLogOptions {
  /**
   * Keep at most about this many records per partition (older ones are dropped, offsets keep
   * counting), like a size-based retention; unlimited by default (tests read whole topics).
   */
  readonly retainRecordsPerPartition?: number;
}

/**
 * The in-memory TopicLog: topics of N partitions, dense offsets per partition, synchronous
 * subscribers called in append order. Keyed records go where Kafka's default partitioner puts
 * them (`kafka-partitioner.ts`); null keys round-robin.
 */
export function createInMemoryTopicLog(options: InMemoryTopicLogOptions = {}): TopicLog & { clear(): void } {
  const retain = options.retainRecordsPerPartition ?? Infinity;
  const topics = new Map<string, TopicState>();

  const get = (name: string): TopicState => {
    const t = topics.get(name);
    if (!t) throw new KsqlRuntimeError(`Topic '${name}' does not exist`);
    return t;
  };

  return {
    createTopic(name, partitions, replicas = 1) {
      const existing = topics.get(name);
      if (existing) {
        if (existing.description.partitions !== partitions) {
          throw new KsqlRuntimeError(
            `A Kafka topic with the name '${name}' already exists, with different partition/replica configuration than required. KSQL expects ${partitions} partitions (topic has ${existing.description.partitions}).`,
          );
        }
        return;
      }
      topics.set(name, {
        description: { name, partitions, replicas },
        partitions: Array.from({ length: Math.max(1, partitions) }, () => ({ base: 0, records: [] })),
        listeners: new Set(),
        nextPartition: 0,
      });
    },
    deleteTopic(name) {
      topics.delete(name);
    },
    describeTopic(name) {
      return topics.get(name)?.description;
    },
    listTopics() {
      return [...topics.values()].map((t) => t.description);
    },
    append(topic, record: ProducerRecord) {
      const t = get(topic);
      const count = t.partitions.length;
      let partition = record.partition;
      if (partition === undefined) {
        if (count === 1) partition = 0;
        else if (record.key === null) partition = t.nextPartition++ % count;
        else partition = kafkaPartition(record.key, count);
      }
      const log = t.partitions[partition];
      if (!log) throw new KsqlRuntimeError(`Topic '${topic}' has no partition ${partition}`);
      const stored: KafkaRecord = {
        topic,
        partition,
        offset: log.base + log.records.length,
        timestamp: record.timestamp,
        key: record.key,
        value: record.value,
        headers: record.headers,
      };
      log.records.push(stored);
      if (log.records.length > 2 * retain) {
        const drop = log.records.length - retain;
        log.records = log.records.slice(drop);
        log.base += drop;
      }
      for (const l of t.listeners) l(stored);
      return stored;
    },
    read(topic, partition, fromOffset) {
      const log = get(topic).partitions[partition];
      if (!log) return [];
      return log.records.slice(Math.max(0, fromOffset - log.base));
    },
    subscribe(topic, listener) {
      const t = get(topic);
      t.listeners.add(listener);
      return () => {
        t.listeners.delete(listener);
      };
    },
    clear() {
      topics.clear();
    },
  };
}
