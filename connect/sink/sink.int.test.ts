import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ERROR_HEADERS, headerText } from './dead-letters.ts';
import { createLocalSink } from './local-sink.ts';
import { InMemoryOffsetStore } from './source.ts';
import { SinkTaskFailedError } from './task.ts';
import { connectorFile, pipelineFixture } from './testing/fixture.ts';
import { migratedSchema } from './testing/postgres.ts';

/** The local sink against a real Postgres, with the repository's connector files. */
let db: Awaited<ReturnType<typeof migratedSchema>>;
const T0 = Date.UTC(2024, 2, 1, 0, 0, 0);
const noSleep = async (): Promise<void> => {};

beforeAll(async () => {
  db = await migratedSchema('sink_test');
});
afterAll(async () => db?.drop());
beforeEach(async () => {
  await db.query('TRUNCATE popular_products, high_value_orders, suspicious_ips, realtime_stats');
});

async function sinkFor(
  fx: Awaited<ReturnType<typeof pipelineFixture>>,
  name: string,
  patch: Record<string, string | undefined> = {},
  extra = {},
) {
  return createLocalSink({
    connector: await connectorFile(name, patch),
    log: fx.log,
    registry: fx.registry,
    database: db.database,
    sleep: noSleep,
    errorLog: () => {},
    ...extra,
  });
}

