import type { SourceInfo } from '../api.ts';
import { KsqlRuntimeError, KsqlStatementError, KsqlUnsupportedError } from '../errors.ts';
import type { Query } from '../parser/ast.ts';
import { containsAggregate } from '../plan/expression-checks.ts';
import type { PlanContext } from '../plan/plan-context.ts';
import { planQuery } from '../plan/plan-query.ts';
import { createRunningQuery, type QuerySerdes } from '../runtime/persistent-query.ts';
import { createMetrics } from '../runtime/query-metrics.ts';
import type { KeySerde, ValueSerde } from '../serde/serde-types.ts';
import type { KafkaRecord, TopicLog } from '../topics/topic-log.ts';
import type { SqlType } from '../types/sql-type.ts';
import { selectItemName } from './select-item-name.ts';

/** What a transient aggregation needs from the engine. */
export interface TransientTopologyDeps {
  readonly topics: TopicLog;
  readonly planContext: PlanContext;
  /** The source's shared decoder. */
  readonly sourceDecoder: (source: SourceInfo) => Promise<QuerySerdes['decode']>;
  /** Serdes for the private output (JSON key and value: no registry involved). */
  readonly outputSerdes: (sink: SourceInfo) => Promise<{ key: KeySerde; value: ValueSerde }>;
  readonly cacheEntries: number;
  readonly commitIntervalMs: number;
  readonly clock: () => number;
}

/** One change of a transient topology's result, in SELECT order; `tombstone` when a row is deleted. */
export interface TransientChange {
  readonly columns: unknown[];
  readonly tombstone: boolean;
}

export interface TransientTopology {
  /** The source (the left one of a join). */
  readonly source: SourceInfo;
  /** The SELECT list: names and types, in order. */
  readonly columns: readonly { readonly name: string; readonly type: SqlType }[];
  /**
   * Starts the topology: from the source's beginning (auto.offset.reset=earliest) or from now.
   * `ready` settles once the records already in the topic have been processed.
   */
  start(
    fromBeginning: boolean,
    emit: (change: TransientChange) => void,
    fail: (error: unknown) => void,
  ): { readonly stop: () => void; readonly ready: Promise<void> };
}

let transientCount = 0;

/**
 * A push query that needs a topology of its own — an aggregation (`SELECT … [WINDOW …]
 * [GROUP BY …] EMIT CHANGES`) or a join — run as ksqlDB runs a transient query: planned like a
 * C*AS (an aggregation keyed by its GROUP BY expressions whether or not they are selected; no
 * GROUP BY: one group of everything), its changes handed to the caller instead of a sink topic.
 * Nothing is added to the metastore and no topic is written. Planning errors are plain
 * KsqlExceptions, as the /query endpoint reports them (push-queries.json "window bounds in
 * WHERE").
 */
