import type { TopicLog } from '../../ksql/engine/topics/topic-log.ts';
import type { SchemaRegistryClient } from '../../ksql/engine/serde/schema-registry.ts';
import type { ConnectorFile } from '../config/validate.ts';
import { parseSinkConfig } from './config.ts';
import type { SinkDatabase } from './database.ts';
import type { DeadLetterProducer } from './dead-letters.ts';
import { InMemoryOffsetStore, TopicLogSource, type OffsetStore } from './source.ts';
import { JdbcSinkTask, type SinkTaskOptions } from './task.ts';

/** Dead letters appended to the TopicLog; the topic is created on first use, as Connect does. */
export function topicLogDeadLetters(log: TopicLog): DeadLetterProducer {
  return {
    async send(topic, record, replicationFactor) {
      if (!log.describeTopic(topic)) log.createTopic(topic, 1, replicationFactor);
      log.append(topic, record);
    },
  };
}

export interface LocalSinkOptions {
  readonly connector: ConnectorFile;
  readonly log: TopicLog;
  readonly registry: SchemaRegistryClient;
  readonly database: SinkDatabase;
  /** Shared across restarts within a process (default: a fresh in-memory store). */
  readonly offsets?: OffsetStore;
  readonly errorLog?: SinkTaskOptions['log'];
  readonly sleep?: SinkTaskOptions['sleep'];
  readonly afterDatabaseCommit?: SinkTaskOptions['afterDatabaseCommit'];
}

/** One connector file applied to Postgres over the in-memory log: config → source → task. */
export async function createLocalSink(options: LocalSinkOptions): Promise<JdbcSinkTask> {
  const config = parseSinkConfig(options.connector);
  const source = await TopicLogSource.open(options.log, {
    connector: config.name,
    topics: config.topics,
    topicsRegex: config.topicsRegex,
    offsets: options.offsets ?? new InMemoryOffsetStore(),
  });
  return new JdbcSinkTask({
    config,
    source,
    database: options.database,
    registry: options.registry,
    deadLetters: topicLogDeadLetters(options.log),
    log: options.errorLog,
    sleep: options.sleep,
    afterDatabaseCommit: options.afterDatabaseCommit,
  });
}
