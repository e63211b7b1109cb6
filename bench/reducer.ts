/**
 * The hand-written baseline of `npm run bench -- engine`: the four queries of ksql/migrations
 * (V000002–V000005, default variables) as plain TypeScript over decoded orders. Same windows,
 * grace and acceptance rule as the engine (a (record, window) pair is accepted iff
 * `windowEnd > streamTime - grace`, Kafka Streams' KStreamWindowAggregate); state in a Map per
 * query keyed by the GROUP BY key, each key's open windows in a small array (as the engine keeps
 * them); count/sum/min/max/latest and exact distinct Sets; a record cache: changed rows are
 * collected per commit interval (2 s of wall clock) and turned into output rows on commit.
 * What it does not do: serialize output records (the engine Avro-encodes every forwarded row
 * and appends it to a topic), HyperLogLog (it counts distinct values exactly).
 */
import { ORDER_TYPE } from '../generator/avro.ts';
import type { Order } from '../generator/order.ts';

const GRACE = 30_000;

/** One query's state: key → its open windows, ascending by start (one Map lookup per record). */
interface Hopping<E> {
  readonly size: number;
  readonly advance: number;
  readonly byKey: Map<string, E[]>;
  streamTime: number;
  sweptAt: number;
}

interface ProductWindow {
  readonly start: number;
  readonly productId: string;
  name: string;
  category: string;
  count: number;
  sales: number;
}

interface IpWindow {
  readonly start: number;
  readonly ip: string;
  count: number;
  spent: number;
  readonly users: Set<string>;
  first: number;
  last: number;
}

interface StatsWindow {
  readonly start: number;
  count: number;
  sales: number;
  readonly ips: Set<string>;
}

export interface ReducerOutput {
  /** Output rows forwarded on commits (record-cache semantics) per query. */
  readonly popular: number;
  readonly suspicious: number;
  readonly highValue: number;
  readonly stats: number;
  /** (record, window) pairs dropped as late, all windowed queries. */
  readonly late: number;
}

export class HandWrittenReducer {
  private readonly popular = hopping<ProductWindow>(30_000, 10_000);
  private readonly ips = hopping<IpWindow>(60_000, 10_000);
  private readonly stats = hopping<StatsWindow>(30_000, 30_000);
  private readonly dirty = new Set<object>();
  private nextCommit: number;
  private readonly out = { popular: 0, suspicious: 0, highValue: 0, stats: 0, late: 0 };
  /** Output rows are built (and kept only until the next commit) as the engine's sink would. */
  private readonly rows: unknown[] = [];

  constructor(
    private readonly minOrders: number,
    private readonly highValueKrw: number,
    private readonly commitMs: number,
    private readonly clock: () => number = Date.now,
  ) {
    this.nextCommit = clock() + commitMs;
  }

  /** One Confluent-framed Avro order value. */
  processValue(value: Uint8Array): void {
    const buf = Buffer.from(value.buffer, value.byteOffset, value.byteLength);
    this.process(ORDER_TYPE.fromBuffer(buf.subarray(5)) as Order);
  }

  process(o: Order): void {
    const ts = o.event_ts;
    const total = o.unit_price * o.quantity;
    // POPULAR_PRODUCTS
    const pw = this.windows(this.popular, o.product_id, ts);
    for (let start = this.first(this.popular, ts); start <= ts; start += this.popular.advance) {
      if (this.late(this.popular, start)) continue;
      let e = find(pw, start);
      if (!e) {
        e = { start, productId: o.product_id, name: '', category: '', count: 0, sales: 0 };
        insert(pw, e);
      }
      e.name = o.product_name;
      e.category = o.category;
      e.count++;
      e.sales += total;
      this.dirty.add(e);
    }
    // SUSPICIOUS_IPS (HAVING: only windows at or over the threshold are forwarded)
    const iw = this.windows(this.ips, o.ip_address, ts);
    for (let start = this.first(this.ips, ts); start <= ts; start += this.ips.advance) {
      if (this.late(this.ips, start)) continue;
      let e = find(iw, start);
      if (!e) {
        e = { start, ip: o.ip_address, count: 0, spent: 0, users: new Set(), first: ts, last: ts };
        insert(iw, e);
      }
      e.count++;
      e.spent += total;
      e.users.add(o.user_id);
      if (ts < e.first) e.first = ts;
      if (ts > e.last) e.last = ts;
      if (e.count >= this.minOrders) this.dirty.add(e);
    }
    // HIGH_VALUE_ORDERS (stateless: forwarded at once, as the engine's stream sink does)
    if (total >= this.highValueKrw) {
      this.rows.push({ ...o, total_krw: total });
      this.out.highValue++;
    }
    // REALTIME_STATS (GROUP BY 1: a single key)
    const sw = this.windows(this.stats, '', ts);
    for (let start = this.first(this.stats, ts); start <= ts; start += this.stats.advance) {
      if (this.late(this.stats, start)) continue;
      let e = find(sw, start);
      if (!e) {
        e = { start, count: 0, sales: 0, ips: new Set() };
        insert(sw, e);
      }
      e.count++;
      e.sales += total;
      e.ips.add(o.ip_address);
      this.dirty.add(e);
    }
    if (this.dirty.size > 0 && this.clock() >= this.nextCommit) {
      this.commit();
      this.nextCommit = this.clock() + this.commitMs;
    }
  }

