import type { KafkaRecord, ProducerRecord, RecordHeader } from '../../ksql/engine/topics/topic-log.ts';

/** Connect's error-handling stages (org.apache.kafka.connect.runtime.errors.Stage). */
export type Stage = 'KEY_CONVERTER' | 'VALUE_CONVERTER' | 'HEADER_CONVERTER' | 'TRANSFORMATION' | 'TASK_PUT';

export interface ErrantRecord {
  readonly record: KafkaRecord;
  readonly stage: Stage;
  /** Class executing the stage, e.g. io.confluent.connect.avro.AvroConverter. */
  readonly className: string;
  /** Java exception class Connect would record, e.g. java.sql.SQLException. */
  readonly exceptionClass: string;
  readonly message: string;
  readonly stacktrace: string;
}

/** Where dead letters go: the producer side (a TopicLog append, or a Kafka producer). */
export interface DeadLetterProducer {
  send(topic: string, record: ProducerRecord, replicationFactor: number): Promise<void>;
}

/** Header names as Connect's DeadLetterQueueReporter writes them (KIP-298). */
export const ERROR_HEADER_PREFIX = '__connect.errors.';
export const ERROR_HEADERS = {
  topic: `${ERROR_HEADER_PREFIX}topic`,
  partition: `${ERROR_HEADER_PREFIX}partition`,
  offset: `${ERROR_HEADER_PREFIX}offset`,
  connectorName: `${ERROR_HEADER_PREFIX}connector.name`,
  taskId: `${ERROR_HEADER_PREFIX}task.id`,
  stage: `${ERROR_HEADER_PREFIX}stage`,
  className: `${ERROR_HEADER_PREFIX}class.name`,
  exceptionClass: `${ERROR_HEADER_PREFIX}exception.class.name`,
  exceptionMessage: `${ERROR_HEADER_PREFIX}exception.message`,
  exceptionStacktrace: `${ERROR_HEADER_PREFIX}exception.stacktrace`,
} as const;

const utf8 = (s: string): Uint8Array => Buffer.from(s, 'utf8');

/**
 * The dead-letter record: the original key, value and headers unchanged, plus (when
 * `errors.deadletterqueue.context.headers.enable=true`) the `__connect.errors.*` context
 * headers, all UTF-8 strings as Connect writes them.
 */
export function deadLetter(connector: string, errant: ErrantRecord, contextHeaders: boolean): ProducerRecord {
  const { record } = errant;
  const headers: RecordHeader[] = [...record.headers];
  if (contextHeaders) {
    const add = (key: string, value: string): void => {
      headers.push({ key, value: utf8(value) });
    };
    add(ERROR_HEADERS.topic, record.topic);
    add(ERROR_HEADERS.partition, String(record.partition));
    add(ERROR_HEADERS.offset, String(record.offset));
    add(ERROR_HEADERS.connectorName, connector);
    add(ERROR_HEADERS.taskId, '0');
    add(ERROR_HEADERS.stage, errant.stage);
    add(ERROR_HEADERS.className, errant.className);
    add(ERROR_HEADERS.exceptionClass, errant.exceptionClass);
    add(ERROR_HEADERS.exceptionMessage, errant.message);
    add(ERROR_HEADERS.exceptionStacktrace, errant.stacktrace);
  }
  return { timestamp: record.timestamp, key: record.key, value: record.value, headers };
}

/** Header value as a string (for tests and tools reading a DLQ). */
export function headerText(record: { headers: readonly RecordHeader[] }, key: string): string | undefined {
  const h = record.headers.find((x) => x.key === key);
  return h?.value == null ? undefined : Buffer.from(h.value).toString('utf8');
}
