import { describe, expect, it } from 'vitest';
import type { KsqlEngine } from '../api.ts';
import { createEngine } from '../engine.ts';

/** Decoded records of a sink as [key, value, timestamp, window?] for compact assertions. */
function sinkRows(engine: KsqlEngine, sink: string): unknown[][] {
  const source = engine.getSource(sink);
  if (!source) throw new Error(`no source ${sink}`);
  const records = engine.topics.read(source.topic, 0, 0);
  return engine.decode(sink, records).map((r) => {
    const row: unknown[] = [
      r.key.length === 1 ? r.key[0] : r.key,
      r.value === null ? null : r.value.length === 1 ? r.value[0] : r.value,
      r.timestamp,
    ];
    if (r.window) row.push([r.window.start, r.window.end]);
    return row;
  });
}

async function insert(
  engine: KsqlEngine,
  rows: readonly [key: number, value: number, ts: number][],
): Promise<void> {
  for (const [k, v, ts] of rows)
    await engine.execute(`INSERT INTO TEST (ROWTIME, ID, VALUE) VALUES (${ts}, ${k}, ${v});`);
}

const OUT_OF_ORDER: [number, number, number][] = [
  [0, 0, 0],
  [0, 1, 89999],
  [0, 5, 10009],
  [0, 0, 90000],
  [0, 6, 10010],
  [1, 100, 10009],
  [1, 101, 30000],
  [1, 200, 86412022],
  [1, 200, 60000],
];

