/**
 * `npm run bench -- engine [--orders 1000000] [--rate 10000] [--seed bench] [--only all|engine|reducer|queries]`
 *
 * Orders per second through the local engine in memory, production mode (record cache on,
 * commit every 2 s of wall clock), running the real query set (ksql/migrations with the
 * defaults of ksql/variables.json), next to bench/reducer.ts (the same four queries written
 * by hand) on the same orders in the same run, then each query alone (ORDERS + that query).
 *
 * The orders are generated first (OrderSource, all scenarios, --rate orders/s of model time so
 * key cardinality per window is realistic; poison and truth events left out) and encoded
 * (OrderEncoder, Confluent wire format) outside the timed sections. Timed, both sides:
 * Avro decoding of every value + the four queries. The engine also pays `produce` (append to
 * the in-memory topic), Avro encoding of every forwarded row and appending it to the output
 * topics; the reducer builds output rows on commit but does not serialize them.
 * Figures: wall-clock orders/s and orders per CPU-second (process.cpuUsage: the machine is shared).
 */
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { parseArgs } from 'node:util';
import { UsageError } from '../common/errors.ts';
import { OrderEncoder } from '../generator/avro.ts';
import { orderKey } from '../generator/events.ts';
import { ORDERS_SCHEMA_TEXT } from '../generator/order.ts';
import { OrderSource } from '../generator/source.ts';
import { SCENARIO_NAMES } from '../generator/truth.ts';
import { loadMigrationFiles } from '../ksql/deploy/migration-files.ts';
import { loadDefaultVariables } from '../ksql/deploy/variables.ts';
import { createEngine } from '../ksql/engine/engine.ts';
import type { ProducerRecord } from '../ksql/engine/topics/topic-log.ts';
import { HandWrittenReducer } from './reducer.ts';

const T0 = Date.UTC(2026, 0, 1);
const ROOT = new URL('../', import.meta.url).pathname;

interface Measured {
  readonly label: string;
  readonly wallS: number;
  readonly cpuS: number;
  readonly detail: string;
}

export async function runBenchmark(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      orders: { type: 'string', default: '1000000' },
      rate: { type: 'string', default: '10000' },
      seed: { type: 'string', default: 'bench' },
      only: { type: 'string', default: 'all' },
    },
  });
  const n = positive(values.orders, '--orders');
  const rate = positive(values.rate, '--rate');
  const only = values.only;
  printMachine(args);

  const variables = loadDefaultVariables(`${ROOT}ksql/variables.json`);
  const files = loadMigrationFiles(`${ROOT}ksql/migrations`).files.map((f) => ({
    name: f.fileName,
    sql: readFileSync(f.path, 'utf8'),
  }));
  const ordersDdl = files.filter((f) => /orders_stream/.test(f.name));
  // The four queries the hand-written reducer implements; any other file is measured alone too.
  const four = files.filter((f) =>
    /popular_products|suspicious_ips|high_value_orders|realtime_stats/.test(f.name),
  );
  const queries = files.filter((f) => !/orders_stream/.test(f.name));

  const t = performance.now();
  const records = generate(n, rate, values.seed);
  const span = ((records.at(-1)?.timestamp ?? T0) - T0) / 1000;
  console.log(
    `workload: ${fmt(records.length)} orders (seed ${values.seed}, all scenarios, ${fmt(rate)}/s of model time = ${span.toFixed(0)} s of event time), ` +
      `generated and encoded in ${((performance.now() - t) / 1000).toFixed(1)} s (not timed)`,
  );

  const results: Measured[] = [];
  const report = (m: Measured): void => {
    results.push(m);
    console.log(line(m, records.length));
  };
  if (only === 'all' || only === 'reducer') report(runReducer(records, variables));
  if (only === 'all' || only === 'engine')
    report(await runEngine('engine, the same four queries', records, [...ordersDdl, ...four], variables));
  if (only === 'all' || only === 'reducer') report(runReducer(records, variables));
  if (only === 'all' || only === 'queries') {
    report(await runEngine('engine, ORDERS stream only (produce, no query)', records, ordersDdl, variables));
    if (queries.length > four.length)
      report(await runEngine('engine, every file in ksql/migrations', records, files, variables));
    for (const q of queries)
      report(await runEngine(`engine, ${q.name} alone`, records, [...ordersDdl, q], variables));
  }

  const reducers = results.filter((r) => r.label.startsWith('hand-written'));
  const engine = results.find((r) => r.label === 'engine, the same four queries');
  if (engine && reducers.length > 0) {
    const wall = reducers.reduce((s, r) => s + r.wallS, 0) / reducers.length;
    const cpu = reducers.reduce((s, r) => s + r.cpuS, 0) / reducers.length;
    console.log(
      `engine / hand-written (mean of the reducer runs before and after): ${pct(wall / engine.wallS)} by wall clock, ${pct(cpu / engine.cpuS)} by CPU time`,
    );
  }
}