export function planTransientTopology(query: Query, deps: TransientTopologyDeps): TransientTopology {
  const n = ++transientCount;
  const topic = `_transient_query_${n}`;
  const aggregating = isAggregating(query);
  const grouped: Query =
    !aggregating || query.groupBy
      ? query
      : { ...query, groupBy: [{ kind: 'IntegerLiteral', text: '1', loc: query.loc }] };
  let plan: ReturnType<typeof planQuery>;
  try {
    plan = planQuery(
      grouped,
      {
        kind: 'create',
        name: `TRANSIENT_${n}`,
        type: aggregating || joinsTables(query, deps.planContext) ? 'TABLE' : 'STREAM',
        with: { kafkaTopic: topic, keyFormat: 'JSON', valueFormat: 'JSON' },
      },
      { ...deps.planContext, transient: true },
    );
  } catch (e) {
    if (e instanceof KsqlStatementError && !(e instanceof KsqlUnsupportedError))
      throw new KsqlRuntimeError(e.message, { cause: e });
    throw e;
  }
  const sink = plan.sink;
  const keyNames = sink.schema.key.map((c) => c.name);
  const valueNames = sink.schema.value.map((c) => c.name);
  const columns = [...sink.schema.key, ...sink.schema.value].filter((c) => !c.name.startsWith('\u0000'));
  const order = selectOrder(query, columns);

  return {
    source: plan.join ? plan.join.left.source : plan.source,
    columns: order.map((c) => ({ name: c.name, type: c.type })),
    start(fromBeginning, emit, fail) {
      let stopped = false;
      let unsubscribe = (): void => {};
      let timer: ReturnType<typeof setInterval> | undefined;
      const stop = (): void => {
        stopped = true;
        unsubscribe();
        if (timer) clearInterval(timer);
      };
      const ready = (async () => {
        const join = plan.join;
        const decode = await deps.sourceDecoder(join ? join.left.source : plan.source);
        const joinDecode = join
          ? ([decode, await deps.sourceDecoder(join.right.source)] as const)
          : undefined;
        const out = await deps.outputSerdes(sink);
        const forward = (record: { key: Uint8Array | null; value: Uint8Array | null }): void => {
          const { key } = out.key.deserialize(record.key);
          const value = out.value.deserialize(record.value);
          const byName = new Map<string, unknown>();
          keyNames.forEach((name, i) => byName.set(name, key[i] ?? null));
          if (value) valueNames.forEach((name, i) => byName.set(name, value[i] ?? null));
          emit({
            columns: order.map((c) =>
              value || keyNames.includes(c.name) ? (byName.get(c.name) ?? null) : null,
            ),
            tombstone: value === null,
          });
        };
        const capture = captureTopic(deps.topics, topic, forward);
        const running = createRunningQuery(
          plan,
          { decode, ...(joinDecode ? { joinDecode } : {}), sinkKey: out.key, sinkValue: out.value },
          {
            topics: capture,
            metrics: createMetrics(),
            cacheEntries: deps.cacheEntries,
            commitIntervalMs: deps.commitIntervalMs,
            clock: deps.clock,
          },
        );
        const process = (record: KafkaRecord): void => {
          if (stopped) return;
          try {
            running.process(record);
          } catch (e) {
            stop();
            fail(e);
          }
        };
        if (stopped) return;
        // As a persistent query starts: each input topic's records in order, then live records.
        const inputs = join ? [join.left.source.topic, join.right.source.topic] : [plan.source.topic];
        const existing: KafkaRecord[] = [];
        for (const t of fromBeginning ? inputs : []) {
          const partitions = deps.topics.describeTopic(t)?.partitions ?? 0;
          for (let p = 0; p < partitions; p++) existing.push(...deps.topics.read(t, p, 0));
        }
        const unsubscribes = inputs.map((t) => deps.topics.subscribe(t, process));
        unsubscribe = () => unsubscribes.forEach((u) => u());
        for (const r of existing) process(r);
        if (deps.cacheEntries > 0) timer = setInterval(() => running.flush(), deps.commitIntervalMs);
        timer?.unref?.();
      })();
      ready.catch((e: unknown) => {
        stop();
        fail(e);
      });
      return { stop, ready: ready.catch(() => undefined) };
    },
  };
}

/** GROUP BY, WINDOW, HAVING or an aggregate call in the SELECT list. */
export function isAggregating(query: Query): boolean {
  return (
    query.groupBy !== undefined ||
    query.window !== undefined ||
    query.having !== undefined ||
    query.select.some((i) => i.kind !== 'AllColumns' && containsAggregate(i.expression))
  );
}

/** A join of two tables gives a table; any join with a stream gives a stream. */
function joinsTables(query: Query, ctx: PlanContext): boolean {
  const from = query.from;
  if (from.kind !== 'Join') return false;
  const sides = [from.left, from.right];
  return sides.every((r) => r.kind === 'Table' && ctx.getSource(r.name.name)?.type === 'TABLE');
}

/** The output columns in the order the SELECT list names them (the sink lists keys first). */
function selectOrder<C extends { name: string }>(query: Query, columns: readonly C[]): C[] {
  const byName = new Map(columns.map((c) => [c.name, c]));
  const ordered: C[] = [];
  const generated = { next: 0 };
  for (const item of query.select) {
    if (item.kind === 'AllColumns') return [...columns];
    const c = byName.get(selectItemName(item, generated));
    if (!c) return [...columns];
    ordered.push(c);
  }
  return ordered.length === columns.length ? ordered : [...columns];
}

/** The engine's topics, except that records appended to `topic` go to `forward` instead. */
function captureTopic(
  topics: TopicLog,
  topic: string,
  forward: (record: { key: Uint8Array | null; value: Uint8Array | null }) => void,
): TopicLog {
  return {
    createTopic: (name, partitions, replicas) => {
      if (name !== topic) topics.createTopic(name, partitions, replicas);
    },
    deleteTopic: (name) => topics.deleteTopic(name),
    describeTopic: (name) => (name === topic ? undefined : topics.describeTopic(name)),
    listTopics: () => topics.listTopics(),
    append: (name, record) => {
      if (name !== topic) return topics.append(name, record);
      forward(record);
      return { ...record, topic, partition: 0, offset: 0 };
    },
    read: (name, partition, from) => (name === topic ? [] : topics.read(name, partition, from)),
    subscribe: (name, listener) => (name === topic ? () => {} : topics.subscribe(name, listener)),
  };
}
