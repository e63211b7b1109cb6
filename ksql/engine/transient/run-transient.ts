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

const rowId = (r: SourceRow): string =>
  JSON.stringify([r.key, r.window?.start ?? null, r.window?.end ?? null], (_k, v: unknown) =>
    typeof v === 'bigint' ? `${v}n` : v,
  );

/**
 * Pull query: the source's current state, read from its topic after a commit (a table's topic is its
 * changelog: the latest record per key and window wins, a tombstone deletes), filtered and
 * projected. Streams are scanned record by record.
 */
export async function runPullQuery(engine: KsqlEngine, plan: TransientPlan): Promise<TransientRow[]> {
  // ksqlDB answers pull queries from the state stores, which hold updates still in the record
  // cache: a commit first makes the changelog hold them too.
  await engine.flush();
  const decoded = engine.decode(plan.source.name, allRecords(engine, plan.source.topic));
  let rows: SourceRow[] = decoded;
  if (plan.source.type === 'TABLE') {
    const latest = new Map<string, SourceRow>();
    for (const r of decoded) {
      if (r.value === null) latest.delete(rowId(r));
      else latest.set(rowId(r), r);
    }
    rows = [...latest.values()];
  }
  const out: TransientRow[] = [];
  for (const r of rows) {
    if (r.value === null || !passes(plan, r)) continue;
    out.push({ columns: plan.project(r) });
    if (plan.limit !== undefined && out.length >= plan.limit) break;
  }
  return out;
}

/**
 * Push query: every new record of the source (from the beginning with
 * auto.offset.reset=earliest), filtered and projected, until LIMIT rows or `stop()`.
 */
export function runPushQuery(
  engine: KsqlEngine,
  plan: TransientPlan,
  fromBeginning: boolean,
  emit: (row: TransientRow) => void,
  done: () => void,
): { stop: () => void } {
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
    if (row.value === null) {
      if (plan.source.type === 'TABLE') {
        const keys = plan.columns.map((c, i) =>
          c.key ? (plan.project({ ...row, value: [] })[i] ?? null) : null,
        );
        emit({ columns: keys, tombstone: true });
      }
      return;
    }
    if (!passes(plan, row)) return;
    emit({ columns: plan.project(row) });
    if (plan.limit !== undefined && ++emitted >= plan.limit) stop();
  };
  const existing = fromBeginning ? allRecords(engine, plan.source.topic) : [];
  unsubscribe = engine.topics.subscribe(plan.source.topic, handle);
  for (const r of existing) handle(r);
  return { stop };
}
