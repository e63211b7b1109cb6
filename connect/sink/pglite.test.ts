import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MIGRATIONS_DIR } from '../../migrations/migrate.ts';
import { ERROR_HEADERS, headerText } from './dead-letters.ts';
import { startLocalSinks } from './index.ts';
import { createLocalSink } from './local-sink.ts';
import { pgliteDatabase } from './pglite-database.ts';
import { connectorFile, pipelineFixture } from './testing/fixture.ts';

/**
 * The local sink into embedded PGlite (what `npm start` uses by default), with the tables and
 * views of migrations/ (their Up parts): real Postgres semantics, no service needed.
 */
let db: PGlite;
const T0 = Date.UTC(2024, 2, 1);

beforeAll(async () => {
  db = new PGlite();
  for (const file of (await readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith('.sql')).sort()) {
    const text = await readFile(join(MIGRATIONS_DIR, file), 'utf8');
    await db.exec(text.split(/^\s*--[\s-]*down\s+migration/im)[0] ?? text);
  }
}, 60_000);
afterAll(async () => db?.close());

describe('local sink into PGlite', () => {
  it('upserts windows, drops tombstones and dead-letters a constraint violation', async () => {
    const fx = await pipelineFixture();
    fx.popular({ product: 'P1', start: T0, count: 1 });
    fx.tombstone('popular_products');
    fx.popular({ product: 'P1', start: T0, count: 5, sales: 9000 });
    fx.highValue({ id: 'o1', ts: Date.UTC(2024, 2, 1, 14, 59, 59, 999), total: 600_000 });
    fx.highValue({ id: 'o2', ts: T0, total: null });
    const database = pgliteDatabase(db);
    for (const name of ['sink-popular-products', 'sink-high-value-orders']) {
      const sink = await createLocalSink({
        connector: await connectorFile(name),
        log: fx.log,
        registry: fx.registry,
        database,
        sleep: async () => {},
        errorLog: () => {},
      });
      await sink.drain();
      expect(sink.status.state).toBe('RUNNING');
    }
    const products = await db.query(
      'SELECT product_id, window_start, order_count, sales_krw FROM popular_products',
    );
    expect(products.rows).toEqual([
      { product_id: 'P1', window_start: new Date(T0), order_count: 5, sales_krw: 9000 },
    ]);
    const orders = await db.query(
      `SELECT order_id, (event_ts AT TIME ZONE 'Asia/Seoul')::date::text AS kst_day FROM high_value_orders`,
    );
    expect(orders.rows).toEqual([{ order_id: 'o1', kst_day: '2024-03-01' }]);
    const [letter] = fx.log.read('high_value_orders_dlq', 0, 0);
    expect(headerText(letter ?? { headers: [] }, ERROR_HEADERS.exceptionMessage)).toMatch(/total_krw/);
  });

  it('startLocalSinks runs every connector file until stopped', async () => {
    await db.exec('TRUNCATE popular_products, high_value_orders');
    const fx = await pipelineFixture();
    const sinks = await startLocalSinks({
      log: fx.log,
      registry: fx.registry,
      database: pgliteDatabase(db),
      errorLog: () => {},
    });
    expect(sinks.tasks).toHaveLength(5);
    fx.popular({ product: 'P7', start: T0, count: 3 });
    fx.highValue({ id: 'o9', ts: T0, total: 900_000 });
    await vi.waitFor(async () => {
      const n = await db.query<{ n: number }>(
        'SELECT (SELECT count(*) FROM popular_products) + (SELECT count(*) FROM high_value_orders) AS n',
      );
      expect(Number(n.rows[0]?.n)).toBe(2);
    });
    await sinks.stop();
    expect(sinks.tasks.map((t) => t.status.state)).toEqual(sinks.tasks.map(() => 'STOPPED'));
  });
});
