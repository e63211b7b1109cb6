import type { JoinPlan, JoinSide } from '../plan/query-plan.ts';
import type { SourceLayout } from '../plan/source-scope.ts';
import type { KafkaRecord } from '../topics/topic-log.ts';
import { keyString } from './key-string.ts';
import type { MutableMetrics } from './query-metrics.ts';
import type { WindowBounds } from '../serde/serde-types.ts';
import type { DecodeResult } from './source-decoder.ts';

/** A decoded input row of one join side: `[...key, ...value, ts, partition, offset]` plus its timestamp. */
interface SideRow {
  readonly row: unknown[];
  readonly ts: number;
  /** Windowed sources: the record's window (rows join on key and window). */
  readonly window: WindowBounds | undefined;
}

const windowOf = (s: SideRow | undefined): WindowBounds | undefined => s?.window;

export type JoinOutput = (
  row: unknown[],
  isNull: boolean,
  ts: number,
  key: unknown[],
  window: WindowBounds | undefined,
) => void;

/**
 * Joins two inputs into rows of the join result layout (`[joinKey, ...values, ts, ...]`):
 * stream-table (the table side materialized by primary key, looked up per stream record, result
 * timestamp = the stream record's), table-table (both sides materialized; a change on either
 * side re-evaluates the key; tombstones once a previously emitted key stops joining) and
 * stream-stream INNER within a time window (timestamp = the later of the two records).
 */
