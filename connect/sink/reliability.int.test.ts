import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { serviceSettings } from '../../infra/settings.ts';
import { pgDatabase } from './database.ts';
import { ERROR_HEADERS, headerText } from './dead-letters.ts';
import { createLocalSink } from './local-sink.ts';
import { InMemoryOffsetStore } from './source.ts';
import { SinkTaskFailedError } from './task.ts';
import { connectorFile, pipelineFixture } from './testing/fixture.ts';
import { migratedSchema } from './testing/postgres.ts';
import { TcpProxy } from './testing/tcp-proxy.ts';

/**
 * ../shared/reference/reliability-tests.md items 7 (Postgres outage) and 8 (poison pills),
 * for the local sink. The outage is a TCP proxy in front of the test Postgres whose link is
 * cut; retry back-off is an injected sleep, so nothing waits on a clock.
 */
let db: Awaited<ReturnType<typeof migratedSchema>>;
let proxy: TcpProxy;
let viaProxy: pg.Pool;
const T0 = Date.UTC(2024, 2, 1);

beforeAll(async () => {
  db = await migratedSchema('sink_reliability');
  const target = new URL(serviceSettings().databaseUrl);
  proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
  const port = await proxy.start();
  target.hostname = '127.0.0.1';
  target.port = String(port);
  viaProxy = new pg.Pool({ connectionString: target.toString(), max: 2, connectionTimeoutMillis: 2000 });
  viaProxy.on('error', () => {}); // idle clients cut by the proxy
});
afterAll(async () => {
  await viaProxy?.end().catch(() => {});
  await proxy?.stop();
  await db?.drop();
});
beforeEach(async () => {
  proxy.restore();
  await db.query('TRUNCATE high_value_orders');
});

function orders(fx: Awaited<ReturnType<typeof pipelineFixture>>, from: number, n: number): void {
  for (let i = from; i < from + n; i++) fx.highValue({ id: `o${i}`, ts: T0 + i, total: 600_000 + i });
}
const countRows = async () => Number((await db.query('SELECT count(*) AS n FROM high_value_orders'))[0]?.n);

describe('Postgres outage (item 7)', () => {
  it('shorter than the retry budget: the sink retries, recovers and loses nothing', async () => {
    const fx = await pipelineFixture();
    orders(fx, 0, 50);
    let sleeps = 0;
    const sink = await createLocalSink({
      connector: await connectorFile('sink-high-value-orders'),
      log: fx.log,
      registry: fx.registry,
      database: pgDatabase(viaProxy, db.schema),
      sleep: async () => {
        if (++sleeps === 3) proxy.restore(); // back after 3 of the 10 retries (≈ 9 s at 3 s)
      },
    });
    proxy.cut();
    await sink.drain();
    expect(sink.status.state).toBe('RUNNING');
    expect(sink.stats.retries).toBe(3);
    expect(await countRows()).toBe(50);
    expect(fx.log.describeTopic('high_value_orders_dlq')).toBeUndefined();
  });

  it('longer than the retry budget with errors.tolerance=none: the task fails; a restart loses nothing', async () => {
    const fx = await pipelineFixture();
    orders(fx, 0, 30);
    const offsets = new InMemoryOffsetStore();
    const connector = await connectorFile('sink-high-value-orders', {
      'errors.tolerance': 'none',
      'errors.deadletterqueue.topic.name': undefined,
    });
    const make = () =>
      createLocalSink({
        connector,
        log: fx.log,
        registry: fx.registry,
        database: pgDatabase(viaProxy, db.schema),
        offsets,
        sleep: async () => {},
      });
    const first = await make();
    proxy.cut();
    const err = await first.drain().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SinkTaskFailedError);
    expect(first.status.state).toBe('FAILED');
    expect(first.stats.retries).toBe(10);
    proxy.restore();
    orders(fx, 30, 20); // traffic kept coming during the outage
    const restarted = await make();
    await restarted.drain();
    expect(await countRows()).toBe(50);
  });

  it('longer than the retry budget with errors.tolerance=all: records are dead-lettered, as the real sink does', async () => {
    // JdbcSinkTask unrolls the batch after its retries and reports each failing record: an
    // outage beyond max.retries x retry.backoff.ms (10 x 3 s) moves rows to the DLQ.
    const fx = await pipelineFixture();
    orders(fx, 0, 5);
    const sink = await createLocalSink({
      connector: await connectorFile('sink-high-value-orders'),
      log: fx.log,
      registry: fx.registry,
      database: pgDatabase(viaProxy, db.schema),
      sleep: async () => {},
      errorLog: () => {},
    });
    proxy.cut();
    await sink.drain();
    expect(sink.status.state).toBe('RUNNING');
    expect(fx.log.read('high_value_orders_dlq', 0, 0)).toHaveLength(5);
    proxy.restore();
    expect(await countRows()).toBe(0);
  });
});

describe('poison pills (item 8)', () => {
  async function poison(fx: Awaited<ReturnType<typeof pipelineFixture>>): Promise<void> {
    orders(fx, 0, 3);
    fx.log.append('high_value_orders', {
      partition: 0,
      timestamp: T0,
      key: null,
      value: Buffer.from([0, 0, 0, 0x7f, 0x7f, 2]),
      headers: [],
    }); // unknown schema id
    fx.highValue({ id: null, ts: T0, total: 600_000 }); // order_id is the NOT NULL primary key
    orders(fx, 3, 3);
  }

  it('errors.tolerance=all: exactly the two bad records reach the DLQ with error headers, the sink keeps running', async () => {
    const fx = await pipelineFixture();
    await poison(fx);
    const sink = await createLocalSink({
      connector: await connectorFile('sink-high-value-orders'),
      log: fx.log,
      registry: fx.registry,
      database: db.database,
      sleep: async () => {},
      errorLog: () => {},
    });
    await sink.drain();
    expect(sink.status.state).toBe('RUNNING');
    expect(await countRows()).toBe(6);
    const dlq = fx.log.read('high_value_orders_dlq', 0, 0);
    expect(dlq.map((r) => [headerText(r, ERROR_HEADERS.offset), headerText(r, ERROR_HEADERS.stage)])).toEqual(
      [
        ['3', 'VALUE_CONVERTER'],
        ['4', 'TASK_PUT'],
      ],
    );
    expect(headerText(dlq[1] ?? { headers: [] }, ERROR_HEADERS.exceptionMessage)).toMatch(/order_id/);
  });

  it('errors.tolerance=none: the task fails at the first bad record', async () => {
    const fx = await pipelineFixture();
    await poison(fx);
    const connector = await connectorFile('sink-high-value-orders', {
      'errors.tolerance': 'none',
      'errors.deadletterqueue.topic.name': undefined,
    });
    const sink = await createLocalSink({
      connector,
      log: fx.log,
      registry: fx.registry,
      database: db.database,
      sleep: async () => {},
    });
    await expect(sink.drain()).rejects.toThrow(/Error retrieving Avro value schema for id 32639/);
    expect(sink.status.state).toBe('FAILED');
  });
});
