import { assertNever } from '../../common/assert-never.ts';
import type {
  DecodedRecord,
  EngineMetrics,
  EngineOptions,
  KsqlEngine,
  ProcessingLogEntry,
  QueryInfo,
  SourceInfo,
  StatementResult,
} from './api.ts';
import { KsqlError, KsqlRuntimeError, KsqlStatementError, KsqlUnsupportedError } from './errors.ts';
import { compileExpression, DEFAULT_FUNCTION_CONTEXT } from './expression/compile-expression.ts';
import type { FunctionContext } from './functions/function-types.ts';
import { checkSinkValueSchemaId } from './metastore/check-sink-schema-id.ts';
import { analyzeCreateSource } from './metastore/create-source.ts';
import { describeSource } from './metastore/describe.ts';
import { evaluateInsertValues } from './metastore/insert-values.ts';
import { MetaStore, type QueryEntry } from './metastore/metastore.ts';
import type {
  CreateAsSelect,
  CreateSource,
  DropSource,
  InsertInto,
  InsertValues,
  Query,
  ShowList,
  Statement,
  Terminate,
} from './parser/ast.ts';
import { parseStatementSource, splitStatements, substituteVariables } from './parser/index.ts';
import type { PlanContext, SinkRequest } from './plan/plan-context.ts';
import { planQuery } from './plan/plan-query.ts';
import { readWithProperties } from './plan/with-properties.ts';
import { checkUpgrade } from './plan/upgrade-check.ts';
import { createRunningQuery, type RunningQuery } from './runtime/persistent-query.ts';
import { createMetrics } from './runtime/query-metrics.ts';
import { memoizedDecoder, type DecodeResult } from './runtime/source-decoder.ts';
import { RecordCache } from './runtime/record-cache.ts';
import { planTransientTopology, type TransientTopology } from './transient/transient-topology.ts';
import { InMemorySchemaRegistry } from './serde/in-memory-registry.ts';
import type { SchemaRegistryClient } from './serde/schema-registry.ts';
import { createKeySerde, createValueSerde } from './serde/serde-factory.ts';
import type { KeySerde, ValueSerde } from './serde/serde-types.ts';
import { createInMemoryTopicLog } from './topics/in-memory-topic-log.ts';
import type { KafkaRecord, ProducerRecord, TopicLog } from './topics/topic-log.ts';

interface Serdes {
  readonly key: KeySerde;
  readonly value: ValueSerde;
  /** Shared by every query reading the source. */
  readonly decode: (record: KafkaRecord) => DecodeResult;
}

interface Running {
  readonly query: RunningQuery;
  readonly unsubscribe: () => void;
}

const DEFAULT_CACHE_BYTES = 10_000_000;
const DEFAULT_COMMIT_MS = 2000;

/** Creates the local ksqlDB-dialect engine (api.ts): parse → plan → run over a TopicLog. */
export function createEngine(options: EngineOptions): KsqlEngine {
  return new Engine(options);
}

class Engine implements KsqlEngine {
  readonly topics: TopicLog;
  readonly registry: SchemaRegistryClient;
  private readonly metastore = new MetaStore();
  private readonly serdes = new Map<string, Serdes>();
  private readonly running = new Map<string, Running>();
  /** The query AST and plan behind each C*AS sink, for CREATE OR REPLACE checks. */
  private readonly sinkPlans = new Map<string, { query: Query; plan: ReturnType<typeof planQuery> }>();
  private readonly m = createMetrics();
  private readonly baseProperties: Record<string, unknown>;
  private readonly sessionProperties: Record<string, unknown> = {};
  private readonly variables = new Map<string, string>();
  private readonly clock: () => number;
  private readonly functionContext: FunctionContext;
  private closed = false;

