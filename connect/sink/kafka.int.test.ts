import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { serviceSettings } from '../../infra/settings.ts';
import { createKafkaSink } from './kafka-source.ts';
import { connectorFile } from './testing/fixture.ts';
import { MemoryRegistry } from './testing/memory-registry.ts';
import { migratedSchema } from './testing/postgres.ts';
import { POPULAR_PRODUCTS_SCHEMA, wireEncoder } from './testing/records.ts';

/**
 * The local sink consuming from the real Kafka broker of `npm run infra -- up`, as a Connect
 * task does: group connect-<name>, offsets committed after Postgres, DLQ produced to Kafka; a
 * restarted sink continues from the committed offsets.
 */
const { kafkaBootstrap } = serviceSettings();
const run = randomUUID().slice(0, 8);
const topic = `popular_products_it_${run}`;
const kafka = new Kafka({
  clientId: 'sink-it',
  brokers: kafkaBootstrap.split(','),
  logLevel: logLevel.NOTHING,
});
const producer = kafka.producer();
const admin = kafka.admin();
let db: Awaited<ReturnType<typeof migratedSchema>>;
const T0 = Date.UTC(2024, 2, 1);

beforeAll(async () => {
  db = await migratedSchema('sink_kafka');
  await Promise.all([producer.connect(), admin.connect()]);
  await admin.createTopics({
    topics: [{ topic, numPartitions: 2, replicationFactor: 1 }],
    waitForLeaders: true,
  });
});
afterAll(async () => {
  await admin.deleteTopics({ topics: [topic, `${topic}_dlq`] }).catch(() => {});
  await Promise.all([producer.disconnect(), admin.disconnect()]);
  await db?.drop();
});

describe('local sink on real Kafka', () => {
  it('consumes, upserts, dead-letters to Kafka, and resumes from committed offsets after a restart', async () => {
    const registry = new MemoryRegistry();
    const id = await registry.register(`${topic}-value`, {
      schemaType: 'AVRO',
      schema: JSON.stringify(POPULAR_PRODUCTS_SCHEMA),
    });
    const encode = wireEncoder(POPULAR_PRODUCTS_SCHEMA, id);
    const update = (product: string, count: number, partition: number) => ({
      partition,
      key: product,
      value: encode({
        PRODUCT_ID: product,
        WINDOW_START: T0,
        WINDOW_END: T0 + 30_000,
        PRODUCT_NAME: product,
        CATEGORY: 'c',
        ORDER_COUNT: count,
        SALES_KRW: count * 1000,
      }),
    });
    await producer.send({
      topic,
      messages: [
        update('P1', 1, 0),
        update('P1', 2, 0),
        update('P2', 1, 1),
        { partition: 1, key: 'P2', value: null }, // tombstone: filtered
        { partition: 0, key: 'bad', value: Buffer.from('not avro') }, // converter error: DLQ
      ],
    });
    const file = await connectorFile('sink-popular-products', {
      topics: topic,
      'table.name.format': 'popular_products',
      'errors.deadletterqueue.topic.name': `${topic}_dlq`,
    });
    const connector = { ...file, name: `sink-it-${run}` }; // its own consumer group per run
    const open = () =>
      createKafkaSink({
        connector,
        brokers: kafkaBootstrap,
        registry,
        database: db.database,
        errorLog: () => {},
      });

    const first = await open();
    const running = first.task.run(100);
    // Wait for the outcome (written and dead-lettered), not for reads: stop() drops a batch
    // that was read but not yet written, and a restart would read it again.
    await vi.waitFor(
      () => expect(first.task.stats).toMatchObject({ filtered: 1, deadLettered: 1, written: 2 }),
      {
        timeout: 30_000,
        interval: 100,
      },
    );
    await first.close();
    await running;
    expect(first.task.stats.read).toBe(5);
    const dlq = await admin.fetchTopicOffsets(`${topic}_dlq`);
    expect(dlq.map((p) => Number(p.high))).toEqual([1]);

    await producer.send({ topic, messages: [update('P1', 3, 0), update('P3', 1, 1)] });
    const second = await open();
    const again = second.task.run(100);
    await vi.waitFor(() => expect(second.task.stats.written).toBe(2), { timeout: 30_000, interval: 100 });
    await second.close();
    await again;
    expect(second.task.stats.read).toBe(2); // only what came after the committed offsets
    expect(
      await db.query('SELECT product_id, order_count::int AS n FROM popular_products ORDER BY 1'),
    ).toEqual([
      { product_id: 'P1', n: 3 },
      { product_id: 'P2', n: 1 },
      { product_id: 'P3', n: 1 },
    ]);
  });
});
