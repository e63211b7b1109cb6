import type {
  AggregateCall,
  AggregatePlan,
  Evaluator,
  ProjectionPlan,
  QueryPlan,
} from '../plan/query-plan.ts';
import { KsqlStreamsError } from '../errors.ts';
import type { KeySerde, ValueSerde, WindowBounds } from '../serde/serde-types.ts';
import type { KafkaRecord, TopicLog } from '../topics/topic-log.ts';
import type { AggregateRow, AggregateSink, LateCounter } from './aggregate-types.ts';
import { aggregationOps } from './aggregation-ops.ts';
import { keyString } from './key-string.ts';
import type { MutableMetrics } from './query-metrics.ts';
import { RecordCache } from './record-cache.ts';
import { SessionWindowAggregator } from './session-window-aggregator.ts';
import { createSinkWriter } from './sink-writer.ts';
import type { DecodeResult } from './source-decoder.ts';
import { createJoinProcessor } from './join-operator.ts';
import { TimeWindowAggregator } from './time-window-aggregator.ts';
import { UnwindowedAggregator } from './unwindowed-aggregator.ts';

export interface QuerySerdes {
  /** The source's (shared, memoized) decoder. */
  readonly decode: (record: KafkaRecord) => DecodeResult;
  /** Joins: the decoders of the left and right sources. */
  readonly joinDecode?: readonly [
    (record: KafkaRecord) => DecodeResult,
    (record: KafkaRecord) => DecodeResult,
  ];
  readonly sinkKey: KeySerde;
  readonly sinkValue: ValueSerde;
}

export interface QueryRuntimeOptions {
  readonly topics: TopicLog;
  readonly metrics: MutableMetrics;
  /** Record cache budget in entries (0 = off, test mode) and commit interval. */
  readonly cacheEntries: number;
  readonly commitIntervalMs: number;
  readonly clock: () => number;
  /** CREATE OR REPLACE: the query being replaced. */
  readonly previous?: RunningQuery;
}

export interface RunningQuery {
  /** Aggregation state a CREATE OR REPLACE successor may take over. */
  readonly state?: AggregatorState;
  process(record: KafkaRecord): void;
  /** Commit: forward everything the record cache holds. */
  flush(): void;
}

type Emit = (
  key: readonly unknown[],
  value: readonly unknown[] | null,
  ts: number,
  window: WindowBounds | undefined,
) => void;

/**
 * Builds the operator chain of one persistent query: source (deserialize, timestamp), WHERE,
 * then projection or aggregation, then the sink. Deserialization errors and invalid timestamps
 * skip the record and are counted (processing log); anything else is fatal (StreamsException).
 */
export function createRunningQuery(
  plan: QueryPlan,
  serdes: QuerySerdes,
  o: QueryRuntimeOptions,
): RunningQuery {
  const { layout } = plan;
  const keyCount = layout.key.length;
  const valueCount = layout.value.length;
  const width = layout.width;
  const m = o.metrics;
  const write = createSinkWriter(plan, o.topics, serdes.sinkKey, serdes.sinkValue);
  const late: LateCounter = {
    lateDropped(n) {
      m.lateRecordsDropped.set(plan.queryId, (m.lateRecordsDropped.get(plan.queryId) ?? 0) + n);
    },
  };
  const isTable = plan.source.type === 'TABLE';
  // Only table aggregations keep source rows; the others may reuse one row buffer.
  const reuseRow = !(plan.body.kind === 'aggregate' && plan.body.tableSource);
  const rowBuf = new Array<unknown>(width);
  const ts = plan.timestamp;
  const where = plan.where;

  const body =
    plan.body.kind === 'projection'
      ? projection(plan.body, isTable, write, where)
      : aggregation(plan.body, plan, write, late, o, o.previous?.state);

  const guard = (f: () => void): void => {
    try {
      f();
    } catch (e) {
      if (e instanceof KsqlStreamsError) throw e;
      const msg = e instanceof Error ? e.message : String(e);
      throw new KsqlStreamsError(`Exception caught in process. ${msg}`, { cause: e });
    }
  };
  if (plan.join && serdes.joinDecode) {
    const joinProcess = createJoinProcessor(
      plan.join,
      layout,
      serdes.joinDecode,
      m,
      plan.queryId,
      (row, isNull, t, key, window) => body.process(row, isNull, t, window, key),
    );
    return {
      ...(body.state ? { state: body.state } : {}),
      process(record) {
        guard(() => joinProcess(record));
        body.tick();
      },
      flush() {
        body.flush();
      },
    };
  }
  return {
    ...(body.state ? { state: body.state } : {}),
    process(record) {
      const d = serdes.decode(record);
      if (!d.ok) {
        m.deserializationErrors++;
        m.processingLog.push({
          queryId: plan.queryId,
          topic: record.topic,
          offset: record.offset,
          message: d.error instanceof Error ? d.error.message : String(d.error),
        });
        return;
      }
      const { key, window, value } = d;
      const row = reuseRow ? rowBuf : new Array<unknown>(width);
      for (let i = 0; i < keyCount; i++) row[i] = key[i] ?? null;
      if (value) for (let i = 0; i < valueCount; i++) row[keyCount + i] = value[i] ?? null;
      else for (let i = 0; i < valueCount; i++) row[keyCount + i] = null;
      let t = record.timestamp;
      if (ts.kind === 'column' && value !== null) {
        const extracted = ts.parse(row[ts.index] ?? null);
        if (extracted === null) {
          if (plan.throwOnInvalidTimestamp) {
            throw new KsqlStreamsError(
              `Fatal user code error in TimestampExtractor callback for record ConsumerRecord(topic = ${record.topic}, partition = ${record.partition}, offset = ${record.offset}).`,
            );
          }
          m.invalidTimestampsSkipped++;
          return;
        }
        t = extracted;
      }
      row[layout.tsIndex] = t;
      row[layout.partitionIndex] = record.partition;
      row[layout.offsetIndex] = record.offset;
      row[layout.windowStartIndex] = window ? window.start : null;
      row[layout.windowEndIndex] = window ? window.end : null;
      try {
        body.process(row, value === null, t, window, key);
      } catch (e) {
        if (e instanceof KsqlStreamsError) throw e;
        const msg = e instanceof Error ? e.message : String(e);
        throw new KsqlStreamsError(`Exception caught in process. ${msg}`, { cause: e });
      }
      body.tick();
    },
    flush() {
      body.flush();
    },
  };
}

