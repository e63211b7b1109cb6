import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GeneratedEvent } from '../generator/events.ts';
import type { Order } from '../generator/order.ts';
import { OrderSource } from '../generator/source.ts';
import { SCENARIO_NAMES, type TruthRecord } from '../generator/truth.ts';
import { serviceSettings } from '../infra/settings.ts';
import { LocalPipeline } from './local-pipeline.ts';
import { precision, recall, scoreHighValue, scoreSuspiciousIps } from './score/scorecard.ts';
import { openWarehouse, type Warehouse } from './warehouse.ts';

/**
 * End to end on the local runtime, against a real Postgres: a seeded run of every scenario
 * goes through the engine (ksql/migrations as deployed) and the local sink (connect/*.json).
 * The four tables must hold exactly the rows that an independent reducer written here
 * computes from the same orders, with ksqlDB's window semantics spelled out plainly: hopping or
 * tumbling windows, stream time = the newest event time seen, a (record, window) pair dropped
 * once the window's end is at or before stream time minus the 30 s grace.
 */
const START = Date.UTC(2026, 10, 24, 14, 55, 0); // 23:55 KST: the run crosses KST midnight
const schema = `e2e_${process.pid}`;
let warehouse: Warehouse;
let pipeline: LocalPipeline;
const events: GeneratedEvent[] = [];

beforeAll(async () => {
  const source = new OrderSource({
    scenarios: [...SCENARIO_NAMES],
    rate: 150,
    seed: 'e2e-all-scenarios',
    startMs: START,
    durationMs: 8 * 60_000,
  });
  for (const e of source) events.push(e);
  warehouse = await openWarehouse({
    databaseUrl: serviceSettings().databaseUrl,
    schema,
    dataDir: '',
    port: 0,
    log: () => {},
  });
  pipeline = await LocalPipeline.create({ warehouse, clock: () => START });
  for (let i = 0; i < events.length; i += 2000) {
    await pipeline.produce(events.slice(i, i + 2000));
    await pipeline.pumpSinks();
  }
  await pipeline.drain();
});

afterAll(async () => {
  await pipeline?.close();
  const client = new pg.Client({ connectionString: serviceSettings().databaseUrl });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client.end();
  await warehouse?.close();
});

const orders = (): Order[] => events.flatMap((e) => (e.kind === 'order' ? [e.order] : []));
/** Orders the rules count: the query set routes the others to INVALID_ORDERS. */
const valid = (): Order[] => orders().filter((o) => o.quantity > 0 && o.unit_price > 0);
const truth = (): TruthRecord[] => events.flatMap((e) => (e.kind === 'truth' ? [e.truth] : []));

/** Windows [start, start + size) containing ts, starts a multiple of advance (Kafka Streams TimeWindows). */
function windowsOf(ts: number, size: number, advance: number): number[] {
  const out: number[] = [];
  for (let s = Math.floor(ts / advance) * advance; s > ts - size; s -= advance) if (s >= 0) out.unshift(s);
  return out;
}

interface Acc<T> {
  key: string;
  start: number;
  state: T;
}

/** Applies orders in arrival order to windowed accumulators, dropping pairs whose window closed. */
function reduceWindows<T>(
  input: readonly Order[],
  size: number,
  advance: number,
  grace: number,
  keyOf: (o: Order) => string,
  init: () => T,
  add: (state: T, o: Order) => void,
): Map<string, Acc<T>> {
  const out = new Map<string, Acc<T>>();
  let streamTime = -Infinity;
  for (const o of input) {
    streamTime = Math.max(streamTime, o.event_ts);
    for (const start of windowsOf(o.event_ts, size, advance)) {
      if (start + size <= streamTime - grace) continue; // late: the window has closed
      const id = `${keyOf(o)}|${start}`;
      let acc = out.get(id);
      if (!acc) out.set(id, (acc = { key: keyOf(o), start, state: init() }));
      add(acc.state, o);
    }
  }
  return out;
}

const ms = (d: Date | string): number => new Date(d).getTime();

