import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceSettings } from '../../infra/settings.ts';
import { HttpSchemaRegistry } from '../../ksql/engine/serde/http-registry.ts';
import { createValueSerde } from '../../ksql/engine/serde/serde-factory.ts';
import { valCol, valueFormat } from '../../ksql/engine/serde/test-helpers.ts';
import { createInMemoryTopicLog } from '../../ksql/engine/topics/in-memory-topic-log.ts';
import { BIGINT, DOUBLE, TIMESTAMP } from '../../ksql/engine/types/sql-type.ts';
import { ERROR_HEADERS, headerText } from './dead-letters.ts';
import { createLocalSink } from './local-sink.ts';
import { connectorFile } from './testing/fixture.ts';
import { migratedSchema } from './testing/postgres.ts';

/**
 * Writer schemas resolved by id from the real registry (Apicurio's Confluent-compatible API
 * from `npm run infra -- up`) through a fresh client, as the AvroConverter does; an id the
 * registry does not know goes to the DLQ.
 */
let db: Awaited<ReturnType<typeof migratedSchema>>;
beforeAll(async () => {
  db = await migratedSchema('sink_registry');
});
afterAll(async () => db?.drop());

describe('local sink with the real schema registry', () => {
  it('decodes engine-written REALTIME_STATS values by schema id and dead-letters an unknown id', async () => {
    const { schemaRegistryUrl } = serviceSettings();
    const topic = `realtime_stats_it_${randomUUID().slice(0, 8)}`;
    const log = createInMemoryTopicLog();
    log.createTopic(topic, 1);
    const serde = await createValueSerde(
      valueFormat('AVRO'),
      [
        valCol('WINDOW_START', TIMESTAMP),
        valCol('WINDOW_END', TIMESTAMP),
        valCol('ORDER_COUNT', BIGINT),
        valCol('SALES_KRW', BIGINT),
        valCol('AVG_ORDER_KRW', DOUBLE),
        valCol('DISTINCT_IPS', BIGINT),
      ],
      { topic, sourceName: 'REALTIME_STATS', registry: new HttpSchemaRegistry({ url: schemaRegistryUrl }) },
    );
    const start = Date.UTC(2024, 2, 1);
    const append = (value: Uint8Array | null) =>
      log.append(topic, { timestamp: start, key: null, value, headers: [] });
    append(serde.serialize([start, start + 30_000, 300n, 45_000_000n, 150_000.5, 120n]));
    append(Buffer.from([0, 0x7f, 0xff, 0xff, 0x00, 0x02])); // an id no registry has
    const sink = await createLocalSink({
      // A per-run topic (the registry outlives test runs), written to the realtime_stats table.
      connector: await connectorFile('sink-realtime-stats', {
        topics: topic,
        'table.name.format': 'realtime_stats',
      }),
      log,
      registry: new HttpSchemaRegistry({ url: schemaRegistryUrl }), // fresh: nothing cached
      database: db.database,
      errorLog: () => {},
    });
    await sink.drain();
    expect(sink.status.state).toBe('RUNNING');
    expect(await db.query('SELECT window_start, order_count, avg_order_krw FROM realtime_stats')).toEqual([
      { window_start: new Date(start), order_count: '300', avg_order_krw: 150_000.5 },
    ]);
    const [letter] = log.read('realtime_stats_dlq', 0, 0);
    expect(headerText(letter ?? { headers: [] }, ERROR_HEADERS.stage)).toBe('VALUE_CONVERTER');
  });
});
