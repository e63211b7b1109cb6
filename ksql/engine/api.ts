/*
 * NOTE for the conformance harness (planner/runtime engineer, no interface change):
 * - `execute(sql)` splits the script and parses each statement with its script position, so
 *   executing all statements of a QTT case in ONE call (joined with '\n') yields ksqlDB's
 *   `line 2:74` parse positions (group-by.json "with groupings"); statements before a failing one
 *   stay executed, as with one call per statement.
 * - Topic schemas given with `keySchemaId`/`valueSchemaId` should be registered under those ids
 *   (InMemorySchemaRegistry.registerSync(subject, schema, id)): CREATE ... WITH (VALUE_SCHEMA_ID=n)
 *   and the AVRO serde look schemas up by id (group-by.json "AVRO schema and schema id").
 * - Joins (stream-table, table-table on PRIMARY KEY, stream-stream INNER WITHIN) are implemented;
 *   the remaining `KsqlUnsupportedError`s name the feature (e.g. "foreign-key joins").
 */
import type { Query } from './parser/ast.ts';
import type { Column, LogicalSchema } from './schema/logical-schema.ts';
import type { KeyFormat, ValueFormat } from './serde/serde-types.ts';
import type { SchemaRegistryClient } from './serde/schema-registry.ts';
import type { KafkaRecord, ProducerRecord, TopicLog } from './topics/topic-log.ts';
import type { TransientTopology } from './transient/transient-topology.ts';

/**
 * The public surface of the local ksqlDB-dialect engine, used by the conformance harness, the
 * SQL test runner, the REST facade and the local pipeline. Everything else in ksql/engine/ is
 * internal to it.
 */
export interface EngineOptions {
  readonly topics?: TopicLog;
  readonly registry?: SchemaRegistryClient;
  /**
   * ksqlDB/Kafka Streams config overrides (e.g. `ksql.streams.cache.max.bytes.buffering`,
   * `ksql.streams.commit.interval.ms`, `ksql.timestamp.throw.on.invalid`, `ksql.service.id`).
   */
  readonly properties?: Readonly<Record<string, unknown>>;
  /**
   * `test`: QTT's driver semantics: record cache off, every input processed synchronously by
   * every downstream query before `produce` returns. `production`: record cache and commit
   * interval as ksqlDB defaults (10 MB, 2 s), driven by `clock`.
   */
  readonly mode: 'test' | 'production';
  /** Wall-clock source (ms). Injected so cache flushes and INSERT VALUES' default ROWTIME are testable. */
  readonly clock?: () => number;
  /** Zone for string timestamps without an offset (ksqlDB uses the JVM default zone); default UTC. */
  readonly defaultTimeZone?: string;
}

export type SourceType = 'STREAM' | 'TABLE';

/** What the metastore knows about a stream or table (QTT post-conditions, DESCRIBE, SHOW). */
export interface SourceInfo {
  readonly name: string;
  readonly type: SourceType;
  readonly topic: string;
  readonly schema: LogicalSchema;
  readonly keyFormat: KeyFormat;
  readonly valueFormat: ValueFormat;
  /** TIMESTAMP column and format from WITH, if any. */
  readonly timestampColumn?: { readonly column: string; readonly format?: string };
  /** CREATE SOURCE STREAM/TABLE (read-only). */
  readonly isSource: boolean;
  /** The statement text as stored (after variable substitution). */
  readonly statement: string;
}

export interface QueryInfo {
  readonly id: string;
  readonly statement: string;
  readonly sinks: readonly string[];
  readonly sinkTopics: readonly string[];
  readonly sources: readonly string[];
  readonly state: 'RUNNING' | 'TERMINATED' | 'ERROR';
}

/** Result of one executed statement, enough to build the REST API's entities. */
export type StatementResult =
  | {
      readonly kind: 'SourceCreated';
      readonly source: SourceInfo;
      readonly statement: string;
      readonly queryId?: string;
    }
  | {
      readonly kind: 'SourceDropped';
      readonly name: string;
      readonly topic: string;
      readonly statement: string;
    }
  | { readonly kind: 'QueryStarted'; readonly queryId: string; readonly statement: string }
  | { readonly kind: 'QueryTerminated'; readonly queryIds: readonly string[]; readonly statement: string }
  | { readonly kind: 'RowInserted'; readonly statement: string }
  | {
      readonly kind: 'PropertySet';
      readonly name: string;
      readonly value: string | undefined;
      readonly statement: string;
    }
  | {
      readonly kind: 'VariableSet';
      readonly name: string;
      readonly value: string | undefined;
      readonly statement: string;
    }
  | { readonly kind: 'Listing'; readonly what: string; readonly statement: string; readonly entity: unknown }
  | { readonly kind: 'Description'; readonly statement: string; readonly entity: unknown };

/** A record of a source decoded with that source's formats. */
export interface DecodedRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: number;
  readonly timestamp: number;
  readonly key: readonly unknown[];
  /** null = tombstone. */
  readonly value: readonly unknown[] | null;
  readonly window?: { readonly start: number; readonly end: number };
  readonly keyColumns: readonly Column[];
  readonly valueColumns: readonly Column[];
}

export interface ProcessingLogEntry {
  readonly queryId: string;
  readonly topic: string;
  readonly offset: number;
  readonly message: string;
}

export interface EngineMetrics {
  /** Per query: (record, window) pairs dropped because the window had closed (late records). */
  readonly lateRecordsDropped: ReadonlyMap<string, number>;
  /** Records skipped because their timestamp could not be extracted (null, negative, unparseable). */
  readonly invalidTimestampsSkipped: number;
  /** Records that failed to deserialize (also in the processing log). */
  readonly deserializationErrors: number;
}

export interface KsqlEngine {
  readonly topics: TopicLog;
  readonly registry: SchemaRegistryClient;

  /**
   * Parses and executes every statement in `sql` in order (with `${var}` substitution from
   * DEFINE'd and given variables). Throws the first KsqlError; statements before it stay
   * executed. Returns one result per executed statement.
   */
  execute(
    sql: string,
    options?: {
      readonly variables?: Readonly<Record<string, string>>;
      readonly properties?: Readonly<Record<string, unknown>>;
    },
  ): Promise<StatementResult[]>;

  /**
   * Appends a raw record to `topic` and, in test mode, processes it through every query
   * reading that topic (and their downstream queries) before returning.
   */
  produce(topic: string, record: ProducerRecord): Promise<KafkaRecord>;

  /** Decodes the records of the source's topic with the source's key/value formats. */
  decode(sourceName: string, records: readonly KafkaRecord[]): DecodedRecord[];

  /**
   * An aggregating push query (`SELECT … GROUP BY … EMIT CHANGES`), run as ksqlDB runs a transient
   * query: a private topology whose changes go to the caller (transient/transient-topology.ts).
   */
  planTransientTopology(
    query: Query,
    statementText: string,
    properties?: Readonly<Record<string, unknown>>,
  ): TransientTopology;

  getSource(name: string): SourceInfo | undefined;
  listSources(): readonly SourceInfo[];
  listQueries(): readonly QueryInfo[];

  /** In production mode: flush record caches as a commit would (Ctrl-C drain, `replay --flush`). */
  flush(): Promise<void>;

  readonly metrics: EngineMetrics;
  readonly processingLog: readonly ProcessingLogEntry[];

  close(): Promise<void>;
}
