import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InMemorySchemaRegistry } from '../../ksql/engine/serde/in-memory-registry.ts';
import { createValueSerde } from '../../ksql/engine/serde/serde-factory.ts';
import { valCol, valueFormat } from '../../ksql/engine/serde/test-helpers.ts';
import { createInMemoryTopicLog } from '../../ksql/engine/topics/in-memory-topic-log.ts';
import { BIGINT, STRING, TIMESTAMP } from '../../ksql/engine/types/sql-type.ts';
import { MIGRATIONS_DIR } from '../../migrations/migrate.ts';
import { loadConnectors } from '../config/load.ts';
import { createLocalSink } from './local-sink.ts';
import { pgliteDatabase } from './pglite-database.ts';

/**
 * The engine's own output path — its AVRO value serde (ksqlDB-named writer schema, registered
 * in the registry) writing into its in-memory TopicLog — read by the local sink with the
 * repository's connector file, into the tables of migrations/ (PGlite). Proves the sink reads
 * exactly what the engine writes for a data-contract table.
 */
let db: PGlite;

beforeAll(async () => {
  db = new PGlite();
  for (const file of (await readdir(MIGRATIONS_DIR)).filter((f) => f.endsWith('.sql')).sort()) {
    const text = await readFile(join(MIGRATIONS_DIR, file), 'utf8');
    await db.exec(text.split(/^\s*--[\s-]*down\s+migration/im)[0] ?? text);
  }
}, 60_000);
afterAll(async () => db?.close());

describe('engine output → local sink', () => {
  it('SUSPICIOUS_IPS rows written by the engine serde land in suspicious_ips', async () => {
    const registry = new InMemorySchemaRegistry();
    const log = createInMemoryTopicLog();
    log.createTopic('suspicious_ips', 2);
    const columns = [
      valCol('IP_ADDRESS', STRING),
      valCol('WINDOW_START', TIMESTAMP),
      valCol('WINDOW_END', TIMESTAMP),
      valCol('ORDER_COUNT', BIGINT),
      valCol('TOTAL_SPENT_KRW', BIGINT),
      valCol('DISTINCT_USERS', BIGINT),
      valCol('FIRST_ORDER_AT', TIMESTAMP),
      valCol('LAST_ORDER_AT', TIMESTAMP),
    ];
    const serde = await createValueSerde(valueFormat('AVRO'), columns, {
      topic: 'suspicious_ips',
      sourceName: 'SUSPICIOUS_IPS',
      registry,
    });
    const start = Date.UTC(2024, 2, 1, 14, 59, 0);
    const row = (count: bigint) => [
      '10.0.0.7',
      start,
      start + 60_000,
      count,
      count * 100_000n,
      3n,
      start + 1_000,
      start + 59_999,
    ];
    // Two EMIT CHANGES updates of one window, a windowed key, and a tombstone.
    const key = Buffer.concat([Buffer.from('10.0.0.7'), Buffer.alloc(8)]);
    for (const value of [serde.serialize(row(10n)), serde.serialize(row(12n)), null]) {
      log.append('suspicious_ips', { partition: 1, timestamp: start, key, value, headers: [] });
    }
    const connector = (await loadConnectors()).find((c) => c.name === 'sink-suspicious-ips')!;
    const sink = await createLocalSink({
      connector: { name: connector.name, config: connector.config },
      log,
      registry,
      database: pgliteDatabase(db),
    });
    await sink.drain();
    expect(sink.stats).toMatchObject({ read: 3, filtered: 1, written: 1, deadLettered: 0 });
    const { rows } = await db.query(
      'SELECT ip_address, window_start, window_end, order_count, total_spent_krw, distinct_users, first_order_at, last_order_at FROM suspicious_ips',
    );
    expect(rows).toEqual([
      {
        ip_address: '10.0.0.7',
        window_start: new Date(start),
        window_end: new Date(start + 60_000),
        order_count: 12,
        total_spent_krw: 1_200_000,
        distinct_users: 3,
        first_order_at: new Date(start + 1_000),
        last_order_at: new Date(start + 59_999),
      },
    ]);
  });
});