  constructor(private readonly options: EngineOptions) {
    this.topics = options.topics ?? createInMemoryTopicLog();
    this.registry = options.registry ?? new InMemorySchemaRegistry();
    this.baseProperties = { ...(options.properties ?? {}) };
    this.clock = options.clock ?? (() => Date.now());
    this.functionContext = {
      ...DEFAULT_FUNCTION_CONTEXT,
      defaultTimeZone: options.defaultTimeZone ?? 'UTC',
      now: this.clock,
    };
  }

  get metrics(): EngineMetrics {
    return {
      lateRecordsDropped: this.m.lateRecordsDropped,
      invalidTimestampsSkipped: this.m.invalidTimestampsSkipped,
      deserializationErrors: this.m.deserializationErrors,
    };
  }

  get processingLog(): readonly ProcessingLogEntry[] {
    return this.m.processingLog;
  }

  async execute(
    sql: string,
    opts?: {
      readonly variables?: Readonly<Record<string, string>>;
      readonly properties?: Readonly<Record<string, unknown>>;
    },
  ): Promise<StatementResult[]> {
    const results: StatementResult[] = [];
    for (const [k, v] of Object.entries(opts?.variables ?? {})) this.variables.set(k.toUpperCase(), v);
    const props = { ...this.baseProperties, ...this.sessionProperties, ...(opts?.properties ?? {}) };
    for (const source of splitStatements(sql)) {
      const text = this.variables.size > 0 ? substituteVariables(source.text, this.variables) : source.text;
      // Script positions are kept, so errors carry ksqlDB's `line N:M` of the whole script.
      const stmt = parseStatementSource({ ...source, text });
      try {
        results.push(await this.executeStatement(stmt, props));
      } catch (e) {
        if (e instanceof KsqlStatementError && e.statementText === undefined) {
          throw new KsqlStatementError(e.message, stmt.text, { cause: e });
        }
        throw e;
      }
    }
    return results;
  }

  private properties(extra: Readonly<Record<string, unknown>>): Record<string, unknown> {
    return { ...extra, ...this.sessionProperties };
  }