describe('engine end to end (QTT cases through createEngine)', () => {
  it('tumbling-windows.json "out of order - explicit grace period": late pairs dropped and counted', async () => {
    const engine = createEngine({ mode: 'test' });
    await engine.execute(`
      CREATE STREAM TEST (ID BIGINT KEY, VALUE bigint) WITH (kafka_topic='test_topic', value_format='DELIMITED');
      CREATE TABLE S2 as SELECT ID, max(value) FROM test WINDOW TUMBLING (SIZE 30 SECONDS, GRACE PERIOD 1 MINUTE) group by id;`);
    await insert(engine, OUT_OF_ORDER);
    expect(sinkRows(engine, 'S2')).toEqual([
      [0n, 0n, 0, [0, 30000]],
      [0n, 1n, 89999, [60000, 90000]],
      [0n, 5n, 10009, [0, 30000]],
      [0n, 0n, 90000, [90000, 120000]],
      [1n, 101n, 30000, [30000, 60000]],
      [1n, 200n, 86412022, [86400000, 86430000]],
    ]);
    expect(engine.getSource('S2')?.keyFormat.window).toEqual({ type: 'TUMBLING', sizeMs: 30000 });
    expect([...engine.metrics.lateRecordsDropped.values()]).toEqual([3]);
  });

  it('session-windows.json "out of order - no grace period": merged sessions leave tombstones', async () => {
    const engine = createEngine({ mode: 'test' });
    await engine.execute(`
      CREATE STREAM TEST (ID BIGINT KEY, VALUE bigint) WITH (kafka_topic='test_topic', value_format='DELIMITED');
      CREATE TABLE S2 as SELECT ID, max(value) FROM test WINDOW SESSION (30 SECONDS) group by id;`);
    await insert(engine, [
      [0, 0, 0],
      [0, 1, 70010],
      [0, 5, 10009],
      [0, 6, 10010],
    ]);
    expect(sinkRows(engine, 'S2')).toEqual([
      [0n, 0n, 0, [0, 0]],
      [0n, 1n, 70010, [70010, 70010]],
      [0n, null, 0, [0, 0]],
      [0n, 5n, 10009, [0, 10009]],
      [0n, null, 10009, [0, 10009]],
      [0n, 6n, 10010, [0, 10010]],
    ]);
  });

  it('hopping windows: one output per accepted window, ascending start, WINDOWSTART/END in the value', async () => {
    const engine = createEngine({ mode: 'test' });
    await engine.execute(`
      CREATE STREAM TEST (ID BIGINT KEY, VALUE bigint) WITH (kafka_topic='test_topic', value_format='JSON');
      CREATE TABLE S2 as SELECT ID, WINDOWSTART AS WS, WINDOWEND AS WE, COUNT(*) AS C FROM test
        WINDOW HOPPING (SIZE 30 SECONDS, ADVANCE BY 10 SECONDS, GRACE PERIOD 0 SECONDS) group by id;`);
    await insert(engine, [
      [7, 1, 25000],
      [7, 1, 31000],
    ]);
    expect(sinkRows(engine, 'S2')).toEqual([
      [7n, [0n, 30000n, 1n], 25000, [0, 30000]],
      [7n, [10000n, 40000n, 1n], 25000, [10000, 40000]],
      [7n, [20000n, 50000n, 1n], 25000, [20000, 50000]],
      [7n, [10000n, 40000n, 2n], 31000, [10000, 40000]],
      [7n, [20000n, 50000n, 2n], 31000, [20000, 50000]],
      [7n, [30000n, 60000n, 1n], 31000, [30000, 60000]],
    ]);
  });

  it('count.json "should support removing zero counts from table": HAVING emits a tombstone when a row stops passing', async () => {
    const engine = createEngine({ mode: 'test' });
    await engine.execute(`
      CREATE TABLE INPUT (K STRING PRIMARY KEY, ID bigint) WITH (kafka_topic='test_topic', value_format='DELIMITED');
      CREATE TABLE OUTPUT as SELECT ID, COUNT() FROM INPUT GROUP BY ID HAVING COUNT() > 0;`);
    const input = engine.getSource('INPUT');
    expect(input?.type).toBe('TABLE');
    await engine.execute(
      `INSERT INTO INPUT (K, ID) VALUES ('1', 3); INSERT INTO INPUT (K, ID) VALUES ('2', 3);`,
    );
    expect(sinkRows(engine, 'OUTPUT').map((r) => r.slice(0, 2))).toEqual([
      [3n, 1n],
      [3n, 2n],
    ]);
  });

  it('production mode: the record cache coalesces updates per key until the commit interval', async () => {
    let now = 1_000;
    const engine = createEngine({ mode: 'production', clock: () => now });
    await engine.execute(`
      CREATE STREAM TEST (ID BIGINT KEY, VALUE bigint) WITH (kafka_topic='test_topic', value_format='DELIMITED');
      CREATE TABLE S2 as SELECT ID, COUNT(*) AS C FROM test group by id;`);
    await insert(engine, [
      [1, 0, 10],
      [1, 0, 20],
      [2, 0, 30],
      [1, 0, 40],
    ]);
    expect(sinkRows(engine, 'S2')).toEqual([]);
    now += 2_000;
    await insert(engine, [[2, 0, 50]]);
    expect(sinkRows(engine, 'S2')).toEqual([
      [1n, 3n, 40],
      [2n, 2n, 50],
    ]);
    await insert(engine, [[1, 0, 60]]);
    await engine.flush();
    expect(sinkRows(engine, 'S2').at(-1)).toEqual([1n, 4n, 60]);
  });

  it('skips and counts records with an invalid TIMESTAMP column', async () => {
    const engine = createEngine({ mode: 'test' });
    await engine.execute(`
      CREATE STREAM TEST (K STRING KEY, ID bigint, TS bigint) WITH (kafka_topic='test_topic', value_format='JSON', timestamp='ts');
      CREATE STREAM TS AS SELECT K, id FROM test;
      INSERT INTO TEST (K, ID, TS) VALUES ('a', 1, 1526075913000);
      INSERT INTO TEST (K, ID, TS) VALUES ('a', 2, -1);`);
    expect(sinkRows(engine, 'TS')).toEqual([['a', 1n, 1526075913000]]);
    expect(engine.metrics.invalidTimestampsSkipped).toBe(1);
  });

  it('rejects DROP of a source that a query reads, as ksqlDB does', async () => {
    const engine = createEngine({ mode: 'test' });
    await engine.execute(`
      CREATE STREAM TEST (K STRING KEY, ID bigint) WITH (kafka_topic='test_topic', value_format='JSON');
      CREATE STREAM OUT AS SELECT * FROM TEST;`);
    await expect(engine.execute('DROP STREAM TEST;')).rejects.toThrow(
      /The following streams and\/or tables read from this source: \[OUT\]/,
    );
    await engine.execute('DROP STREAM OUT;');
    expect(engine.listQueries()).toEqual([]);
    await engine.execute('DROP STREAM TEST;');
    expect(engine.listSources()).toEqual([]);
  });

  it('stream-table join: each stream record looks up the current table row (sql-tests/test.sql "basic join test")', async () => {
    const engine = createEngine({ mode: 'test' });
    await engine.execute(`
      CREATE STREAM s (id INT KEY, foo INT) WITH (kafka_topic='s', value_format='JSON');
      CREATE TABLE t (id INT PRIMARY KEY, bar INT) WITH (kafka_topic='t', value_format='JSON');
      CREATE STREAM j AS SELECT s.id, s.foo, t.bar FROM s LEFT JOIN t ON s.id = t.id;
      INSERT INTO s (rowtime, id, foo) VALUES (1, 1, 2);
      INSERT INTO t (rowtime, id, bar) VALUES (2, 1, 10);
      INSERT INTO s (rowtime, id, foo) VALUES (3, 1, 4);`);
    expect(engine.getSource('J')?.schema.key.map((c) => c.name)).toEqual(['S_ID']);
    expect(engine.getSource('J')?.schema.value.map((c) => c.name)).toEqual(['FOO', 'BAR']);
    expect(sinkRows(engine, 'J')).toEqual([
      [1, [2, null], 1],
      [1, [4, 10], 3],
    ]);
    expect(engine.listQueries()[0]?.sources).toEqual(['S', 'T']);
  });
});