/** What CREATE OR REPLACE hands from the old query to the new one (aggregations only). */
export interface AggregatorState {
  readonly signature: string;
  readonly agg:
    TimeWindowAggregator<unknown[]> | SessionWindowAggregator<unknown[]> | UnwindowedAggregator<unknown[]>;
  readonly rows?: Map<string, unknown[]>;
}

interface Body {
  readonly state?: AggregatorState;
  process(
    row: unknown[],
    isNull: boolean,
    ts: number,
    window: WindowBounds | undefined,
    sourceKey: unknown[],
  ): void;
  tick(): void;
  flush(): void;
}

/**
 * Stream/table projection with WHERE; PARTITION BY re-keys (e.12 null handling). A table row that
 * stops passing the WHERE yields a tombstone only if it passed before (query-upgrades-filters.sql,
 * ksql#6493: no tombstone for rows the filter never let through).
 */
function projection(p: ProjectionPlan, isTable: boolean, write: Emit, where: QueryPlan['where']): Body {
  const keyEvals = p.key;
  const valueEvals = p.value;
  const passed = new Set<string>();
  return {
    process(row, isNull, ts, window, sourceKey) {
      if (isTable && sourceKey.every((k) => k === null)) return;
      if (isNull) {
        if (where && !isTable) return;
        if (where && !passed.delete(keyString(sourceKey))) return;
        write(p.repartition ? keyEvals.map(() => null) : keyEvals.map((e) => e(row)), null, ts, window);
        return;
      }
      if (where && !where(row)) {
        if (isTable && passed.delete(keyString(sourceKey)))
          write(
            keyEvals.map((e) => e(row)),
            null,
            ts,
            window,
          );
        return;
      }
      if (isTable && where) passed.add(keyString(sourceKey));
      const key = keyEvals.map((e) => e(row));
      const value = valueEvals.map((e) => e(row));
      write(key, value, ts, window);
    },
    tick() {},
    flush() {},
  };
}