  private async executeStatement(stmt: Statement, props: Record<string, unknown>): Promise<StatementResult> {
    switch (stmt.kind) {
      case 'CreateSource':
        return this.createSource(stmt, this.properties(props));
      case 'CreateAsSelect':
        return this.createAsSelect(stmt, this.properties(props));
      case 'InsertInto':
        return this.insertInto(stmt, this.properties(props));
      case 'InsertValues':
        return this.insertValues(stmt);
      case 'DropSource':
        return this.dropSource(stmt);
      case 'Terminate':
        return this.terminate(stmt);
      case 'ShowList':
        return this.showList(stmt);
      case 'Describe': {
        if (stmt.target.kind !== 'Source')
          throw new KsqlUnsupportedError(`DESCRIBE ${stmt.target.kind}`, stmt.text);
        const source = this.metastore.getSource(stmt.target.name.name);
        if (!source)
          throw new KsqlStatementError(
            `Could not find STREAM/TABLE '${stmt.target.name.name}' in the Metastore`,
            stmt.text,
          );
        return {
          kind: 'Description',
          statement: stmt.text,
          entity: describeSource(source, this.metastore, stmt.extended),
        };
      }
      case 'DefineVariable':
        this.variables.set(stmt.name.toUpperCase(), stmt.value);
        return { kind: 'VariableSet', name: stmt.name, value: stmt.value, statement: stmt.text };
      case 'UndefineVariable':
        this.variables.delete(stmt.name.toUpperCase());
        return { kind: 'VariableSet', name: stmt.name, value: undefined, statement: stmt.text };
      case 'SetProperty':
        this.sessionProperties[stmt.name] = stmt.value;
        return { kind: 'PropertySet', name: stmt.name, value: stmt.value, statement: stmt.text };
      case 'UnsetProperty':
        delete this.sessionProperties[stmt.name];
        return { kind: 'PropertySet', name: stmt.name, value: undefined, statement: stmt.text };
      case 'Explain':
        throw new KsqlUnsupportedError('EXPLAIN', stmt.text);
      case 'QueryStatement':
        throw new KsqlUnsupportedError('transient (push/pull) queries', stmt.text);
      case 'AssertValues':
      case 'AssertTombstone':
      case 'AssertSource':
        throw new KsqlUnsupportedError(`${stmt.kind} outside the SQL test runner`, stmt.text);
      case 'RunScript':
        throw new KsqlUnsupportedError('RUN SCRIPT', stmt.text);
      case 'Unsupported': {
        // source-stream.json / source-table.json: ALTER of a read-only source is refused by name.
        const alter = /^\s*ALTER\s+(STREAM|TABLE)\s+(`[^`]+`|[^\s(]+)/i.exec(stmt.text);
        if (alter?.[1] && alter[2]) {
          const raw = alter[2];
          const target = this.metastore.getSource(raw.startsWith('`') ? raw.slice(1, -1) : raw.toUpperCase());
          if (target?.isSource) {
            const kind = target.type === 'STREAM' ? 'stream' : 'table';
            throw new KsqlStatementError(
              `Cannot alter ${kind} '${target.name}': ALTER operations are not supported on source ${kind}s.`,
              stmt.text,
            );
          }
        }
        throw new KsqlUnsupportedError(stmt.feature, stmt.text);
      }
      default:
        return assertNever(stmt, 'statement');
    }
  }

  private async sourceSerdes(source: SourceInfo, registerSchema: boolean): Promise<Serdes> {
    const ctx = { topic: source.topic, sourceName: source.name, registry: this.registry, registerSchema };
    const key = await createKeySerde(source.keyFormat, source.schema.key, ctx);
    const value = await createValueSerde(source.valueFormat, source.schema.value, ctx);
    return { key, value, decode: memoizedDecoder(key, value) };
  }

  private async createSource(stmt: CreateSource, props: Record<string, unknown>): Promise<StatementResult> {
    const source = await analyzeCreateSource(stmt, {
      properties: props,
      registry: this.registry,
      existing: (n) => this.metastore.getSource(n),
    });
    if (!source) {
      const existing = this.metastore.getSource(stmt.name.name) as SourceInfo;
      return { kind: 'SourceCreated', source: existing, statement: stmt.text };
    }
    const inferred = stmt.elements.filter((e) => e.constraint === undefined).length === 0;
    const serdes = await this.sourceSerdes(source, !inferred);
    const partitions = readWithProperties(stmt.properties).partitions;
    if (!this.topics.describeTopic(source.topic)) this.topics.createTopic(source.topic, partitions ?? 1);
    this.metastore.putSource(source);
    this.serdes.set(source.name, serdes);
    return { kind: 'SourceCreated', source, statement: stmt.text };
  }

  private planContext(statementText: string, queryId: string, props: Record<string, unknown>): PlanContext {
    const fc = this.functionContext;
    return {
      getSource: (n) => this.metastore.getSource(n),
      properties: props,
      functionContext: fc,
      statementText,
      queryId,
      compile: (e, scope, clause) => {
        try {
          return compileExpression(e, scope, { clause, functionContext: fc });
        } catch (err) {
          if (err instanceof KsqlStatementError && err.statementText === undefined) {
            throw new KsqlStatementError(err.message, statementText, { cause: err });
          }
          throw err;
        }
      },
      topicPartitions: (t) => this.topics.describeTopic(t)?.partitions,
    };
  }

  private async createAsSelect(
    stmt: CreateAsSelect,
    props: Record<string, unknown>,
  ): Promise<StatementResult> {
    const name = stmt.name.name;
    const existing = this.metastore.getSource(name);
    if (existing) {
      if (stmt.ifNotExists) return { kind: 'SourceCreated', source: existing, statement: stmt.text };
      if (!stmt.orReplace) {
        const kind = existing.type === 'STREAM' ? 'stream' : 'table';
        throw new KsqlStatementError(
          `Cannot add ${stmt.sourceType === 'STREAM' ? 'stream' : 'table'} '${name}': A ${kind} with the same name already exists`,
          stmt.text,
        );
      }
      const kind = existing.type === 'STREAM' ? 'stream' : 'table';
      if (existing.isSource) {
        throw new KsqlStatementError(
          `Cannot add ${kind} '${name}': CREATE OR REPLACE is not supported on source ${kind}s.`,
          stmt.text,
        );
      }
      if (existing.type !== stmt.sourceType) {
        throw new KsqlStatementError(
          `Cannot add ${stmt.sourceType === 'STREAM' ? 'stream' : 'table'} '${name}': A ${kind} with the same name already exists`,
          stmt.text,
        );
      }
    }
    // CREATE OR REPLACE: the new query takes over the sink and the id, continues from the end of
    // the source, and keeps same-shaped aggregation state (query-upgrades-*.sql).
    const writers = existing ? this.metastore.writersOf(name) : [];
    const prefix = stmt.sourceType === 'STREAM' ? 'CSAS' : 'CTAS';
    const queryId = writers[0]?.id ?? this.metastore.nextQueryId(`${prefix}_${name}`);
    const w = readWithProperties(stmt.properties);
    const req: SinkRequest = { kind: 'create', name, type: stmt.sourceType, with: w };
    const plan = planQuery(stmt.query, req, {
      ...this.planContext(stmt.text, queryId, props),
      statement: stmt,
    });
    const before = this.sinkPlans.get(name);
    if (existing && before) checkUpgrade(before.query, before.plan, stmt.query, plan);
    let replaced: RunningQuery | undefined;
    for (const q of writers) {
      replaced = this.running.get(q.id)?.query;
      this.stopQuery(q);
    }
    this.sinkPlans.set(name, { query: stmt.query, plan });
    await checkSinkValueSchemaId(plan.sink, this.registry, stmt.text);
    const sinkSerdes = await this.sourceSerdes(plan.sink, true);
    const sourcePartitions = this.topics.describeTopic(plan.source.topic)?.partitions ?? 1;
    if (!this.topics.describeTopic(plan.sink.topic))
      this.topics.createTopic(plan.sink.topic, w.partitions ?? sourcePartitions, w.replicas ?? 1);
    this.metastore.putSource(plan.sink);
    this.serdes.set(plan.sink.name, sinkSerdes);
    await this.startQuery(plan, sinkSerdes, props, existing !== undefined, replaced);
    return { kind: 'SourceCreated', source: plan.sink, statement: stmt.text, queryId };
  }

  private async insertInto(stmt: InsertInto, props: Record<string, unknown>): Promise<StatementResult> {
    const target = this.metastore.getSource(stmt.target.name);
    if (!target) {
      // ksqlDB names the target's position (insert-into.json "unknown"): `Line: 2, Col: 13: ...`.
      const m = /^INSERT\s+INTO\s+/i.exec(stmt.text);
      const where =
        m && !m[0].includes('\n') ? `Line: ${stmt.loc.line}, Col: ${stmt.loc.column + m[0].length}: ` : '';
      throw new KsqlStatementError(`${where}Source \`${stmt.target.name}\` does not exist.`, stmt.text);
    }
    if (target.type === 'TABLE') {
      throw new KsqlStatementError(
        `INSERT INTO can only be used to insert into a stream. ${target.name} is a table.`,
        stmt.text,
      );
    }
    if (target.isSource)
      throw new KsqlStatementError(`Cannot insert into read-only stream: ${target.name}`, stmt.text);
    const queryId = this.metastore.nextQueryId('INSERTQUERY');
    const plan = planQuery(
      stmt.query,
      { kind: 'existing', target },
      this.planContext(stmt.text, queryId, props),
    );
    const sinkSerdes = this.serdes.get(target.name) ?? (await this.sourceSerdes(target, true));
    await this.startQuery(plan, sinkSerdes, props);
    return { kind: 'QueryStarted', queryId, statement: stmt.text };
  }

  private async startQuery(
    plan: ReturnType<typeof planQuery>,
    sinkSerdes: Serdes,
    props: Record<string, unknown>,
    fromEnd = false,
    previous?: RunningQuery,
  ): Promise<void> {
    const join = plan.join;
    const sideSerdes = join
      ? await Promise.all(
          [join.left.source, join.right.source].map(
            async (x) => this.serdes.get(x.name) ?? (await this.sourceSerdes(x, false)),
          ),
        )
      : undefined;
    const sourceSerdes =
      sideSerdes?.[0] ?? this.serdes.get(plan.source.name) ?? (await this.sourceSerdes(plan.source, false));
    const { cacheEntries, commitIntervalMs } = this.cacheSettings(props);
    const query = createRunningQuery(
      plan,
      {
        decode: sourceSerdes.decode,
        ...(sideSerdes && sideSerdes[0] && sideSerdes[1]
          ? { joinDecode: [sideSerdes[0].decode, sideSerdes[1].decode] as const }
          : {}),
        sinkKey: sinkSerdes.key,
        sinkValue: sinkSerdes.value,
      },
      {
        topics: this.topics,
        metrics: this.m,
        cacheEntries,
        commitIntervalMs,
        clock: this.clock,
        ...(previous ? { previous } : {}),
      },
    );
    const entry: QueryEntry = {
      id: plan.queryId,
      statement: plan.statement,
      sinks: [plan.sink.name],
      sinkTopics: [plan.sink.topic],
      sources: join ? [join.left.source.name, join.right.source.name] : [plan.source.name],
      state: 'PENDING',
    };
    this.metastore.addQuery(entry);
    const guarded = (rec: KafkaRecord): void => {
      if (entry.state !== 'RUNNING') return;
      try {
        query.process(rec);
      } catch (e) {
        this.metastore.setQueryState(entry, 'ERROR');
        throw e;
      }
    };
    // auto.offset.reset=earliest: a new query first reads what the topic already holds.
    const topics = join ? [join.left.source.topic, join.right.source.topic] : [plan.source.topic];
    const existing: KafkaRecord[] = [];
    for (const topic of topics) {
      if (!this.topics.describeTopic(topic)) this.topics.createTopic(topic, 1);
      const partitions = this.topics.describeTopic(topic)?.partitions ?? 1;
      for (let p = 0; p < partitions; p++) existing.push(...this.topics.read(topic, p, 0));
    }
    this.metastore.setQueryState(entry, 'RUNNING');
    const unsubscribes = topics.map((t) => this.topics.subscribe(t, guarded));
    const unsubscribe = (): void => unsubscribes.forEach((u) => u());
    this.running.set(plan.queryId, { query, unsubscribe });
    entry.stop = unsubscribe;
    if (!fromEnd) for (const rec of existing) guarded(rec);
  }

  private async insertValues(stmt: InsertValues): Promise<StatementResult> {
    const target = this.metastore.getSource(stmt.target.name);
    if (!target) {
      const n = stmt.target.name;
      const similar = this.listSources().find((x) => x.name.toUpperCase() === n.toUpperCase());
      const hint = !similar
        ? ''
        : stmt.target.quoted
          ? `\nDid you mean ${similar.name}? Hint: try removing double quotes from the source name.`
          : `\nDid you mean "${similar.name}"? Hint: wrap the source name in double quotes to make it case-sensitive.`;
      throw new KsqlStatementError(
        `Cannot insert values into an unknown stream/table: \`${n}\`${hint}`,
        stmt.text,
      );
    }
    const row = evaluateInsertValues(stmt, target, this.functionContext);
    const serdes = this.serdes.get(target.name);
    if (!serdes) throw new KsqlRuntimeError(`No serdes for ${target.name}`);
    let key: Uint8Array | null;
    let value: Uint8Array | null;
    try {
      key = serdes.key.serialize(row.key);
      value = serdes.value.serialize(row.value);
    } catch (e) {
      throw new KsqlStatementError(
        `Failed to insert values into '${target.name}'. ${e instanceof Error ? e.message : String(e)}`,
        stmt.text,
        { cause: e },
      );
    }
    if (!this.topics.describeTopic(target.topic)) this.topics.createTopic(target.topic, 1);
    this.topics.append(target.topic, { timestamp: row.timestamp ?? this.clock(), key, value, headers: [] });
    return { kind: 'RowInserted', statement: stmt.text };
  }

  private dropSource(stmt: DropSource): StatementResult {
    const name = stmt.name.name;
    const source = this.metastore.getSource(name);
    if (!source) {
      if (stmt.ifExists) return { kind: 'SourceDropped', name, topic: '', statement: stmt.text };
      throw new KsqlStatementError(`Source ${name} does not exist.`, stmt.text);
    }
    if (stmt.deleteTopic && source.isSource)
      throw new KsqlStatementError(`Cannot delete topic for read-only source: ${name}`, stmt.text);
    const readers = this.metastore.readersOf(name).filter((q) => !q.sinks.includes(name));
    if (readers.length > 0) {
      const sinks = [...new Set(readers.flatMap((q) => q.sinks))];
      throw new KsqlStatementError(
        `Cannot drop ${name}.\nThe following streams and/or tables read from this source: [${sinks.join(', ')}].\nYou need to drop them before dropping ${name}.`,
        stmt.text,
      );
    }
    for (const q of this.metastore.writersOf(name)) this.stopQuery(q);
    this.metastore.deleteSource(name);
    this.sinkPlans.delete(name);
    this.serdes.delete(name);
    if (stmt.deleteTopic) this.topics.deleteTopic(source.topic);
    return { kind: 'SourceDropped', name, topic: source.topic, statement: stmt.text };
  }

  private stopQuery(q: QueryEntry): void {
    const r = this.running.get(q.id);
    if (r) {
      r.query.flush();
      r.unsubscribe();
      this.running.delete(q.id);
    }
    if (q.state !== 'TERMINATED') this.metastore.setQueryState(q, 'TERMINATED');
    this.metastore.removeQuery(q.id);
  }

  private terminate(stmt: Terminate): StatementResult {
    const id = stmt.queryId.toUpperCase();
    const targets =
      id === 'ALL'
        ? this.metastore.liveQueries()
        : [
            this.metastore.getQuery(id) ??
              this.metastore.liveQueries().find((q) => q.id.toUpperCase() === id),
          ];
    const found = targets.filter((q): q is QueryEntry => q !== undefined);
    if (id !== 'ALL' && found.length === 0)
      throw new KsqlStatementError(`Unknown queryId: ${stmt.queryId}`, stmt.text);
    for (const q of found) this.stopQuery(q);
    return { kind: 'QueryTerminated', queryIds: found.map((q) => q.id), statement: stmt.text };
  }

  private showList(stmt: ShowList): StatementResult {
    const sourceEntity = (s: SourceInfo): Record<string, unknown> => ({
      type: s.type,
      name: s.name,
      topic: s.topic,
      keyFormat: s.keyFormat.info.format,
      valueFormat: s.valueFormat.info.format,
      isWindowed: s.keyFormat.window !== undefined,
    });
    let entity: unknown;
    switch (stmt.what) {
      case 'STREAMS':
        entity = {
          streams: this.listSources()
            .filter((s) => s.type === 'STREAM')
            .map(sourceEntity),
        };
        break;
      case 'TABLES':
        entity = {
          tables: this.listSources()
            .filter((s) => s.type === 'TABLE')
            .map(sourceEntity),
        };
        break;
      case 'QUERIES':
        entity = {
          queries: this.listQueries().map((q) => ({
            queryString: q.statement,
            sinks: q.sinks,
            sinkKafkaTopics: q.sinkTopics,
            id: q.id,
            statusCount: { [q.state]: 1 },
            queryType: 'PERSISTENT',
            state: q.state,
          })),
        };
        break;
      case 'TOPICS':
        entity = {
          topics: this.topics.listTopics().map((t) => ({
            name: t.name,
            replicaInfo: Array.from({ length: t.partitions }, () => t.replicas),
          })),
        };
        break;
      case 'PROPERTIES':
        entity = { properties: { ...this.baseProperties, ...this.sessionProperties } };
        break;
      case 'VARIABLES':
        entity = { variables: [...this.variables].map(([name, value]) => ({ name, value })) };
        break;
      case 'FUNCTIONS':
        throw new KsqlUnsupportedError('SHOW FUNCTIONS', stmt.text);
      default:
        return assertNever(stmt.what, 'listing');
    }
    return { kind: 'Listing', what: stmt.what, statement: stmt.text, entity };
  }

  async produce(topic: string, record: ProducerRecord): Promise<KafkaRecord> {
    if (this.closed) throw new KsqlRuntimeError('engine is closed');
    if (!this.topics.describeTopic(topic)) this.topics.createTopic(topic, 1);
    return this.topics.append(topic, record);
  }

  decode(sourceName: string, records: readonly KafkaRecord[]): DecodedRecord[] {
    const source = this.metastore.getSource(sourceName);
    const serdes = this.serdes.get(sourceName);
    if (!source || !serdes) throw new KsqlStatementError(`${sourceName} does not exist.`);
    return records.map((r) => {
      const k = serdes.key.deserialize(r.key);
      return {
        topic: r.topic,
        partition: r.partition,
        offset: r.offset,
        timestamp: r.timestamp,
        key: k.key,
        value: serdes.value.deserialize(r.value),
        ...(k.window ? { window: k.window } : {}),
        keyColumns: source.schema.key,
        valueColumns: source.schema.value,
      };
    });
  }

  planTransientTopology(
    query: Query,
    statementText: string,
    properties: Readonly<Record<string, unknown>> = {},
  ): TransientTopology {
    const props = { ...this.baseProperties, ...this.sessionProperties, ...properties };
    return planTransientTopology(query, {
      topics: this.topics,
      planContext: this.planContext(statementText, 'transient', props),
      sourceDecoder: async (s) => (this.serdes.get(s.name) ?? (await this.sourceSerdes(s, false))).decode,
      outputSerdes: (sink) => this.sourceSerdes(sink, false),
      ...this.cacheSettings(props),
      clock: this.clock,
    });
  }

  /** The record cache budget (entries; off in test mode, as QTT runs) and the commit interval. */
  private cacheSettings(props: Record<string, unknown>): { cacheEntries: number; commitIntervalMs: number } {
    const cacheBytes = Number(
      props['ksql.streams.cache.max.bytes.buffering'] ??
        props['cache.max.bytes.buffering'] ??
        DEFAULT_CACHE_BYTES,
    );
    const commitIntervalMs = Number(
      props['ksql.streams.commit.interval.ms'] ?? props['commit.interval.ms'] ?? DEFAULT_COMMIT_MS,
    );
    const test = this.options.mode === 'test';
    return { cacheEntries: test ? 0 : Math.floor(cacheBytes / RecordCache.ENTRY_BYTES), commitIntervalMs };
  }

  getSource(name: string): SourceInfo | undefined {
    return this.metastore.getSource(name);
  }

  listSources(): readonly SourceInfo[] {
    return this.metastore.listSources();
  }

  listQueries(): readonly QueryInfo[] {
    return this.metastore.queryInfos();
  }

  async flush(): Promise<void> {
    for (const r of this.running.values()) r.query.flush();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    for (const r of this.running.values()) r.unsubscribe();
    this.running.clear();
    this.closed = true;
  }
}

export { KsqlError };
