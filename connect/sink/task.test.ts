import { describe, expect, it, vi } from 'vitest';
import { NotImplementedError } from '../../common/errors.ts';
import { ERROR_HEADERS, headerText } from './dead-letters.ts';
import { createLocalSink } from './local-sink.ts';
import { InMemoryOffsetStore, tpKey } from './source.ts';
import { SinkTaskFailedError } from './task.ts';
import { connectorFile, pipelineFixture, recordingDatabase } from './testing/fixture.ts';

const T0 = Date.UTC(2024, 2, 1, 0, 0, 0);

describe('local JDBC sink task (statements recorded, no database)', () => {
  it('upserts one multi-row statement per poll, keeping the last row per key', async () => {
    const fx = await pipelineFixture();
    fx.popular({ product: 'P1', start: T0, count: 1 });
    fx.popular({ product: 'P2', start: T0, count: 1 });
    fx.popular({ product: 'P1', start: T0, count: 2 });
    fx.popular({ product: 'P1', start: T0 + 10_000, count: 1 });
    const db = recordingDatabase();
    const sink = await createLocalSink({
      connector: await connectorFile('sink-popular-products'),
      log: fx.log,
      registry: fx.registry,
      database: db.database,
    });
    await sink.drain();
    expect(db.committed).toHaveLength(1);
    const [statement] = db.committed[0] ?? [];
    expect(statement?.text).toBe(
      'INSERT INTO popular_products (PRODUCT_ID,WINDOW_START,WINDOW_END,PRODUCT_NAME,CATEGORY,ORDER_COUNT,SALES_KRW) ' +
        'VALUES ($1,$2,$3,$4,$5,$6,$7),($8,$9,$10,$11,$12,$13,$14),($15,$16,$17,$18,$19,$20,$21) ' +
        'ON CONFLICT (PRODUCT_ID,WINDOW_START) DO UPDATE SET WINDOW_END=EXCLUDED.WINDOW_END,PRODUCT_NAME=EXCLUDED.PRODUCT_NAME,' +
        'CATEGORY=EXCLUDED.CATEGORY,ORDER_COUNT=EXCLUDED.ORDER_COUNT,SALES_KRW=EXCLUDED.SALES_KRW',
    );
    const rows = [0, 1, 2].map((i) => statement?.params.slice(i * 7, i * 7 + 7));
    expect(rows.map((r) => [r?.[0], r?.[1], r?.[5]])).toEqual([
      ['P2', '2024-03-01T00:00:00.000Z', 1],
      ['P1', '2024-03-01T00:00:00.000Z', 2],
      ['P1', '2024-03-01T00:00:10.000Z', 1],
    ]);
    expect(sink.stats).toMatchObject({ read: 4, written: 3, puts: 1 });
  });

  it('splits a poll into statements of batch.size rows and polls max.poll.records at a time', async () => {
    const fx = await pipelineFixture();
    for (let i = 0; i < 25; i++) fx.popular({ product: `P${i}`, start: T0, count: 1 });
    const db = recordingDatabase();
    const connector = await connectorFile('sink-popular-products', {
      'batch.size': '4',
      'consumer.override.max.poll.records': '10',
    });
    const sink = await createLocalSink({
      connector,
      log: fx.log,
      registry: fx.registry,
      database: db.database,
    });
    await sink.drain();
    expect(db.committed.map((tx) => tx.map((s) => s.params.length / 7))).toEqual([
      [4, 4, 2],
      [4, 4, 2],
      [4, 1],
    ]);
  });

  it('drops tombstones with the Filter transform and commits their offsets', async () => {
    const fx = await pipelineFixture();
    fx.tombstone('popular_products');
    fx.popular({ product: 'P1', start: T0, count: 1 });
    const offsets = new InMemoryOffsetStore();
    const db = recordingDatabase();
    const sink = await createLocalSink({
      connector: await connectorFile('sink-popular-products'),
      log: fx.log,
      registry: fx.registry,
      database: db.database,
      offsets,
    });
    await sink.drain();
    expect(sink.stats).toMatchObject({ read: 2, filtered: 1, written: 1 });
    expect((await offsets.load('sink-popular-products')).get(tpKey('popular_products', 0))).toBe(2);
  });

  it('without the transform a tombstone fails the task like the real sink, even with errors.tolerance=all', async () => {
    const fx = await pipelineFixture();
    fx.tombstone('popular_products');
    const connector = await connectorFile('sink-popular-products', {
      transforms: undefined,
      'transforms.dropTombstones.type': undefined,
      'transforms.dropTombstones.predicate': undefined,
      predicates: undefined,
      'predicates.isTombstone.type': undefined,
    });
    const offsets = new InMemoryOffsetStore();
    const sink = await createLocalSink({
      connector,
      log: fx.log,
      registry: fx.registry,
      database: recordingDatabase().database,
      offsets,
    });
    const err = await sink.runOnce().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SinkTaskFailedError);
    expect((err as SinkTaskFailedError).trace).toMatch(
      /^org\.apache\.kafka\.connect\.errors\.ConnectException: Sink connector 'sink-popular-products' is configured with 'delete\.enabled=false' and 'pk\.mode=record_value' and therefore requires records with a non-null Struct value/,
    );
    expect(sink.status.state).toBe('FAILED');
    expect((await offsets.load('sink-popular-products')).size).toBe(0);
  });

  it('sends undecodable values to the dead-letter topic with Connect context headers', async () => {
    const fx = await pipelineFixture();
    fx.log.append('popular_products', {
      partition: 0,
      timestamp: 5,
      key: null,
      value: Buffer.from([0, 0, 0, 0, 99, 1]),
      headers: [{ key: 'h', value: Buffer.from('v') }],
    });
    fx.popular({ product: 'P1', start: T0, count: 1 });
    const logged: string[] = [];
    const sink = await createLocalSink({
      connector: await connectorFile('sink-popular-products'),
      log: fx.log,
      registry: fx.registry,
      database: recordingDatabase().database,
      errorLog: (l) => logged.push(l),
    });
    await sink.drain();
    const dlq = fx.log.read('popular_products_dlq', 0, 0);
    expect(dlq).toHaveLength(1);
    const [letter] = dlq;
    expect(Buffer.from(letter?.value ?? []).equals(Buffer.from([0, 0, 0, 0, 99, 1]))).toBe(true);
    const h = (k: string) => headerText(letter ?? { headers: [] }, k);
    expect([h('h'), h(ERROR_HEADERS.topic), h(ERROR_HEADERS.partition), h(ERROR_HEADERS.offset)]).toEqual([
      'v',
      'popular_products',
      '0',
      '0',
    ]);
    expect([h(ERROR_HEADERS.stage), h(ERROR_HEADERS.className), h(ERROR_HEADERS.exceptionClass)]).toEqual([
      'VALUE_CONVERTER',
      'io.confluent.connect.avro.AvroConverter',
      'org.apache.kafka.connect.errors.DataException',
    ]);
    expect(h(ERROR_HEADERS.exceptionMessage)).toContain('Error retrieving Avro value schema for id 99');
    expect(h(ERROR_HEADERS.connectorName)).toBe('sink-popular-products');
    expect(logged[0]).toMatch(/Executing stage 'VALUE_CONVERTER'/);
    expect(sink.stats).toMatchObject({ deadLettered: 1, written: 1 });
  });

  it('retries a failed write max.retries times, then unrolls it and dead-letters only the bad record', async () => {
    const fx = await pipelineFixture();
    fx.highValue({ id: 'o1', ts: T0, total: 600_000 });
    fx.highValue({ id: 'bad', ts: T0, total: 700_000 });
    fx.highValue({ id: 'o3', ts: T0, total: 800_000 });
    const db = recordingDatabase((s) => s.params.includes('bad'));
    const slept: number[] = [];
    const connector = await connectorFile('sink-high-value-orders', {
      'max.retries': '2',
      'retry.backoff.ms': '50',
    });
    const sink = await createLocalSink({
      connector,
      log: fx.log,
      registry: fx.registry,
      database: db.database,
      sleep: async (ms) => void slept.push(ms),
      errorLog: () => {},
    });
    await sink.drain();
    expect(slept).toEqual([50, 50]);
    expect(db.committed.map((tx) => tx.map((s) => s.params[0]))).toEqual([['o1'], ['o3']]);
    const [letter] = fx.log.read('high_value_orders_dlq', 0, 0);
    expect(headerText(letter ?? { headers: [] }, ERROR_HEADERS.stage)).toBe('TASK_PUT');
    expect(headerText(letter ?? { headers: [] }, ERROR_HEADERS.exceptionClass)).toBe('java.sql.SQLException');
    expect(headerText(letter ?? { headers: [] }, ERROR_HEADERS.offset)).toBe('1');
    expect(sink.status.state).toBe('RUNNING');
  });

  it('with errors.tolerance=none a failed write fails the task after its retries and commits nothing', async () => {
    const fx = await pipelineFixture();
    fx.highValue({ id: 'bad', ts: T0, total: 700_000 });
    const connector = await connectorFile('sink-high-value-orders', {
      'errors.tolerance': 'none',
      'errors.deadletterqueue.topic.name': undefined,
      'max.retries': '1',
    });
    const offsets = new InMemoryOffsetStore();
    const sink = await createLocalSink({
      connector,
      log: fx.log,
      registry: fx.registry,
      database: recordingDatabase(() => true).database,
      offsets,
      sleep: async () => {},
    });
    await expect(sink.drain()).rejects.toThrow(
      /task 0 failed: java\.sql\.SQLException: new row violates check constraint \(SQLSTATE 23514\)/,
    );
    expect((await offsets.load('sink-high-value-orders')).size).toBe(0);
  });

  it('refuses pk.mode=record_key by name', async () => {
    const fx = await pipelineFixture();
    const connector = await connectorFile('sink-popular-products', { 'pk.mode': 'record_key' });
    await expect(
      createLocalSink({
        connector,
        log: fx.log,
        registry: fx.registry,
        database: recordingDatabase().database,
      }),
    ).rejects.toThrow(NotImplementedError);
  });

  it('resumes from the committed offsets in a new instance (a restart)', async () => {
    const fx = await pipelineFixture();
    fx.popular({ product: 'P1', start: T0, count: 1 });
    const offsets = new InMemoryOffsetStore();
    const db = recordingDatabase();
    const make = async () =>
      createLocalSink({
        connector: await connectorFile('sink-popular-products'),
        log: fx.log,
        registry: fx.registry,
        database: db.database,
        offsets,
      });
    await (await make()).drain();
    fx.popular({ product: 'P1', start: T0, count: 2, partition: 1 });
    await (await make()).drain();
    expect(db.committed.map((tx) => tx[0]?.params[5])).toEqual([1, 2]);
  });

  it('drain pipelines polls but commits offsets batch by batch: a bad record in the next poll keeps the current one', async () => {
    const fx = await pipelineFixture();
    for (let i = 0; i < 10; i++) fx.popular({ product: `P${i}`, start: T0, count: 1 });
    fx.log.append('popular_products', {
      partition: 0,
      timestamp: 0,
      key: null,
      value: Buffer.from([1, 2, 3]),
      headers: [],
    });
    const connector = await connectorFile('sink-popular-products', {
      'consumer.override.max.poll.records': '10',
      'errors.tolerance': 'none',
      'errors.deadletterqueue.topic.name': undefined,
    });
    const offsets = new InMemoryOffsetStore();
    const db = recordingDatabase();
    const sink = await createLocalSink({
      connector,
      log: fx.log,
      registry: fx.registry,
      database: db.database,
      offsets,
    });
    await expect(sink.drain()).rejects.toThrow(/Unknown magic byte/);
    expect(db.committed).toHaveLength(1);
    expect((await offsets.load('sink-popular-products')).get(tpKey('popular_products', 0))).toBe(10);
  });

  it('drain: a failed write while the next poll is prepared commits nothing and rewinds', async () => {
    const fx = await pipelineFixture();
    for (let i = 0; i < 20; i++) fx.popular({ product: `P${i}`, start: T0, count: 1 });
    const connector = await connectorFile('sink-popular-products', {
      'consumer.override.max.poll.records': '10',
      'errors.tolerance': 'none',
      'errors.deadletterqueue.topic.name': undefined,
      'max.retries': '0',
    });
    const offsets = new InMemoryOffsetStore();
    const sink = await createLocalSink({
      connector,
      log: fx.log,
      registry: fx.registry,
      database: recordingDatabase(() => true).database,
      offsets,
    });
    await expect(sink.drain()).rejects.toThrow(SinkTaskFailedError);
    expect((await offsets.load('sink-popular-products')).size).toBe(0);
    const db = recordingDatabase();
    const restarted = await createLocalSink({
      connector,
      log: fx.log,
      registry: fx.registry,
      database: db.database,
      offsets,
    });
    await restarted.drain();
    expect(db.committed.flat().reduce((n, s) => n + s.params.length / 7, 0)).toBe(20);
  });

  it('run() keeps consuming as records arrive until stop()', async () => {
    const fx = await pipelineFixture();
    const db = recordingDatabase();
    const sink = await createLocalSink({
      connector: await connectorFile('sink-popular-products'),
      log: fx.log,
      registry: fx.registry,
      database: db.database,
    });
    const running = sink.run(60_000); // woken by appends and by stop(), not by the timeout
    fx.popular({ product: 'P1', start: T0, count: 1 });
    await vi.waitFor(() => expect(sink.stats.written).toBe(1));
    fx.popular({ product: 'P2', start: T0, count: 1, partition: 1 });
    await vi.waitFor(() => expect(sink.stats.written).toBe(2));
    await sink.stop();
    await running;
    expect(sink.status.state).toBe('STOPPED');
  });

  it('starts before the engine created its topic and picks the topic up once it exists', async () => {
    const fx = await pipelineFixture();
    fx.log.deleteTopic('popular_products');
    const db = recordingDatabase();
    const sink = await createLocalSink({
      connector: await connectorFile('sink-popular-products'),
      log: fx.log,
      registry: fx.registry,
      database: db.database,
    });
    await sink.drain();
    fx.log.createTopic('popular_products', 2);
    fx.popular({ product: 'P1', start: T0, count: 1 });
    await sink.drain();
    expect(sink.stats.written).toBe(1);
  });

  it('stop() under continuous traffic ends after the batch in flight; a new task resumes where it committed', async () => {
    const fx = await pipelineFixture();
    for (let i = 0; i < 5000; i++) fx.popular({ product: `P${i}`, start: T0, count: 1 });
    const offsets = new InMemoryOffsetStore();
    const db = recordingDatabase();
    let sink: Awaited<ReturnType<typeof createLocalSink>> | undefined = undefined;
    const connector = await connectorFile('sink-popular-products');
    const first = await createLocalSink({
      connector,
      log: fx.log,
      registry: fx.registry,
      database: db.database,
      offsets,
      afterDatabaseCommit: () => {
        void sink?.stop(); // stop requested while batches remain
      },
    });
    sink = first;
    await first.run(60_000);
    const committed = (await offsets.load('sink-popular-products')).get(tpKey('popular_products', 0)) ?? 0;
    expect(committed).toBeGreaterThan(0);
    expect(committed).toBeLessThan(5000);
    const second = await createLocalSink({
      connector,
      log: fx.log,
      registry: fx.registry,
      database: db.database,
      offsets,
    });
    await second.drain();
    expect(first.stats.written + second.stats.written).toBe(5000);
  });
});