describe('local JDBC sink → Postgres', () => {
  it('upserting the same window twice leaves one row with the last values', async () => {
    const fx = await pipelineFixture();
    fx.popular({ product: 'P1', start: T0, count: 1, sales: 100 });
    const sink = await sinkFor(fx, 'sink-popular-products');
    await sink.drain();
    fx.popular({ product: 'P1', start: T0, count: 2, sales: 250 });
    fx.popular({ product: 'P1', start: T0, count: 3, sales: 400 }); // same key twice in one batch
    await sink.drain();
    const rows = await db.query(
      'SELECT product_id, window_start, window_end, order_count, sales_krw FROM popular_products',
    );
    expect(rows).toEqual([
      {
        product_id: 'P1',
        window_start: new Date(T0),
        window_end: new Date(T0 + 30_000),
        order_count: '3',
        sales_krw: '400',
      },
    ]);
  });

  it('drops tombstones: nothing written, nothing failing, offsets move on', async () => {
    const fx = await pipelineFixture();
    fx.popular({ product: 'P1', start: T0, count: 1 });
    fx.tombstone('popular_products');
    fx.popular({ product: 'P2', start: T0, count: 1 });
    const sink = await sinkFor(fx, 'sink-popular-products');
    await sink.drain();
    expect(sink.status.state).toBe('RUNNING');
    expect(sink.stats).toMatchObject({ read: 3, filtered: 1, deadLettered: 0 });
    expect(await db.query('SELECT product_id FROM popular_products ORDER BY 1')).toEqual([
      { product_id: 'P1' },
      { product_id: 'P2' },
    ]);
    expect(fx.log.describeTopic('popular_products_dlq')).toBeUndefined();
  });

  it('a record violating a constraint goes to the dead-letter topic with context, and the sink keeps running', async () => {
    const fx = await pipelineFixture();
    fx.highValue({ id: 'o1', ts: T0, total: 600_000 });
    fx.highValue({ id: 'o2', ts: T0, total: null }); // total_krw is NOT NULL
    fx.highValue({ id: 'o3', ts: T0, total: 900_000 });
    const sink = await sinkFor(fx, 'sink-high-value-orders'); // max.retries=10 from the file, sleeps skipped
    await sink.drain();
    fx.highValue({ id: 'o4', ts: T0, total: 700_000 });
    await sink.drain();
    expect(sink.status.state).toBe('RUNNING');
    expect(sink.stats.retries).toBe(10);
    expect(await db.query('SELECT order_id FROM high_value_orders ORDER BY 1')).toEqual(
      ['o1', 'o3', 'o4'].map((order_id) => ({ order_id })),
    );
    const dlq = fx.log.read('high_value_orders_dlq', 0, 0);
    expect(dlq).toHaveLength(1);
    const letter = dlq[0] ?? { headers: [] };
    expect(headerText(letter, ERROR_HEADERS.topic)).toBe('high_value_orders');
    expect(headerText(letter, ERROR_HEADERS.offset)).toBe('1');
    expect(headerText(letter, ERROR_HEADERS.stage)).toBe('TASK_PUT');
    expect(headerText(letter, ERROR_HEADERS.className)).toBe('io.confluent.connect.jdbc.sink.JdbcSinkTask');
    expect(headerText(letter, ERROR_HEADERS.exceptionMessage)).toMatch(
      /null value in column "total_krw".*\(SQLSTATE 23502\)/,
    );
  });

  it('timestamps round-trip in UTC; an order at 23:59:59.999 KST lands on that KST day', async () => {
    const fx = await pipelineFixture();
    const lastMsOfMarch1Kst = Date.UTC(2024, 2, 1, 14, 59, 59, 999); // 2024-03-01 23:59:59.999 +09:00
    fx.highValue({ id: 'late', ts: lastMsOfMarch1Kst, total: 600_000 });
    fx.highValue({ id: 'next', ts: lastMsOfMarch1Kst + 1, total: 600_000 });
    // db.timezone changes the offset the instant is written with, never the instant.
    const sink = await sinkFor(fx, 'sink-high-value-orders', { 'db.timezone': 'Asia/Seoul' });
    await sink.drain();
    const rows = await db.query(`
      SELECT order_id, event_ts, to_char(event_ts AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS') AS utc,
             (event_ts AT TIME ZONE 'Asia/Seoul')::date::text AS kst_day
      FROM high_value_orders ORDER BY event_ts`);
    expect(rows).toEqual([
      {
        order_id: 'late',
        event_ts: new Date(lastMsOfMarch1Kst),
        utc: '2024-03-01 14:59:59.999',
        kst_day: '2024-03-01',
      },
      {
        order_id: 'next',
        event_ts: new Date(lastMsOfMarch1Kst + 1),
        utc: '2024-03-01 15:00:00.000',
        kst_day: '2024-03-02',
      },
    ]);
  });

  it('quote.sql.identifiers=always would miss the lower-case columns (why the files say never)', async () => {
    const fx = await pipelineFixture();
    fx.popular({ product: 'P1', start: T0, count: 1 });
    const sink = await sinkFor(fx, 'sink-popular-products', {
      'quote.sql.identifiers': 'always',
      'errors.tolerance': 'none',
      'errors.deadletterqueue.topic.name': undefined,
      'max.retries': '0',
    });
    await expect(sink.drain()).rejects.toThrow(
      /relation "popular_products" does not exist|column "PRODUCT_ID"/,
    );
  });

  it('a missing table fails the task (auto.create=false)', async () => {
    const fx = await pipelineFixture();
    fx.popular({ product: 'P1', start: T0, count: 1 });
    const sink = await sinkFor(fx, 'sink-popular-products', {
      'table.name.format': 'missing_${topic}',
      'errors.tolerance': 'none',
      'errors.deadletterqueue.topic.name': undefined,
    });
    const err = await sink.drain().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SinkTaskFailedError);
    expect((err as SinkTaskFailedError).trace).toMatch(
      /TableAlterOrCreateException: Table "missing_popular_products" is missing/,
    );
  });
});

