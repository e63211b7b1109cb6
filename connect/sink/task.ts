import { RuntimeFailure } from '../../common/errors.ts';
import type { KafkaRecord } from '../../ksql/engine/topics/topic-log.ts';
import type { SchemaRegistryClient } from '../../ksql/engine/serde/schema-registry.ts';
import { AvroValueConverter, DataException, type ConnectValue } from './avro-converter.ts';
import type { SinkConfig } from './config.ts';
import { UnsupportedSchemaError } from './connect-schema.ts';
import type { SinkDatabase } from './database.ts';
import { deadLetter, type DeadLetterProducer, type ErrantRecord, type Stage } from './dead-letters.ts';
import { ConnectException, RowMapper, type SinkRow } from './rows.ts';
import { tpKey, type RecordSource } from './source.ts';
import { DbWriter, TableMissingError } from './writer.ts';

const TASK_CLASS = 'io.confluent.connect.jdbc.sink.JdbcSinkTask';

export type TaskState = 'RUNNING' | 'FAILED' | 'STOPPED';

interface PreparedBatch {
  readonly records: readonly KafkaRecord[];
  readonly rows: readonly SinkRow[];
}

/** The task failed, as a Connect task does: its state is FAILED and `trace` says why. */
export class SinkTaskFailedError extends RuntimeFailure {
  constructor(
    readonly connector: string,
    readonly trace: string,
    options?: { cause?: unknown },
  ) {
    super(`connector ${connector}: task 0 failed: ${trace.split('\n')[0]}`, {
      hint: 'fix the cause, then restart the sink (it resumes from the last committed offsets)',
      ...options,
    });
  }
}

export interface SinkStats {
  read: number;
  filtered: number;
  written: number;
  deadLettered: number;
  puts: number;
  retries: number;
}

export interface SinkTaskOptions {
  readonly config: SinkConfig;
  readonly source: RecordSource;
  readonly database: SinkDatabase;
  readonly registry: SchemaRegistryClient;
  /** Required when the config names a dead-letter topic. */
  readonly deadLetters?: DeadLetterProducer;
  /** errors.log.enable output (default: stderr). */
  readonly log?: (line: string) => void;
  /** Injected for tests (retry.backoff.ms). */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Fault injection for tests: runs after Postgres committed, before offsets are committed. */
  readonly afterDatabaseCommit?: (records: readonly KafkaRecord[]) => void | Promise<void>;
}

/**
 * The local JDBC sink task: the loop of Connect's WorkerSinkTask (poll → convert → transform →
 * put → commit offsets) with JdbcSinkTask's put (one transaction per poll, retries, then
 * unrolling to the dead-letter queue under errors.tolerance=all). At least once: offsets are
 * committed only after Postgres committed, so a crash re-reads and re-upserts, and upserts on
 * natural keys make the final tables the same.
 */
export class JdbcSinkTask {
  readonly stats: SinkStats = { read: 0, filtered: 0, written: 0, deadLettered: 0, puts: 0, retries: 0 };
  private state: TaskState = 'RUNNING';
  private failure: SinkTaskFailedError | undefined;
  private readonly converter: AvroValueConverter;
  private readonly mapper: RowMapper;
  private readonly writer: DbWriter;
  private stopping = false;

  constructor(private readonly options: SinkTaskOptions) {
    this.converter = new AvroValueConverter(options.registry);
    this.mapper = new RowMapper(options.config);
    this.writer = new DbWriter(options.config.insertMode, options.config.batchSize);
    if (options.config.dlqTopic !== undefined && options.deadLetters === undefined) {
      throw new RuntimeFailure(
        `connector ${options.config.name}: a dead-letter producer is required for its DLQ topic`,
      );
    }
  }

  get status(): { state: TaskState; trace?: string } {
    return this.failure ? { state: this.state, trace: this.failure.trace } : { state: this.state };
  }

  /** One poll and put. Returns the number of records consumed (0: nothing to read). */
  async runOnce(): Promise<number> {
    if (this.failure) throw this.failure;
    const batch = await this.prepare();
    if (batch === undefined) return 0;
    await this.complete(batch);
    return batch.records.length;
  }

