/**
 * The local JDBC sink's public surface, for the local runtime (pipeline/) and tools:
 * every connector file in connect/ applied to one database over one TopicLog.
 */
import type { TopicLog } from '../../ksql/engine/topics/topic-log.ts';
import type { SchemaRegistryClient } from '../../ksql/engine/serde/schema-registry.ts';
import { CONNECT_DIR, loadConnectors } from '../config/load.ts';
import type { SinkDatabase } from './database.ts';
import { createLocalSink } from './local-sink.ts';
import { InMemoryOffsetStore, type OffsetStore } from './source.ts';
import type { JdbcSinkTask } from './task.ts';

export { createLocalSink, topicLogDeadLetters, type LocalSinkOptions } from './local-sink.ts';
export { pgDatabase, type SinkDatabase, type SqlExecutor } from './database.ts';
export { pgliteDatabase } from './pglite-database.ts';
export { createKafkaSink, kafkaDeadLetters, KafkaRecordSource } from './kafka-source.ts';
export { InMemoryOffsetStore, TopicLogSource, type OffsetStore, type RecordSource } from './source.ts';
export { JdbcSinkTask, SinkTaskFailedError, type SinkStats, type TaskState } from './task.ts';
export { ERROR_HEADERS, headerText } from './dead-letters.ts';

export interface LocalSinks {
  readonly tasks: readonly JdbcSinkTask[];
  /** Settles when every task stopped; rejects with the first task failure. */
  readonly done: Promise<void>;
  stop(): Promise<void>;
}

/** Starts one task per connector file (default: connect/*.json), each consuming as records arrive. */
export async function startLocalSinks(options: {
  readonly log: TopicLog;
  readonly registry: SchemaRegistryClient;
  readonly database: SinkDatabase;
  readonly offsets?: OffsetStore;
  readonly dir?: string;
  readonly errorLog?: (line: string) => void;
}): Promise<LocalSinks> {
  const offsets = options.offsets ?? new InMemoryOffsetStore();
  const tasks: JdbcSinkTask[] = [];
  for (const connector of await loadConnectors(options.dir ?? CONNECT_DIR)) {
    tasks.push(
      await createLocalSink({
        connector,
        log: options.log,
        registry: options.registry,
        database: options.database,
        offsets,
        errorLog: options.errorLog,
      }),
    );
  }
  const done = Promise.all(tasks.map((t) => t.run())).then(() => undefined);
  done.catch(() => {}); // observed by the caller through `done`
  return {
    tasks,
    done,
    async stop() {
      await Promise.all(tasks.map((t) => t.stop()));
      await done.catch(() => {});
    },
  };
}