describe('npm start pipeline, end to end on the local runtime', () => {
  it('generated every scenario, poison records included', () => {
    const kinds = new Set(truth().map((t) => t.scenario));
    expect([...kinds].sort()).toEqual([...SCENARIO_NAMES].sort());
    expect(events.some((e) => e.kind === 'raw')).toBe(true);
  });

  it('popular_products holds exactly the per-product hopping-window counts and sales', async () => {
    const expected = reduceWindows(
      valid(),
      30_000,
      10_000,
      30_000,
      (o) => o.product_id,
      () => ({ count: 0, sales: 0, name: '', category: '' }),
      (s, o) => {
        s.count++;
        s.sales += o.unit_price * o.quantity;
        s.name = o.product_name;
        s.category = o.category;
      },
    );
    const rows = await warehouse.query<{
      product_id: string;
      window_start: Date;
      window_end: Date;
      product_name: string;
      category: string;
      order_count: string;
      sales_krw: string;
    }>('SELECT * FROM popular_products');
    expect(rows.length).toBe(expected.size);
    for (const r of rows) {
      const e = expected.get(`${r.product_id}|${ms(r.window_start)}`);
      expect(e, `unexpected row ${r.product_id} ${r.window_start.toISOString()}`).toBeDefined();
      expect([
        Number(r.order_count),
        Number(r.sales_krw),
        r.product_name,
        r.category,
        ms(r.window_end),
      ]).toEqual([e!.state.count, e!.state.sales, e!.state.name, e!.state.category, e!.start + 30_000]);
    }
  });

  it('suspicious_ips holds exactly the windows with at least 10 orders from one IP', async () => {
    const all = reduceWindows(
      valid(),
      60_000,
      10_000,
      30_000,
      (o) => o.ip_address,
      () => ({ count: 0, spent: 0, users: new Set<string>(), first: Infinity, last: -Infinity }),
      (s, o) => {
        s.count++;
        s.spent += o.unit_price * o.quantity;
        s.users.add(o.user_id);
        s.first = Math.min(s.first, o.event_ts);
        s.last = Math.max(s.last, o.event_ts);
      },
    );
    const expected = new Map([...all].filter(([, a]) => a.state.count >= 10));
    const rows = await warehouse.query<{
      ip_address: string;
      window_start: Date;
      order_count: string;
      total_spent_krw: string;
      distinct_users: string;
      first_order_at: Date;
      last_order_at: Date;
    }>('SELECT * FROM suspicious_ips');
    expect(expected.size).toBeGreaterThan(0);
    expect(rows.length).toBe(expected.size);
    for (const r of rows) {
      const e = expected.get(`${r.ip_address}|${ms(r.window_start)}`);
      expect(e, `unexpected row ${r.ip_address} ${r.window_start.toISOString()}`).toBeDefined();
      expect([
        Number(r.order_count),
        Number(r.total_spent_krw),
        Number(r.distinct_users),
        ms(r.first_order_at),
        ms(r.last_order_at),
      ]).toEqual([e!.state.count, e!.state.spent, e!.state.users.size, e!.state.first, e!.state.last]);
    }
  });

  it('high_value_orders holds exactly the orders of 500,000 KRW or more', async () => {
    const expected = valid().filter((o) => o.unit_price * o.quantity >= 500_000);
    const rows = await warehouse.query<{ order_id: string; total_krw: string; event_ts: Date }>(
      'SELECT order_id, total_krw, event_ts FROM high_value_orders',
    );
    expect(rows.length).toBe(expected.length);
    const byId = new Map(rows.map((r) => [r.order_id, r]));
    for (const o of expected) {
      const r = byId.get(o.order_id);
      expect(r, o.order_id).toBeDefined();
      expect([Number(r!.total_krw), ms(r!.event_ts)]).toEqual([o.unit_price * o.quantity, o.event_ts]);
    }
  });

  it('realtime_stats holds the tumbling 30 s totals (distinct IPs within HyperLogLog error)', async () => {
    const expected = reduceWindows(
      valid(),
      30_000,
      30_000,
      30_000,
      () => 'all',
      () => ({ count: 0, sales: 0, ips: new Set<string>() }),
      (s, o) => {
        s.count++;
        s.sales += o.unit_price * o.quantity;
        s.ips.add(o.ip_address);
      },
    );
    const rows = await warehouse.query<{
      window_start: Date;
      order_count: string;
      sales_krw: string;
      avg_order_krw: number;
      distinct_ips: string;
    }>('SELECT * FROM realtime_stats');
    expect(rows.length).toBe(expected.size);
    for (const r of rows) {
      const e = expected.get(`all|${ms(r.window_start)}`)!;
      expect(e).toBeDefined();
      expect([Number(r.order_count), Number(r.sales_krw)]).toEqual([e.state.count, e.state.sales]);
      expect(r.avg_order_krw).toBeCloseTo(e.state.sales / e.state.count, 6);
      expect(Math.abs(Number(r.distinct_ips) - e.state.ips.size) / e.state.ips.size).toBeLessThan(0.03);
    }
  });

  it('scores precision and recall 1.0 on macro-bot and distributed-bots, no flag for slow-drip, exact high-value orders', async () => {
    const ipRows = await warehouse.query<{ ip_address: string; ws: string }>(
      'SELECT ip_address, (extract(epoch FROM window_start) * 1000)::bigint::text AS ws FROM suspicious_ips',
    );
    const ips = scoreSuspiciousIps(
      truth(),
      ipRows.map((r) => ({ ip: r.ip_address, ws: Number(r.ws) })),
    );
    const by = (s: string) => ips.find((r) => r.scenario === s)!;
    for (const s of ['macro-bot', 'distributed-bots']) {
      expect(by(s).expected).toBeGreaterThan(0);
      expect([precision(by(s)), recall(by(s))]).toEqual([1, 1]);
    }
    expect(by('slow-drip').falsePositives).toBe(0);
    expect(by('baseline').falsePositives).toBe(0);
    const hvRows = await warehouse.query<{ order_id: string }>('SELECT order_id FROM high_value_orders');
    const hv = scoreHighValue(
      truth(),
      hvRows.map((r) => r.order_id),
      orders(),
      500_000,
    );
    for (const r of hv) expect([r.falsePositives, r.falseNegatives]).toEqual([0, 0]);
  });

  it('routes valid-Avro but invalid orders (non-positive quantity or price) to INVALID_ORDERS', () => {
    const invalid = orders().filter((o) => !(o.quantity > 0 && o.unit_price > 0));
    expect(invalid.length).toBeGreaterThan(0);
    const topic = pipeline.engine.getSource('INVALID_ORDERS')!.topic;
    const records = pipeline.engine.decode('INVALID_ORDERS', pipeline.engine.topics.read(topic, 0, 0));
    expect(records.map((r) => r.value?.[0])).toEqual(invalid.map((o) => o.order_id));
  });

  it('invalid_orders holds exactly those orders, field for field', async () => {
    const byId = (a: unknown[], b: unknown[]) => (String(a[0]) < String(b[0]) ? -1 : 1);
    const invalid = orders().filter((o) => !(o.quantity > 0 && o.unit_price > 0));
    const rows = await warehouse.query<{
      order_id: string;
      event_ts: Date;
      quantity: number;
      unit_price: string;
    }>('SELECT order_id, event_ts, quantity, unit_price FROM invalid_orders');
    expect(
      rows.map((r) => [r.order_id, ms(r.event_ts), r.quantity, Number(r.unit_price)]).sort(byId),
    ).toEqual(invalid.map((o) => [o.order_id, o.event_ts, o.quantity, o.unit_price]).sort(byId));
  });

  it('counts poison records in the processing log, as ksqlDB does, and keeps going', () => {
    const poison = events.filter((e) => e.kind === 'raw').length;
    const entries = pipeline.engine.processingLog.filter((p) => p.topic === 'orders');
    // every query reading ORDERS logs each record it cannot deserialize
    expect(entries.length).toBe(poison * pipeline.engine.listQueries().length);
    expect(pipeline.counters.ordersProduced).toBe(orders().length);
  });
});
