/**
 * `npm run bench -- sink [--rows N] [--batch N] [--database-url URL]`: rows/s upserted into
 * Postgres by the local JDBC sink (Avro decode, Connect type mapping, dedupe, multi-row
 * upsert, offset commit; connect/sink-popular-products.json with its batch.size), next to a
 * raw loop of the same multi-row `INSERT ... ON CONFLICT DO UPDATE` over pre-built
 * parameters, in the same run, on the same table. Records are distinct windows, so both
 * write the same rows. Results go to docs/benchmarks.md, section "Sink".
 */
import os from 'node:os';
import pg from 'pg';
import { parseArgs } from 'node:util';
import { connectorFile, pipelineFixture } from '../connect/sink/testing/fixture.ts';
import type { SinkDatabase } from '../connect/sink/database.ts';
import { createLocalSink } from '../connect/sink/local-sink.ts';
import { upsertSql } from '../connect/sink/sql.ts';
import { serviceSettings } from '../infra/settings.ts';
import { migrate } from '../migrations/migrate.ts';

const COLUMNS = [
  'PRODUCT_ID',
  'WINDOW_START',
  'WINDOW_END',
  'PRODUCT_NAME',
  'CATEGORY',
  'ORDER_COUNT',
  'SALES_KRW',
];
const T0 = Date.UTC(2024, 2, 1);

export async function runBenchmark(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      rows: { type: 'string', default: '200000' },
      rounds: { type: 'string', default: '5' },
      'database-url': { type: 'string' },
    },
  });
  const rows = Number(values.rows);
  const rounds = Number(values.rounds);
  const databaseUrl = values['database-url'] ?? serviceSettings().databaseUrl;
  const schema = `bench_sink_${process.pid}`;
  await migrate({ databaseUrl, schema });
  // search_path as a connection option: no extra round trip per transaction.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2, options: `-c search_path=${schema}` });
  const connector = await connectorFile('sink-popular-products');
  const batch = Number(connector.config['batch.size']);
  try {
    const version = (await pool.query('SHOW server_version')).rows[0]?.server_version as string;
    printMachine(version, rows, batch);
    const raw: number[] = [];
    const sink: number[] = [];
    for (let r = 0; r < rounds; r++) {
      await pool.query('TRUNCATE popular_products');
      raw.push(await rawUpserts(pool, rows, batch));
      await pool.query('TRUNCATE popular_products');
      sink.push(await localSink(pool, connector, rows));
      const n = (await pool.query('SELECT count(*)::int AS n FROM popular_products')).rows[0]?.n as number;
      if (n !== rows) throw new Error(`sink wrote ${n} rows, expected ${rows}`);
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
    const fmt = (x: number) => Math.round(x).toLocaleString('en-US');
    console.log(`raw multi-row upsert : ${raw.map(fmt).join(' / ')} rows/s (median ${fmt(median(raw))})`);
    console.log(`local sink           : ${sink.map(fmt).join(' / ')} rows/s (median ${fmt(median(sink))})`);
    // Rounds alternate raw and sink, so each round's ratio compares neighbours in time on a
    // shared, noisy machine; the median ratio is the figure to quote.
    const ratios = sink.map((x, i) => (100 * x) / (raw[i] ?? 1));
    console.log(
      `sink / raw per round : ${ratios.map((r) => `${r.toFixed(0)} %`).join(' / ')} (median ${median(ratios).toFixed(0)} %)`,
    );
  } finally {
    await pool.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await pool.end();
  }
}

function printMachine(pgVersion: string, rows: number, batch: number): void {
  const cpus = os.cpus();
  console.log(`command : npm run bench -- sink ${process.argv.slice(4).join(' ')}`.trimEnd());
  console.log(
    `machine : ${cpus[0]?.model ?? 'unknown CPU'} x${cpus.length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}`,
  );
  console.log(`runtime : Node ${process.version}, Postgres ${pgVersion} (TCP loopback)`);
  console.log(
    `workload: ${rows.toLocaleString('en-US')} distinct popular_products windows, ${batch} rows per statement`,
  );
}

/** The same statement the sink sends, over parameters built before the clock starts. */
async function rawUpserts(pool: pg.Pool, rows: number, batch: number): Promise<number> {
  const shape = {
    table: 'popular_products',
    keyColumns: COLUMNS.slice(0, 2),
    valueColumns: COLUMNS.slice(2),
  };
  const text = upsertSql(shape, batch);
  const chunks: unknown[][] = [];
  for (let i = 0; i < rows; i += batch) {
    const params: unknown[] = [];
    for (let j = i; j < Math.min(rows, i + batch); j++) {
      const start = T0 + Math.floor(j / 50) * 10_000;
      params.push(
        `P${j % 50}`,
        new Date(start).toISOString(),
        new Date(start + 30_000).toISOString(),
        'name',
        'c',
        j,
        j * 1000,
      );
    }
    chunks.push(params);
  }
  const client = await pool.connect();
  try {
    const t = performance.now();
    for (const params of chunks) {
      const n = params.length / COLUMNS.length;
      await client.query(n === batch ? text : upsertSql(shape, n), params);
    }
    return rows / ((performance.now() - t) / 1000);
  } finally {
    client.release();
  }
}

async function localSink(
  pool: pg.Pool,
  connector: Awaited<ReturnType<typeof connectorFile>>,
  rows: number,
): Promise<number> {
  const fx = await pipelineFixture();
  for (let j = 0; j < rows; j++) {
    fx.popular({
      product: `P${j % 50}`,
      start: T0 + Math.floor(j / 50) * 10_000,
      count: j,
      partition: j % 2,
    });
  }
  const database: SinkDatabase = {
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(client as never);
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      } finally {
        client.release();
      }
    },
  };
  const sink = await createLocalSink({ connector, log: fx.log, registry: fx.registry, database });
  const t = performance.now();
  await sink.drain();
  const seconds = (performance.now() - t) / 1000;
  if (sink.stats.written !== rows) throw new Error(`sink reported ${sink.stats.written} rows`);
  return rows / seconds;
}