export function createJoinProcessor(
  join: JoinPlan,
  layout: SourceLayout,
  decoders: readonly [(r: KafkaRecord) => DecodeResult, (r: KafkaRecord) => DecodeResult],
  metrics: MutableMetrics,
  queryId: string,
  out: JoinOutput,
): (record: KafkaRecord) => void {
  const sides = [join.left, join.right] as const;
  const tables = [new Map<string, SideRow>(), new Map<string, SideRow>()] as const;
  const buffers = [new Map<string, SideRow[]>(), new Map<string, SideRow[]>()] as const;
  const emitted = new Set<string>();
  let streamTime = -Infinity;
  /** The record being processed: the result's ROWPARTITION/ROWOFFSET. */
  let current: KafkaRecord | undefined;

  const combine = (
    joinKey: unknown,
    l: SideRow | undefined,
    r: SideRow | undefined,
    ts: number,
  ): unknown[] => {
    const row = new Array<unknown>(layout.width).fill(null);
    row[0] = joinKey;
    const put = (side: JoinSide, s: SideRow | undefined): void => {
      if (!s) return;
      const { tsIndex, offsetIndex } = side.layout;
      side.mapping.forEach((target, i) => {
        if (target < 0) return;
        const v = s.row[i] ?? null;
        // A side's ROWTIME and ROWOFFSET are BIGINT columns of the result.
        row[1 + target] = (i === tsIndex || i === offsetIndex) && typeof v === 'number' ? BigInt(v) : v;
      });
    };
    put(join.left, l);
    put(join.right, r);
    const w = windowOf(l) ?? windowOf(r);
    row[layout.windowStartIndex] = w?.start ?? null;
    row[layout.windowEndIndex] = w?.end ?? null;
    row[layout.tsIndex] = ts;
    row[layout.partitionIndex] = current?.partition ?? null;
    row[layout.offsetIndex] = current?.offset ?? null;
    return row;
  };

  const sideRow = (
    i: 0 | 1,
    record: KafkaRecord,
  ): { key: unknown[]; value: unknown[] | null; side: SideRow } | undefined => {
    const side = sides[i];
    const d = decoders[i](record);
    if (!d.ok) {
      metrics.deserializationErrors++;
      metrics.processingLog.push({
        queryId,
        topic: record.topic,
        offset: record.offset,
        message: d.error instanceof Error ? d.error.message : String(d.error),
      });
      return undefined;
    }
    const L = side.layout;
    const row = new Array<unknown>(L.width).fill(null);
    d.key.forEach((v, j) => (row[j] = v ?? null));
    if (d.value) d.value.forEach((v, j) => (row[L.key.length + j] = v ?? null));
    let ts = record.timestamp;
    if (side.timestamp.kind === 'column' && d.value) {
      const t = side.timestamp.parse(row[side.timestamp.index] ?? null);
      if (t === null) {
        metrics.invalidTimestampsSkipped++;
        return undefined;
      }
      ts = t;
    }
    row[L.tsIndex] = ts;
    row[L.partitionIndex] = record.partition;
    row[L.offsetIndex] = record.offset;
    row[L.windowStartIndex] = d.window?.start ?? null;
    row[L.windowEndIndex] = d.window?.end ?? null;
    return { key: d.key, value: d.value, side: { row, ts, window: d.window } };
  };

  /** The join's matching key: the key value, and the window for windowed sources. */
  const keyOf = (k: unknown, s: SideRow): string =>
    join.windowed ? keyString([k, s.window?.start ?? null, s.window?.end ?? null]) : keyString([k]);

  const tableChange = (i: 0 | 1, r: NonNullable<ReturnType<typeof sideRow>>): void => {
    const k = r.key[0] ?? null;
    if (k === null) return;
    const ks = keyOf(k, r.side);
    if (r.value === null) tables[i].delete(ks);
    else tables[i].set(ks, r.side);
  };

  return (record) => {
    current = record;
    const i: 0 | 1 = record.topic === join.left.source.topic ? 0 : 1;
    const r = sideRow(i, record);
    if (!r) return;
    if (join.kind === 'STREAM_TABLE') {
      if (i === 1) {
        tableChange(1, r);
        return;
      }
      if (r.value === null) return;
      const k = join.left.joinKey(r.side.row);
      if (k === null || k === undefined) return;
      const right = tables[1].get(keyOf(k, r.side));
      if (!right && join.type === 'INNER') return;
      out(combine(k, r.side, right, r.side.ts), false, r.side.ts, [k], r.side.window);
      return;
    }
    if (join.kind === 'TABLE_TABLE') {
      tableChange(i, r);
      const k = r.key[0] ?? null;
      if (k === null) return;
      const ks = keyOf(k, r.side);
      const l = tables[0].get(ks);
      const rt = tables[1].get(ks);
      const joins =
        join.type === 'INNER'
          ? l !== undefined && rt !== undefined
          : join.type === 'LEFT'
            ? l !== undefined
            : l !== undefined || rt !== undefined;
      const ts = r.side.ts;
      if (joins) {
        emitted.add(ks);
        out(combine(k, l, rt, ts), false, ts, [k], r.side.window);
      } else if (emitted.has(ks)) {
        emitted.delete(ks);
        out(combine(k, undefined, undefined, ts), true, ts, [k], r.side.window);
      }
      return;
    }
    // STREAM_STREAM, INNER
    if (r.value === null) return;
    const side = sides[i];
    const k = side.joinKey(r.side.row);
    if (k === null || k === undefined) return;
    const w = join.within ?? { before: 0, after: 0, grace: 0 };
    const t = r.side.ts;
    if (t > streamTime) streamTime = t;
    if (t < streamTime - Math.max(w.before, w.after) - w.grace) return;
    const ks = keyOf(k, r.side);
    const own = buffers[i].get(ks) ?? [];
    own.push(r.side);
    buffers[i].set(ks, own);
    const others = buffers[i === 0 ? 1 : 0].get(ks) ?? [];
    // For a left record at t: right records in [t - before, t + after]; mirrored for the right side.
    const lo = i === 0 ? t - w.before : t - w.after;
    const hi = i === 0 ? t + w.after : t + w.before;
    for (const o of others) {
      if (o.ts < lo || o.ts > hi) continue;
      const ts = Math.max(t, o.ts);
      out(i === 0 ? combine(k, r.side, o, ts) : combine(k, o, r.side, ts), false, ts, [k], r.side.window);
    }
    const horizon = streamTime - w.before - w.after - w.grace;
    if (own.length > 64 && own[0] && own[0].ts < horizon)
      buffers[i].set(
        ks,
        own.filter((x) => x.ts >= horizon),
      );
  };
}