/** Seeded orders of every scenario, encoded as the generator produces them; poison and truth left out. */
function generate(n: number, rate: number, seed: string): ProducerRecord[] {
  const source = new OrderSource({ scenarios: SCENARIO_NAMES, rate, seed, startMs: T0, count: n * 2 });
  const encoder = new OrderEncoder(1);
  const out: ProducerRecord[] = [];
  for (const event of source) {
    if (event.kind !== 'order') continue;
    out.push({
      timestamp: event.order.event_ts,
      key: Buffer.from(orderKey(event.order), 'utf8'),
      value: encoder.encode(event.order),
      headers: [],
    });
    if (out.length >= n) break;
  }
  return out;
}

function runReducer(records: readonly ProducerRecord[], variables: Record<string, string>): Measured {
  const reducer = new HandWrittenReducer(
    Number(variables.suspicious_ip_min_orders),
    Number(variables.high_value_min_krw),
    2000,
  );
  if (Number(variables.suspicious_ip_window_seconds) !== 60)
    throw new UsageError('the hand-written reducer assumes suspicious_ip_window_seconds = 60');
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (const r of records) reducer.processValue(r.value as Uint8Array);
  reducer.commit();
  const wallS = (performance.now() - t0) / 1000;
  const cpuS = cpuSeconds(process.cpuUsage(cpu0));
  const o = reducer.output;
  return {
    label: 'hand-written reducer, same four queries',
    wallS,
    cpuS,
    detail: `rows forwarded: popular ${fmt(o.popular)}, suspicious ${fmt(o.suspicious)}, high-value ${fmt(o.highValue)}, stats ${fmt(o.stats)}; late pairs ${fmt(o.late)}`,
  };
}

async function runEngine(
  label: string,
  records: readonly ProducerRecord[],
  files: readonly { name: string; sql: string }[],
  variables: Record<string, string>,
): Promise<Measured> {
  const engine = createEngine({ mode: 'production' });
  const schemaId = await engine.registry.register('orders-value', {
    schemaType: 'AVRO',
    schema: ORDERS_SCHEMA_TEXT,
  });
  if (schemaId !== 1) throw new Error(`orders-value registered as id ${schemaId}, the records carry id 1`);
  engine.topics.createTopic('orders', 1);
  for (const f of files) await engine.execute(f.sql, { variables });
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (const r of records) await engine.produce('orders', r);
  await engine.flush();
  const wallS = (performance.now() - t0) / 1000;
  const cpuS = cpuSeconds(process.cpuUsage(cpu0));
  const outputs = engine.topics
    .listTopics()
    .filter((t) => t.name !== 'orders')
    .map((t) => {
      let count = 0;
      for (let p = 0; p < t.partitions; p++) count += engine.topics.read(t.name, p, 0).length;
      return `${t.name} ${fmt(count)}`;
    });
  const late = [...engine.metrics.lateRecordsDropped.values()].reduce((s, x) => s + x, 0);
  const errors = engine.metrics.deserializationErrors + engine.processingLog.length;
  await engine.close();
  return {
    label,
    wallS,
    cpuS,
    detail: `records in output topics: ${outputs.join(', ') || 'none'}; late pairs ${fmt(late)}; errors ${errors}`,
  };
}

function line(m: Measured, n: number): string {
  return (
    `${m.label.padEnd(48)}: ${fmt(n / m.wallS).padStart(9)} orders/s (${m.wallS.toFixed(2)} s), ` +
    `${fmt(n / m.cpuS).padStart(9)} orders per CPU-second, ${((m.cpuS / n) * 1e6).toFixed(2)} µs CPU/order; ${m.detail}`
  );
}

function printMachine(args: string[]): void {
  const cpus = os.cpus();
  console.log(`command : npm run bench -- engine ${args.join(' ')}`.trimEnd());
  console.log(
    `machine : ${cpus[0]?.model.trim() ?? 'unknown CPU'} x${cpus.length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, ` +
      `load average ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
  );
  console.log(`code    : ${gitHead()}`);
  console.log(`runtime : Node ${process.version}`);
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

const cpuSeconds = (u: NodeJS.CpuUsage): number => (u.user + u.system) / 1e6;
const fmt = (x: number): string => Math.round(x).toLocaleString('en-US');
const pct = (x: number): string => `${(x * 100).toFixed(0)} %`;
