import type { KsqlEngine } from '../api.ts';
import type { KafkaRecord } from '../topics/topic-log.ts';
import { passes, type TransientPlan } from './plan-transient.ts';
import type { SourceRow } from './source-row.ts';

/** One emitted row; `tombstone` for a table row deleted while a push query watches it. */
export interface TransientRow {
  readonly columns: unknown[];
  readonly tombstone?: boolean;
}

function allRecords(engine: KsqlEngine, topic: string): KafkaRecord[] {
  const out: KafkaRecord[] = [];
  const n = engine.topics.describeTopic(topic)?.partitions ?? 0;
  for (let p = 0; p < n; p++) out.push(...engine.topics.read(topic, p, 0));
  return out;
}

const NO_KEY = new Uint8Array(0);

function storeOrder(a: KafkaRecord, b: KafkaRecord): number {
  return a.partition - b.partition || Buffer.compare(a.key ?? NO_KEY, b.key ?? NO_KEY);
}

const rowId = (r: SourceRow): string =>
  JSON.stringify([r.key, r.window?.start ?? null, r.window?.end ?? null], (_k, v: unknown) =>
    typeof v === 'bigint' ? `${v}n` : v,
  );

/**
 * Pull query: the source's current state, read from its topic after a commit (a table's topic is its
 * changelog: the latest record per key and window wins, a tombstone deletes), filtered and
 * projected. Streams are scanned record by record, partition by partition. Table rows come in
 * the order ksqlDB's table scan returns them: partition by partition, each partition's state
 * store in key-bytes order (RocksDB; a windowed store's keys are the key bytes then the window,
 * as in the changelog's windowed key), or in the order of the looked-up keys for key lookups.
 */
export async function runPullQuery(engine: KsqlEngine, plan: TransientPlan): Promise<TransientRow[]> {
  // ksqlDB answers pull queries from the state stores, which hold updates still in the record
  // cache: a commit first makes the changelog hold them too.
  await engine.flush();
  const records = allRecords(engine, plan.source.topic);
  const decoded = engine.decode(plan.source.name, records);
  let rows: SourceRow[] = decoded;
  if (plan.source.type === 'TABLE') {
    const latest = new Map<string, number>();
    decoded.forEach((r, i) => {
      if (r.value === null) latest.delete(rowId(r));
      else latest.set(rowId(r), i);
    });
    rows = [...latest.values()].sort((a, b) => storeOrder(records[a]!, records[b]!)).map((i) => decoded[i]!);
  }
  rows = rows.filter((r) => r.value !== null && passes(plan, r));
  if (plan.lookupOrder) rows = plan.lookupOrder(rows);
  const out: TransientRow[] = [];
  for (const r of rows) {
    out.push({ columns: plan.project(r) });
    if (plan.limit !== undefined && out.length >= plan.limit) break;
  }
  return out;
}

/**
 * Push query: every new record of the source (from the beginning with
 * auto.offset.reset=earliest), filtered and projected, or every change of a transient
 * topology (aggregation or join), until LIMIT rows or `stop()`. `ready` settles once the records already in the
 * source have been processed.
 */
export function runPushQuery(
  engine: KsqlEngine,
  plan: TransientPlan,
  fromBeginning: boolean,
  emit: (row: TransientRow) => void,
  done: () => void,
): { stop: () => void; ready: Promise<void> } {
  let emitted = 0;
  let stopped = false;
  let unsubscribe = (): void => {};
  const stop = () => {
    if (stopped) return;
    stopped = true;
    unsubscribe();
    done();
  };
  const handle = (record: KafkaRecord): void => {
    if (stopped) return;
    let row: SourceRow;
    try {
      [row] = engine.decode(plan.source.name, [record]) as [SourceRow];
    } catch {
      return; // undecodable records go to the persistent queries' processing log, not here
    }
    if (plan.source.type === 'TABLE' && row.key.every((k) => k === null)) return; // tables drop null keys
    if (row.value === null) {
      if (plan.source.type !== 'TABLE') return;
      // A deleted row: its key columns and window bounds, null for everything else.
      const projected = plan.project({ ...row, value: [] });
      emit({ columns: projected.map((v, i) => (plan.fromKey[i] ? (v ?? null) : null)), tombstone: true });
    } else {
      if (!passes(plan, row)) return;
      emit({ columns: plan.project(row) });
    }
    if (plan.limit !== undefined && ++emitted >= plan.limit) stop();
  };
  if (plan.limit === 0) {
    stop();
    return { stop, ready: Promise.resolve() };
  }
  if (plan.topology) {
    const running = plan.topology.start(
      fromBeginning,
      (change) => {
        if (stopped) return;
        emit(change.tombstone ? { columns: change.columns, tombstone: true } : { columns: change.columns });
        if (plan.limit !== undefined && ++emitted >= plan.limit) stop();
      },
      () => stop(),
    );
    unsubscribe = running.stop;
    if (stopped) running.stop();
    return { stop, ready: running.ready };
  }
  const existing = fromBeginning ? allRecords(engine, plan.source.topic) : [];
  unsubscribe = engine.topics.subscribe(plan.source.topic, handle);
  for (const r of existing) handle(r);
  return { stop, ready: Promise.resolve() };
}