  /** Forwards every changed row (a commit), building the output rows. */
  commit(): void {
    this.rows.length = 0;
    for (const e of this.dirty) {
      if ('productId' in e) {
        const w = e as ProductWindow;
        this.rows.push([w.productId, w.start, w.start + 30_000, w.name, w.category, w.count, w.sales]);
        this.out.popular++;
      } else if ('ip' in e) {
        const w = e as IpWindow;
        this.rows.push([w.ip, w.start, w.start + 60_000, w.count, w.spent, w.users.size, w.first, w.last]);
        this.out.suspicious++;
      } else {
        const w = e as StatsWindow;
        this.rows.push([1, w.start, w.start + 30_000, w.count, w.sales, w.sales / w.count, w.ips.size]);
        this.out.stats++;
      }
    }
    this.dirty.clear();
  }

  get output(): ReducerOutput {
    return { ...this.out };
  }

  /**
   * Advances stream time, sweeps closed windows once per advance, and returns the key's open
   * windows with the closed ones dropped.
   */
  private windows<E extends { start: number }>(h: Hopping<E>, key: string, ts: number): E[] {
    if (ts > h.streamTime) h.streamTime = ts;
    const threshold = h.streamTime - GRACE - h.size + 1;
    if (threshold >= h.sweptAt + h.advance) {
      h.sweptAt = threshold;
      for (const [k, ws] of h.byKey) {
        const open = ws.filter((e) => e.start >= threshold);
        if (open.length === 0) h.byKey.delete(k);
        else if (open.length !== ws.length) h.byKey.set(k, open);
      }
    }
    let ws = h.byKey.get(key);
    if (!ws) {
      ws = [];
      h.byKey.set(key, ws);
    } else if (ws.length > 0 && (ws[0] as E).start < threshold) {
      ws = ws.filter((e) => e.start >= threshold);
      h.byKey.set(key, ws);
    }
    return ws;
  }

  /** First window start containing ts (Kafka Streams TimeWindows.windowsFor, start >= 0). */
  private first(h: Hopping<object>, ts: number): number {
    return Math.floor(Math.max(0, ts - h.size + h.advance) / h.advance) * h.advance;
  }

  /** The grace rule: a (record, window) pair is dropped iff windowEnd <= streamTime - grace. */
  private late(h: Hopping<object>, start: number): boolean {
    if (start + h.size > h.streamTime - GRACE) return false;
    this.out.late++;
    return true;
  }
}

function find<E extends { start: number }>(ws: readonly E[], start: number): E | undefined {
  for (let i = ws.length - 1; i >= 0; i--) {
    const e = ws[i] as E;
    if (e.start === start) return e;
    if (e.start < start) return undefined;
  }
  return undefined;
}

/** Keeps the windows ascending by start (late records may open an older window). */
function insert<E extends { start: number }>(ws: E[], e: E): void {
  let i = ws.length;
  while (i > 0 && (ws[i - 1] as E).start > e.start) i--;
  ws.splice(i, 0, e);
}

function hopping<E>(size: number, advance: number): Hopping<E> {
  return { size, advance, byKey: new Map(), streamTime: -Infinity, sweptAt: -Infinity };
}