  /**
   * Consumes until the source has nothing more to read right now. Pipelined: the next poll is
   * converted while Postgres writes the current one. Only timing changes: offsets are still
   * committed batch by batch, in order, each after its own database commit; on a failure the
   * prepared batch is discarded and the source rewound to the last committed offsets.
   */
  async drain(): Promise<void> {
    if (this.failure) throw this.failure;
    let current = await this.prepare();
    while (current !== undefined) {
      const writing = this.complete(current);
      writing.catch(() => {}); // awaited below; avoid an unhandled rejection meanwhile
      // Converted during the write; a failure here waits until the write settled.
      const next = await this.prepare().then(
        (batch) => ({ batch }),
        (error: unknown) => ({ error }),
      );
      try {
        await writing;
      } catch (err) {
        await this.options.source.rewind(); // also drops what the next poll read
        throw err;
      }
      if ('error' in next) throw next.error;
      if (this.stopping) {
        // stop(): the prepared batch is dropped uncommitted; a new task re-reads it.
        await this.options.source.rewind();
        return;
      }
      current = next.batch;
    }
  }

  /** Runs until stop() or a task failure (which it rethrows). */
  async run(idleWaitMs = 200): Promise<void> {
    while (!this.stopping) {
      await this.drain();
      if (!this.stopping) await this.options.source.waitForRecords(idleWaitMs);
    }
  }

  /** Poll and convert (Connect's converter and transform stages); undefined if nothing to read. */
  private async prepare(): Promise<PreparedBatch | undefined> {
    const records = await this.options.source.poll(this.options.config.maxPollRecords);
    if (records.length === 0) return undefined;
    try {
      return { records, rows: await this.convert(records) };
    } catch (err) {
      await this.options.source.rewind();
      throw this.fail(err);
    }
  }

