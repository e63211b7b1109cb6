/**
 * The engine's view of Kafka. Operators never talk to Kafka directly: they read from and
 * write to a TopicLog. The in-memory implementation serves tests, conformance and `npm start`;
 * a real Kafka transport implements the same interface later without touching the operators.
 */
export interface KafkaRecord {
  readonly topic: string;
  readonly partition: number;
  /** Assigned by the log on append. */
  readonly offset: number;
  /** Record timestamp, ms since the epoch. */
  readonly timestamp: number;
  readonly key: Uint8Array | null;
  readonly value: Uint8Array | null;
  readonly headers: readonly RecordHeader[];
}

export interface RecordHeader {
  readonly key: string;
  readonly value: Uint8Array | null;
}

export type ProducerRecord = Omit<KafkaRecord, 'offset' | 'partition' | 'topic'> & {
  readonly partition?: number;
};

export interface TopicDescription {
  readonly name: string;
  readonly partitions: number;
  readonly replicas: number;
}

export interface TopicLog {
  /** Creates the topic; a no-op if it exists with the same partition count. */
  createTopic(name: string, partitions: number, replicas?: number): void;
  deleteTopic(name: string): void;
  describeTopic(name: string): TopicDescription | undefined;
  listTopics(): readonly TopicDescription[];
  /** Appends and returns the stored record (with partition and offset). */
  append(topic: string, record: ProducerRecord): KafkaRecord;
  /** Records of one partition from `fromOffset` (inclusive). */
  read(topic: string, partition: number, fromOffset: number): readonly KafkaRecord[];
  /** Calls `listener` for every record appended to `topic` from now on (synchronously, in order). */
  subscribe(topic: string, listener: (record: KafkaRecord) => void): () => void;
}
