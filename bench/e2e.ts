/**
 * `npm run bench -- e2e [--rate 10000] [--duration 60] [--seed bench] [--database-url URL]`
 *
 * The local runtime wired as `npm start` wires it (pipeline/start-command.ts): OrderSource (all
 * scenarios) paced in real time by pacedBatches on the system clock → LocalPipeline.produce →
 * the engine running ksql/migrations → the local sinks of connect/*.json, pumped continuously,
 * commit every 2 s → Postgres (DATABASE_URL or --database-url, in a schema of its own that is
 * dropped afterwards; the embedded PGlite in a temporary directory otherwise). Generation stops
 * after --duration seconds of wall clock (like Ctrl-C in npm start), then everything is drained.
 *
 * Measured in the same process:
 * - achieved rate: orders handed to the engine per wall-clock second;
 * - once a second: wall clock minus the newest event time processed (the engine processes a
 *   record while `produce` appends it), and the sinks' backlog (output records not yet in Postgres);
 * - high-value latency: for each order with unit_price × quantity ≥ high_value_min_krw, the time
 *   its row is first seen in high_value_orders minus the time the order was due (its model time
 *   `at`, equal to event_ts except for the late-events scenario, whose event_ts lies in the past
 *   on purpose). A poller queries the table every 20 ms; first seen = when the poll that returned
 *   the row completed, so figures include up to one poll interval + one query round trip;
 * - suspicious-IP time to detect: for each (IP, 60 s window) the order that brought the window to
 *   suspicious_ip_min_orders orders (replayed from the generated orders in arrival order, with the
 *   engine's grace rule), to the first poll that sees that (IP, window_start) in suspicious_ips.
 * Percentiles with hdr-histogram-js.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import * as hdr from 'hdr-histogram-js';
import pg from 'pg';
import { UsageError } from '../common/errors.ts';
import { systemClock } from '../generator/clock.ts';
import { pacedBatches } from '../generator/paced.ts';
import { OrderSource } from '../generator/source.ts';
import { SCENARIO_NAMES } from '../generator/truth.ts';
import { loadDefaultVariables } from '../ksql/deploy/variables.ts';
import { LocalPipeline } from '../pipeline/local-pipeline.ts';
import { openWarehouse, type Warehouse } from '../pipeline/warehouse.ts';

const ROOT = new URL('../', import.meta.url).pathname;
const COMMIT_MS = 2000;
const POLL_MS = 20;
const GRACE_MS = 30_000;
const ADVANCE_MS = 10_000;

interface Sample {
  readonly t: number;
  readonly orders: number;
  readonly lagMs: number | undefined;
  readonly backlog: number;
}

export async function runBenchmark(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      rate: { type: 'string', default: '10000' },
      duration: { type: 'string', default: '60' },
      seed: { type: 'string', default: 'bench' },
      'database-url': { type: 'string', default: process.env.DATABASE_URL },
    },
  });
  const rate = positive(values.rate, '--rate');
  const durationS = positive(values.duration, '--duration');
  const vars = loadDefaultVariables(`${ROOT}ksql/variables.json`);
  const highValueKrw = Number(vars.high_value_min_krw);
  const minOrders = Number(vars.suspicious_ip_min_orders);
  const ipWindowMs = Number(vars.suspicious_ip_window_seconds) * 1000;
  const log = (l: string): void => void process.stderr.write(`${l}\n`);

  const databaseUrl = values['database-url'];
  const schema = `bench_e2e_${process.pid}`;
  const dataDir = databaseUrl ? undefined : mkdtempSync(join(os.tmpdir(), 'bench-e2e-'));
  const warehouse = await openWarehouse({
    ...(databaseUrl ? { databaseUrl, schema } : {}),
    dataDir: dataDir ?? '',
    port: 0,
    log,
  });
  printMachine(args, warehouse, databaseUrl ? await serverVersion(warehouse) : 'embedded PGlite');
  const pipeline = await LocalPipeline.create({ warehouse, root: ROOT, log: () => {} });

  // What the run should make visible, and when it was due.
  const highValueDue = new Map<string, { at: number; eventTs: number }>();
  const ipDue = new Map<string, { at: number; start: number }>();
  // window start → IP → orders; closed windows are dropped so the bookkeeping stays small.
  const ipCounts = new Map<number, Map<string, number>>();
  let ipStreamTime = -Infinity;
  const hvLatency = histogram();
  const ipLatency = histogram();
  const pollRoundTrip = histogram();
  let ordersProduced = 0;
  let newestEventTs: number | undefined;
  const samples: Sample[] = [];

  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  loopDelay.enable();
  const controller = new AbortController();
  let running = true;
  const started = Date.now();
  const commitTimer = setInterval(() => void pipeline.commit(), COMMIT_MS);
  const sinkLoop = pipeline.runSinks(() => running);
  let sampling = false;
  const sampler = setInterval(() => {
    if (sampling) return;
    sampling = true;
    const t = Date.now();
    void pipeline
      .sinkBacklog()
      .then((backlog) =>
        samples.push({
          t,
          orders: ordersProduced,
          lagMs: newestEventTs === undefined ? undefined : t - newestEventTs,
          backlog,
        }),
      )
      .finally(() => (sampling = false));
  }, 1000);
  let polling = true;
  const poller = (async () => {
    while (polling) {
      await pollOnce();
      await sleep(POLL_MS);
    }
  })();
  const stop = setTimeout(() => controller.abort(), durationS * 1000);

  async function pollOnce(): Promise<void> {
    const t0 = Date.now();
    if (highValueDue.size > 0) {
      let lower = Infinity;
      for (const d of highValueDue.values()) lower = Math.min(lower, d.eventTs);
      const rows = await warehouse.query<{ order_id: string }>(
        'SELECT order_id FROM high_value_orders WHERE event_ts >= to_timestamp($1::double precision / 1000)',
        [lower],
      );
      const seen = Date.now();
      for (const r of rows) {
        const d = highValueDue.get(r.order_id);
        if (!d) continue;
        hvLatency.recordValue(Math.max(1, seen - d.at));
        highValueDue.delete(r.order_id);
      }
    }
    if (ipDue.size > 0) {
      let lower = Infinity;
      for (const d of ipDue.values()) lower = Math.min(lower, d.start);
      const rows = await warehouse.query<{ ip_address: string; ws: string }>(
        'SELECT ip_address, (extract(epoch from window_start) * 1000)::bigint AS ws FROM suspicious_ips WHERE window_start >= to_timestamp($1::double precision / 1000)',
        [lower],
      );
      const seen = Date.now();
      for (const r of rows) {
        const k = `${r.ip_address}|${Number(r.ws)}`;
        const d = ipDue.get(k);
        if (!d) continue;
        ipLatency.recordValue(Math.max(1, seen - d.at));
        ipDue.delete(k);
      }
    }
    pollRoundTrip.recordValue(Math.max(1, Date.now() - t0));
  }

  let lateOrders = 0;
  try {
    const source = new OrderSource({
      scenarios: SCENARIO_NAMES,
      rate,
      seed: values.seed,
      startMs: started,
      durationMs: durationS * 1000,
    });
    for await (const batch of pacedBatches(source, { clock: systemClock, signal: controller.signal })) {
      await pipeline.produce(batch);
      for (const e of batch) {
        if (e.kind !== 'order') continue;
        ordersProduced++;
        const o = e.order;
        if (o.event_ts !== e.at) lateOrders++;
        if (newestEventTs === undefined || o.event_ts > newestEventTs) newestEventTs = o.event_ts;
        if (o.unit_price * o.quantity >= highValueKrw)
          highValueDue.set(o.order_id, { at: e.at, eventTs: o.event_ts });
        // SUSPICIOUS_IPS windows this order counts in (engine's grace rule), in arrival order.
        if (o.event_ts > ipStreamTime) ipStreamTime = o.event_ts;
        const ts = o.event_ts;
        let start = Math.floor(Math.max(0, ts - ipWindowMs + ADVANCE_MS) / ADVANCE_MS) * ADVANCE_MS;
        for (; start <= ts; start += ADVANCE_MS) {
          if (start + ipWindowMs <= ipStreamTime - GRACE_MS) continue;
          let counts = ipCounts.get(start);
          if (!counts) {
            counts = new Map();
            ipCounts.set(start, counts);
            for (const s of ipCounts.keys())
              if (s + ipWindowMs <= ipStreamTime - GRACE_MS) ipCounts.delete(s);
          }
          const c = (counts.get(o.ip_address) ?? 0) + 1;
          counts.set(o.ip_address, c);
          if (c === minOrders) ipDue.set(`${o.ip_address}|${start}`, { at: e.at, start });
        }
      }
    }
  } finally {
    clearTimeout(stop);
    clearInterval(commitTimer);
    clearInterval(sampler);
    running = false;
    await sinkLoop;
  }
  loopDelay.disable();
  const generatedS = (Date.now() - started) / 1000;
  const pendingAtStop = { hv: highValueDue.size, ip: ipDue.size };
  await pipeline.drain();
  const drainedS = (Date.now() - started) / 1000;
  // Let the poller see what the drain wrote (at most 10 s), then stop it.
  for (let i = 0; i < 500 && (highValueDue.size > 0 || ipDue.size > 0); i++) await sleep(POLL_MS);
  polling = false;
  await poller;

  const rows = await warehouse.query<{ t: string; n: string }>(
    "SELECT 'high_value_orders' AS t, count(*) AS n FROM high_value_orders UNION ALL SELECT 'suspicious_ips', count(*) FROM suspicious_ips UNION ALL SELECT 'popular_products', count(*) FROM popular_products UNION ALL SELECT 'realtime_stats', count(*) FROM realtime_stats",
  );
  console.log(
    `achieved: ${fmt(ordersProduced)} orders in ${generatedS.toFixed(1)} s = ${fmt(ordersProduced / generatedS)} orders/s ` +
      `(target ${fmt(rate)}/s for ${durationS} s = ${fmt(rate * durationS)} baseline orders + scenarios); ` +
      `drained into Postgres ${(drainedS - generatedS).toFixed(1)} s after generation stopped; ${fmt(lateOrders)} late-events orders`,
  );
  console.log(`rows in Postgres: ${rows.map((r) => `${r.t} ${fmt(Number(r.n))}`).join(', ')}`);
  console.log(
    'per second: t (s), orders produced in that second, wall − newest event time processed (ms), sink backlog (records)',
  );
  let prev: Sample | undefined;
  for (const s of samples) {
    console.log(
      `  ${((s.t - started) / 1000).toFixed(1).padStart(6)}  ${fmt(prev ? ((s.orders - prev.orders) * 1000) / (s.t - prev.t) : s.orders).padStart(7)}/s  ` +
        `lag ${s.lagMs === undefined ? 'n/a' : fmt(s.lagMs).padStart(7)} ms  backlog ${fmt(s.backlog).padStart(7)}`,
    );
    prev = s;
  }
  const lags = samples.flatMap((x) => (x.lagMs === undefined ? [] : [x.lagMs]));
  const half = (from: number, to: number): string => {
    const xs = lags.slice(from, to);
    return xs.length ? `${fmt(xs.reduce((a, b) => a + b, 0) / xs.length)} ms` : 'n/a';
  };
  const sorted = [...lags].sort((a, b) => a - b);
  console.log(
    `lag summary: ${lags.length} samples, median ${fmt(sorted[Math.floor(sorted.length / 2)] ?? 0)} ms, max ${fmt(sorted.at(-1) ?? 0)} ms; ` +
      `mean over the first half ${half(0, Math.floor(lags.length / 2))}, second half ${half(Math.floor(lags.length / 2), lags.length)}; ` +
      `sink backlog max ${fmt(Math.max(0, ...samples.map((x) => x.backlog)))} records; ` +
      `longest gap between 1 s samples ${fmt(Math.max(0, ...samples.slice(1).map((x, i) => x.t - (samples[i] as Sample).t)))} ms`,
  );
  console.log(
    `event-loop delay (monitorEventLoopDelay, 10 ms resolution): p50 ${(loopDelay.percentile(50) / 1e6).toFixed(0)} ms, ` +
      `p99 ${(loopDelay.percentile(99) / 1e6).toFixed(0)} ms, max ${(loopDelay.max / 1e6).toFixed(0)} ms`,
  );
  console.log(
    `high-value latency (due → row visible): ${hvLatency.totalCount} orders, p50 ${hvLatency.getValueAtPercentile(50)} ms, p99 ${hvLatency.getValueAtPercentile(99)} ms, max ${hvLatency.maxValue} ms; ` +
      `not yet visible when generation stopped ${pendingAtStop.hv}, never seen ${highValueDue.size}`,
  );
  console.log(
    `suspicious-IP time to detect (${minOrders}th order of an (IP, window) → row visible): ${ipLatency.totalCount} windows, ` +
      `p50 ${ipLatency.getValueAtPercentile(50)} ms, p99 ${ipLatency.getValueAtPercentile(99)} ms, max ${ipLatency.maxValue} ms; ` +
      `not yet visible when generation stopped ${pendingAtStop.ip}, never seen ${ipDue.size}`,
  );
  console.log(
    `poll round trip (both queries): p50 ${pollRoundTrip.getValueAtPercentile(50)} ms, p99 ${pollRoundTrip.getValueAtPercentile(99)} ms, ${pollRoundTrip.totalCount} polls`,
  );
  const m = pipeline.engine.metrics;
  console.log(
    `engine: late (record, window) pairs dropped ${fmt([...m.lateRecordsDropped.values()].reduce((a, b) => a + b, 0))}, deserialization errors ${m.deserializationErrors}`,
  );

  await pipeline.close();
  if (databaseUrl) {
    const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
    await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).finally(() => pool.end());
  }
  await warehouse.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}

async function serverVersion(w: Warehouse): Promise<string> {
  const r = await w.query<{ server_version: string }>('SHOW server_version');
  return `Postgres ${r[0]?.server_version ?? '?'} (TCP loopback)`;
}

function printMachine(args: string[], w: Warehouse, db: string): void {
  const cpus = os.cpus();
  console.log(`command : npm run bench -- e2e ${args.join(' ')}`.trimEnd());
  console.log(
    `machine : ${cpus[0]?.model.trim() ?? 'unknown CPU'} x${cpus.length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, ` +
      `load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
  );
  console.log(`code    : ${gitHead()}`);
  console.log(`runtime : Node ${process.version}, ${db} (${w.kind})`);
}

function histogram(): hdr.Histogram {
  return hdr.build({
    lowestDiscernibleValue: 1,
    highestTrackableValue: 3_600_000,
    numberOfSignificantValueDigits: 3,
  });
}

/** The engine changes under other engineers' hands: the figures belong to this commit. */
function gitHead(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: ROOT,
      encoding: 'utf8',
    }).trim();
    const dirty = execFileSync(
      'git',
      ['status', '--porcelain', '--', 'ksql/engine', 'pipeline', 'connect/sink'],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    ).trim();
    return `${head}${dirty ? ' + uncommitted changes in ksql/engine, pipeline or connect/sink' : ''}`;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

function positive(v: string | undefined, flag: string): number {
  const x = Number(v);
  if (!Number.isFinite(x) || x <= 0)
    throw new UsageError(`invalid ${flag} "${v ?? ''}": expected a number > 0`);
  return x;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const fmt = (x: number): string => Math.round(x).toLocaleString('en-US');