  /** put() then commit the batch's offsets, only after Postgres committed. */
  private async complete(batch: PreparedBatch): Promise<void> {
    try {
      await this.writeWithRetries(batch.rows);
    } catch (err) {
      await this.options.source.rewind();
      throw this.fail(err);
    }
    await this.options.afterDatabaseCommit?.(batch.records);
    await this.options.source.commit(nextOffsets(batch.records));
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.state === 'RUNNING') this.state = 'STOPPED';
    await this.options.source.close();
  }

  private async convert(records: readonly KafkaRecord[]): Promise<SinkRow[]> {
    const { config } = this.options;
    this.stats.read += records.length;
    this.stats.puts++;
    const rows: SinkRow[] = [];
    for (const record of records) {
      let value: ConnectValue | null;
      try {
        const converted = this.converter.toConnectData(record.topic, record.value);
        value = converted instanceof Promise ? await converted : converted;
      } catch (err) {
        if (!(err instanceof DataException)) throw err;
        await this.tolerate(record, 'VALUE_CONVERTER', this.converter.className, err.javaClass, err);
        continue;
      }
      if (this.dropped(value)) {
        this.stats.filtered++;
        continue;
      }
      if (value === null) {
        // RecordValidator: thrown from put(), so errors.tolerance does not apply; the task fails.
        throw new ConnectException(
          `Sink connector '${config.name}' is configured with 'delete.enabled=false' and 'pk.mode=${config.pkMode}' and therefore requires records with a non-null Struct value and non-null Struct schema, but found record at (topic='${record.topic}',partition=${record.partition},offset=${record.offset},timestamp=${record.timestamp}) with a null value and null value schema.`,
        );
      }
      rows.push(this.mapper.toRow(record, value));
    }
    return rows;
  }

  private dropped(value: ConnectValue | null): boolean {
    for (const t of this.options.config.transforms) {
      if (t.predicate === 'always') return true;
      if (t.predicate === 'isTombstone' && value === null) return true;
      if (t.predicate === 'isNotTombstone' && value !== null) return true;
    }
    return false;
  }

  private async writeWithRetries(rows: readonly SinkRow[]): Promise<void> {
    if (rows.length === 0) return;
    const { config, database } = this.options;
    let remaining = config.maxRetries;
    for (;;) {
      try {
        this.stats.written += await database.transaction((sql) => this.writer.write(sql, rows));
        return;
      } catch (err) {
        if (err instanceof TableMissingError || remaining === 0) {
          if (!config.errorsToleranceAll) throw err;
          await this.unroll(rows);
          return;
        }
        remaining--;
        this.stats.retries++;
        await (this.options.sleep ?? delay)(config.retryBackoffMs);
      }
    }
  }

  /** JdbcSinkTask.unrollAndRetry: one record per transaction; failures go to the errant-record reporter. */
  private async unroll(rows: readonly SinkRow[]): Promise<void> {
    for (const row of rows) {
      try {
        this.stats.written += await this.options.database.transaction((sql) => this.writer.write(sql, [row]));
      } catch (err) {
        const javaClass = err instanceof TableMissingError ? err.javaClass : 'java.sql.SQLException';
        await this.tolerate(row.record, 'TASK_PUT', TASK_CLASS, javaClass, err);
      }
    }
  }

  /** errors.tolerance: log, dead-letter, skip (all) or fail the task (none). */
  private async tolerate(
    record: KafkaRecord,
    stage: Stage,
    className: string,
    exceptionClass: string,
    err: unknown,
  ): Promise<void> {
    const { config } = this.options;
    if (!config.errorsToleranceAll) throw err;
    const message = sqlMessage(err);
    if (config.errorsLog) {
      const content = config.errorsLogMessages
        ? `, value=${record.value === null ? 'null' : `${record.value.length} bytes`}`
        : '';
      (this.options.log ?? ((l: string) => process.stderr.write(`${l}\n`)))(
        `Error encountered in task ${config.name}-0. Executing stage '${stage}' with class '${className}', where consumed record is {topic='${record.topic}', partition=${record.partition}, offset=${record.offset}, timestamp=${record.timestamp}${content}}: ${message}`,
      );
    }
    if (config.dlqTopic !== undefined && this.options.deadLetters) {
      const errant: ErrantRecord = {
        record,
        stage,
        className,
        exceptionClass,
        message,
        stacktrace: `${exceptionClass}: ${message}\n${(err as Error).stack?.split('\n').slice(1).join('\n') ?? ''}`,
      };
      await this.options.deadLetters.send(
        config.dlqTopic,
        deadLetter(config.name, errant, config.dlqContextHeaders),
        config.dlqReplicationFactor,
      );
    }
    this.stats.deadLettered++;
  }

  private fail(err: unknown): SinkTaskFailedError {
    const trace = traceOf(err);
    this.state = 'FAILED';
    this.failure =
      err instanceof SinkTaskFailedError
        ? err
        : new SinkTaskFailedError(this.options.config.name, trace, { cause: err });
    return this.failure;
  }
}

function nextOffsets(records: readonly KafkaRecord[]): Map<string, number> {
  const out = new Map<string, number>();
  // A poll holds runs of records from one partition: look the partition up once per run.
  let topic: string | undefined;
  let partition = -1;
  let key = '';
  for (const r of records) {
    if (r.topic !== topic || r.partition !== partition) {
      topic = r.topic;
      partition = r.partition;
      key = tpKey(topic, partition);
    }
    const next = r.offset + 1;
    if (next > (out.get(key) ?? 0)) out.set(key, next);
  }
  return out;
}

function sqlMessage(err: unknown): string {
  const e = err as { message?: string; code?: string; detail?: string };
  const parts = [e.message ?? String(err)];
  if (e.code) parts.push(`(SQLSTATE ${e.code})`);
  if (e.detail) parts.push(e.detail);
  return parts.join(' ');
}

function traceOf(err: unknown): string {
  const javaClass =
    err instanceof ConnectException || err instanceof TableMissingError || err instanceof DataException
      ? err.javaClass
      : err instanceof UnsupportedSchemaError
        ? 'org.apache.kafka.connect.errors.ConnectException'
        : (err as { code?: unknown }).code !== undefined
          ? 'java.sql.SQLException'
          : 'org.apache.kafka.connect.errors.ConnectException';
  const stack = (err as Error).stack?.split('\n').slice(1).join('\n') ?? '';
  return `${javaClass}: ${sqlMessage(err)}\n${stack}`;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
