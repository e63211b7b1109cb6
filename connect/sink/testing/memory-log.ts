import type {
  KafkaRecord,
  ProducerRecord,
  TopicDescription,
  TopicLog,
} from '../../../ksql/engine/topics/topic-log.ts';

/**
 * A minimal TopicLog for the sink's own tests and benchmark (the engine's in-memory log is
 * written elsewhere). `read` returns at most `readLimit` records per call, which the
 * interface allows and which keeps a poll loop linear over long logs.
 */
export class MemoryTopicLog implements TopicLog {
  private readonly topics = new Map<string, { description: TopicDescription; partitions: KafkaRecord[][] }>();
  private readonly listeners = new Map<string, Set<(r: KafkaRecord) => void>>();

  constructor(private readonly readLimit = 10_000) {}

  createTopic(name: string, partitions: number, replicas = 1): void {
    if (this.topics.has(name)) return;
    this.topics.set(name, {
      description: { name, partitions, replicas },
      partitions: Array.from({ length: partitions }, () => []),
    });
  }
  deleteTopic(name: string): void {
    this.topics.delete(name);
  }
  describeTopic(name: string): TopicDescription | undefined {
    return this.topics.get(name)?.description;
  }
  listTopics(): readonly TopicDescription[] {
    return [...this.topics.values()].map((t) => t.description);
  }
  append(topic: string, record: ProducerRecord): KafkaRecord {
    const t = this.topics.get(topic);
    if (!t) throw new Error(`unknown topic ${topic}`);
    const partition = record.partition ?? 0;
    const log = t.partitions[partition];
    if (!log) throw new Error(`unknown partition ${topic}-${partition}`);
    const stored: KafkaRecord = { ...record, topic, partition, offset: log.length };
    log.push(stored);
    for (const l of this.listeners.get(topic) ?? []) l(stored);
    return stored;
  }
  read(topic: string, partition: number, fromOffset: number): readonly KafkaRecord[] {
    return (
      this.topics.get(topic)?.partitions[partition]?.slice(fromOffset, fromOffset + this.readLimit) ?? []
    );
  }
  subscribe(topic: string, listener: (record: KafkaRecord) => void): () => void {
    const set = this.listeners.get(topic) ?? new Set();
    set.add(listener);
    this.listeners.set(topic, set);
    return () => set.delete(listener);
  }
}
