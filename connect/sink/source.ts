import type { KafkaRecord, TopicLog } from '../../ksql/engine/topics/topic-log.ts';

export interface TopicPartition {
  readonly topic: string;
  readonly partition: number;
}

/** The next offset to read per partition (Kafka's committed-offset convention). */
export type OffsetMap = ReadonlyMap<string, number>;

export function tpKey(topic: string, partition: number): string {
  return `${topic}\u0000${partition}`;
}

/**
 * Where the sink reads records from: the consumer side of Kafka Connect's WorkerSinkTask.
 * Implemented over the engine's TopicLog here; a kafkajs consumer (manual commits, group
 * `connect-<name>`) implements the same interface for a real broker.
 */
export interface RecordSource {
  /** Up to `max` records from the current positions, in offset order within each partition. */
  poll(max: number): Promise<readonly KafkaRecord[]>;
  /** Commits `offsets` (next offset to read) after Postgres committed what precedes them. */
  commit(offsets: OffsetMap): Promise<void>;
  /** Moves every position back to the last committed offset (after a failed or retried put). */
  rewind(): Promise<void>;
  /** Resolves when new records may be available, or after `timeoutMs`. */
  waitForRecords(timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

/** Committed offsets of one connector (Connect keeps them in the consumer group `connect-<name>`). */
export interface OffsetStore {
  load(connector: string): Promise<OffsetMap>;
  save(connector: string, offsets: OffsetMap): Promise<void>;
}

/**
 * Offsets kept in memory, shared by every sink instance in the process. It has exactly the
 * lifetime of the in-memory TopicLog it indexes: a process restart loses both, and the
 * engine rebuilds the output topics from its input; offsets persisted beyond the log would
 * point past the records of a rebuilt log. Within a process a new sink instance (a
 * "restart") resumes from the last committed offsets.
 */
export class InMemoryOffsetStore implements OffsetStore {
  private readonly committed = new Map<string, Map<string, number>>();

  async load(connector: string): Promise<OffsetMap> {
    return new Map(this.committed.get(connector) ?? []);
  }

  async save(connector: string, offsets: OffsetMap): Promise<void> {
    const current = this.committed.get(connector) ?? new Map<string, number>();
    for (const [tp, next] of offsets) current.set(tp, next);
    this.committed.set(connector, current);
  }
}

export interface TopicLogSourceOptions {
  readonly connector: string;
  readonly topics: readonly string[];
  readonly topicsRegex?: RegExp | undefined;
  readonly offsets: OffsetStore;
}

/** A RecordSource over the engine's TopicLog, reading every partition of the subscribed topics. */
export class TopicLogSource implements RecordSource {
  private positions = new Map<string, number>();
  private committed: OffsetMap = new Map();
  private waiters: (() => void)[] = [];
  private readonly unsubscribe: (() => void)[] = [];
  private cursor = 0;

  private constructor(
    private readonly log: TopicLog,
    private readonly options: TopicLogSourceOptions,
  ) {}

  static async open(log: TopicLog, options: TopicLogSourceOptions): Promise<TopicLogSource> {
    const source = new TopicLogSource(log, options);
    source.committed = await options.offsets.load(options.connector);
    source.positions = new Map(source.committed);
    for (const topic of source.subscribedTopics()) source.listen(topic);
    return source;
  }

  private subscribedTopics(): string[] {
    const named = [...this.options.topics];
    const regex = this.options.topicsRegex;
    if (regex) for (const t of this.log.listTopics()) if (regex.test(t.name)) named.push(t.name);
    return named;
  }

  private listening = new Set<string>();
  /** Wake-ups on append; a topic the engine has not created yet is subscribed on a later poll. */
  private listen(topic: string): void {
    if (this.listening.has(topic) || !this.log.describeTopic(topic)) return;
    this.listening.add(topic);
    this.unsubscribe.push(this.log.subscribe(topic, () => this.wake()));
  }

  /** Set by an append nobody was waiting for, so the next wait returns at once (no lost wake-up). */
  private appended = false;

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    this.appended = waiters.length === 0;
    for (const w of waiters) w();
  }

  private partitions(): TopicPartition[] {
    const out: TopicPartition[] = [];
    for (const topic of this.subscribedTopics()) {
      this.listen(topic);
      const n = this.log.describeTopic(topic)?.partitions ?? 0;
      for (let partition = 0; partition < n; partition++) out.push({ topic, partition });
    }
    return out;
  }

  async poll(max: number): Promise<readonly KafkaRecord[]> {
    this.appended = false; // this poll sees everything appended so far
    const parts = this.partitions();
    const out: KafkaRecord[] = [];
    // Round-robin over partitions, starting after the one served first last time.
    for (let i = 0; i < parts.length && out.length < max; i++) {
      const tp = parts[(this.cursor + i) % parts.length] as TopicPartition;
      const key = tpKey(tp.topic, tp.partition);
      const from = this.positions.get(key) ?? 0;
      const records = this.log.read(tp.topic, tp.partition, from);
      const take = records.length <= max - out.length ? records : records.slice(0, max - out.length);
      for (const r of take) out.push(r);
      const last = take[take.length - 1];
      if (last) this.positions.set(key, last.offset + 1);
    }
    this.cursor = parts.length === 0 ? 0 : (this.cursor + 1) % parts.length;
    return out;
  }

  async commit(offsets: OffsetMap): Promise<void> {
    await this.options.offsets.save(this.options.connector, offsets);
    const merged = new Map(this.committed);
    for (const [k, v] of offsets) merged.set(k, v);
    this.committed = merged;
  }

  async rewind(): Promise<void> {
    this.positions = new Map(this.committed);
  }

  waitForRecords(timeoutMs: number): Promise<void> {
    if (this.appended) {
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
    for (const u of this.unsubscribe) u();
    this.wake();
  }
}