describe('restarts (at least once + upserts)', () => {
  /** Window updates as EMIT CHANGES emits them: counts grow per (product, window), interleaved. */
  function emitUpdates(fx: Awaited<ReturnType<typeof pipelineFixture>>): Map<string, number> {
    const last = new Map<string, number>();
    for (let i = 1; i <= 40; i++) {
      for (const product of ['P1', 'P2', 'P3']) {
        const start = T0 + (i % 4) * 10_000;
        const count = (last.get(`${product}@${start}`) ?? 0) + 1;
        last.set(`${product}@${start}`, count);
        fx.popular({ product, start, count, partition: i % 2 });
      }
    }
    return last;
  }

  async function finalTable(): Promise<Map<string, number>> {
    const rows = await db.query('SELECT product_id, window_start, order_count FROM popular_products');
    return new Map(
      rows.map((r) => [`${r.product_id}@${(r.window_start as Date).getTime()}`, Number(r.order_count)]),
    );
  }

  const small = { 'batch.size': '7', 'consumer.override.max.poll.records': '20' };

  it('a crash after Postgres committed but before the offsets re-applies the batch: same final table', async () => {
    const fx = await pipelineFixture();
    const expected = emitUpdates(fx);
    const offsets = new InMemoryOffsetStore();
    let puts = 0;
    const crashing = await sinkFor(fx, 'sink-popular-products', small, {
      offsets,
      afterDatabaseCommit: () => {
        if (++puts === 3) throw new Error('kill -9');
      },
    });
    await expect(crashing.drain()).rejects.toThrow('kill -9');
    const restarted = await sinkFor(fx, 'sink-popular-products', small, { offsets });
    await restarted.drain();
    expect(restarted.stats.read).toBe(120 - 40); // two puts committed their offsets; the third is read again
    expect(await finalTable()).toEqual(expected);
  });

  it('a crash in the middle of a batch rolls it back and the restart re-reads it: same final table', async () => {
    const fx = await pipelineFixture();
    const expected = emitUpdates(fx);
    const offsets = new InMemoryOffsetStore();
    let statements = 0;
    const dying = {
      transaction: <T>(fn: Parameters<typeof db.database.transaction<T>>[0]) =>
        db.database.transaction((sql) =>
          fn({
            query: async (text, params) => {
              if (text.startsWith('INSERT') && ++statements === 4) throw new Error('connection terminated');
              return sql.query(text, params);
            },
          }),
        ),
    };
    const crashing = await sinkFor(
      fx,
      'sink-popular-products',
      {
        ...small,
        'errors.tolerance': 'none',
        'errors.deadletterqueue.topic.name': undefined,
        'max.retries': '0',
      },
      { offsets, database: dying },
    );
    await expect(crashing.drain()).rejects.toThrow('connection terminated');
    const partial = await finalTable();
    expect(partial.size).toBeGreaterThan(0);
    expect(partial).not.toEqual(expected);
    const restarted = await sinkFor(fx, 'sink-popular-products', small, { offsets });
    await restarted.drain();
    expect(await finalTable()).toEqual(expected);
  });

  it('three kills at 20 %, 40 % and 60 % of the stream (before and after commits): one row per key, each the last value', async () => {
    // reliability-tests.md item 6 for the local sink: row count = distinct (key, window_start),
    // no key violation, every row equal to the last emitted aggregate.
    const fx = await pipelineFixture();
    const expected = emitUpdates(fx); // 120 records, 20 per poll
    const offsets = new InMemoryOffsetStore();
    const kills = [
      { put: 2, when: 'after-commit' },
      { put: 2, when: 'before-commit' },
      { put: 3, when: 'after-commit' },
    ] as const;
    for (const kill of kills) {
      let puts = 0;
      let statements = 0;
      const dying = {
        transaction: <T>(fn: Parameters<typeof db.database.transaction<T>>[0]) =>
          db.database.transaction((sql) =>
            fn({
              query: async (text, params) => {
                if (kill.when === 'before-commit' && text.startsWith('INSERT') && ++statements === kill.put) {
                  throw new Error('kill -9');
                }
                return sql.query(text, params);
              },
            }),
          ),
      };
      const sink = await sinkFor(
        fx,
        'sink-popular-products',
        {
          ...small,
          'errors.tolerance': 'none',
          'errors.deadletterqueue.topic.name': undefined,
          'max.retries': '0',
        },
        {
          offsets,
          database: dying,
          afterDatabaseCommit: () => {
            if (kill.when === 'after-commit' && ++puts === kill.put) throw new Error('kill -9');
          },
        },
      );
      await expect(sink.drain()).rejects.toThrow('kill -9');
    }
    await (await sinkFor(fx, 'sink-popular-products', small, { offsets })).drain();
    const rows = await db.query(
      'SELECT count(*)::int AS n, count(DISTINCT (product_id, window_start))::int AS d FROM popular_products',
    );
    expect(rows[0]).toEqual({ n: expected.size, d: expected.size });
    expect(await finalTable()).toEqual(expected);
  });
});