function aggregation(
  p: AggregatePlan,
  plan: QueryPlan,
  write: Emit,
  late: LateCounter,
  o: QueryRuntimeOptions,
  previous: AggregatorState | undefined,
): Body {
  const ops = aggregationOps(p.calls);
  const calls = p.calls;
  const having = p.having;
  const valueEvals = p.value;
  const groupBy = p.groupBy;
  const nk = groupBy.length;
  const nc = calls.length;

  // HAVING reads only some aggregates: the others are mapped for the rows that pass it.
  const havingCalls = having ? (p.havingCalls ?? calls.map((_, i) => i)) : [];
  const otherCalls = calls.map((_, i) => i).filter((i) => !havingCalls.includes(i));
  // The aggregate row is rebuilt for each output: evaluators read it and keep nothing of it.
  const aggRow = new Array<unknown>(nk + nc + 2);
  const mapCalls = (acc: unknown[], which: readonly number[]): void => {
    for (let j = 0; j < which.length; j++) {
      const i = which[j] as number;
      aggRow[nk + i] = (calls[i] as AggregateCall).fn.map(acc[i]);
    }
  };

  /** Computes HAVING and the output row of an aggregate row and writes it (or a tombstone). */
  const output = (r: AggregateRow<unknown[]>): void => {
    // A row computed on demand (a cold window) computes what HAVING reads first, the rest if it passes.
    const partial = having && r.accFor ? r.accFor(havingCalls) : r.acc;
    if (partial === null) {
      if (!having || r.passed) write(r.key, null, r.ts, r.window);
      r.passed = false;
      return;
    }
    const key = r.key;
    for (let i = 0; i < nk; i++) aggRow[i] = key[i];
    aggRow[nk + nc] = r.window ? r.window.start : null;
    aggRow[nk + nc + 1] = r.window ? r.window.end : null;
    mapCalls(partial, havingCalls);
    if (having && !having(aggRow)) {
      if (r.passed) write(key, null, r.ts, r.window);
      r.passed = false;
      return;
    }
    mapCalls(having && r.accFor ? (r.acc as unknown[]) : partial, otherCalls);
    const value = new Array<unknown>(valueEvals.length);
    for (let i = 0; i < valueEvals.length; i++) value[i] = (valueEvals[i] as Evaluator)(aggRow);
    write(key, value, r.ts, r.window);
    r.passed = true;
  };
  // Record cache (production mode): rows are coalesced by identity until the commit, then
  // output with their latest value, as Kafka Streams' caching store forwards on flush.
  const forward = (r: AggregateRow<unknown[]>): void => {
    output(r);
    r.released?.();
  };
  const cache = new RecordCache<AggregateRow<unknown[]>>(
    forward,
    o.cacheEntries,
    o.commitIntervalMs,
    o.clock,
  );
  const sink: AggregateSink<unknown[]> = o.cacheEntries <= 0 ? forward : (r) => cache.put(r);

  /** A fresh group key, or null when any part is null (dropped, reference e.12). */
  const newGroupKey = (row: unknown[]): unknown[] | null => {
    const k = new Array<unknown>(nk);
    for (let i = 0; i < nk; i++) {
      const v = (groupBy[i] as (r: readonly unknown[]) => unknown)(row);
      if (v === null || v === undefined) return null;
      k[i] = v;
    }
    return k;
  };
  // Stream aggregations: the aggregators copy a key when they first store it.
  const keyBuf = new Array<unknown>(nk);
  const groupKey = (row: unknown[]): unknown[] | null => {
    for (let i = 0; i < nk; i++) {
      const v = (groupBy[i] as (r: readonly unknown[]) => unknown)(row);
      if (v === null || v === undefined) return null;
      keyBuf[i] = v;
    }
    return keyBuf;
  };
  const where = plan.where;
  const w = p.window;
  // CREATE OR REPLACE keeps the aggregation state when the aggregation has the same shape.
  const signature = JSON.stringify({
    w,
    final: p.emitFinal,
    table: p.tableSource,
    calls: calls.map((c) => [c.fn.returnType, c.fn.aggregateType]),
    keys: nk,
  });
  const prev = previous?.signature === signature ? previous : undefined;
  const reuse = <T extends { rebind(o: typeof ops, s: typeof sink): void }>(make: () => T): T => {
    const old = prev?.agg as T | undefined;
    if (!old) return make();
    old.rebind(ops, sink);
    return old;
  };
  let process: Body['process'];
  let agg: AggregatorState['agg'];
  let rows: Map<string, unknown[]> | undefined;
  if (w && w.kind !== 'SESSION') {
    const a = reuse(() => new TimeWindowAggregator({ ...w, emitFinal: p.emitFinal, ops, sink, late }));
    agg = a;
    process = (row, isNull, ts) => {
      if (isNull || (where && !where(row))) return;
      const k = groupKey(row);
      if (k) a.process(k, row, ts);
    };
  } else if (w) {
    const a = reuse(() => new SessionWindowAggregator({ ...w, emitFinal: p.emitFinal, ops, sink, late }));
    agg = a;
    process = (row, isNull, ts) => {
      if (isNull || (where && !where(row))) return;
      const k = groupKey(row);
      if (k) a.process(k, row, ts);
    };
  } else if (!p.tableSource) {
    const a = reuse(() => new UnwindowedAggregator(ops, sink));
    agg = a;
    process = (row, isNull, ts) => {
      if (isNull || (where && !where(row))) return;
      const k = groupKey(row);
      if (k) a.add(k, row, ts);
    };
  } else {
    // Table → table: materialize the source rows to undo them (reference e.3, count.json "count table").
    const a = reuse(() => new UnwindowedAggregator(ops, sink));
    agg = a;
    const sourceRows = prev?.rows ?? new Map<string, unknown[]>();
    rows = sourceRows;
    process = (row, isNull, ts, _window, sourceKey) => {
      if (sourceKey.every((k) => k === null)) return;
      const sk = keyString(sourceKey);
      const before = sourceRows.get(sk);
      const next = isNull || (where && !where(row)) ? undefined : row;
      if (next) sourceRows.set(sk, next);
      else sourceRows.delete(sk);
      const oldKey = before ? newGroupKey(before) : null;
      const newKey = next ? newGroupKey(next) : null;
      if (before && next && oldKey && newKey && keyString(oldKey) === keyString(newKey)) {
        a.replace(newKey, before, next, ts);
        return;
      }
      if (before && oldKey) a.undo(oldKey, before, ts);
      if (next && newKey) a.add(newKey, next, ts);
    };
  }
  return {
    process,
    state: { signature, agg, ...(rows ? { rows } : {}) },
    tick: () => cache.tick(),
    flush: () => cache.flush(),
  };
}
