import { describe, expect, it } from 'vitest';
import type { KsqlEngine } from '../api.ts';
import { createEngine } from '../engine.ts';
import { parseStatement } from '../parser/index.ts';
import type { QueryStatement } from '../parser/ast.ts';
import { planTransientQuery } from './plan-transient.ts';
import { runPullQuery } from './run-transient.ts';

const int32 = (n: number) => {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setInt32(0, n);
  return b;
};

/** A counted table over a 4-partition topic, as the REST QTT cases set it up. */
async function countsPerId(ids: number[]): Promise<KsqlEngine> {
  const engine = createEngine({ mode: 'test' });
  engine.topics.createTopic('input', 4);
  await engine.execute(
    "CREATE STREAM INPUT (ID INT KEY, V INT) WITH (kafka_topic='input', value_format='JSON');\n" +
      'CREATE TABLE COUNTS AS SELECT ID, COUNT(*) AS N FROM INPUT GROUP BY ID;',
  );
  for (const id of ids) {
    await engine.produce('input', {
      timestamp: 1000,
      key: int32(id),
      value: new TextEncoder().encode('{"V":1}'),
      headers: [],
    });
  }
  return engine;
}

async function pull(
  engine: KsqlEngine,
  sql: string,
  properties?: Record<string, unknown>,
): Promise<unknown[][]> {
  const plan = planTransientQuery(engine, parseStatement(sql) as QueryStatement, { properties });
  return (await runPullQuery(engine, plan)).map((r) => r.columns);
}

describe('pull queries', () => {
  it('scan partition by partition, each in key-bytes order (Kafka partitioner, 4 partitions)', async () => {
    const engine = await countsPerId([11, 50, 75, 101, 10]);
    // partitions: 75 → 0, 101 → 0, 10 → 1, 50 → 2, 11 → 3
    expect((await pull(engine, 'SELECT ID FROM COUNTS;')).map((r) => r[0])).toEqual([75, 101, 10, 50, 11]);
  });

  it('look keys up in the order written, grouped by partition', async () => {
    const engine = await countsPerId([11, 50, 75, 101, 10]);
    const ids = async (where: string) =>
      (await pull(engine, `SELECT ID FROM COUNTS WHERE ${where};`)).map((r) => r[0]);
    expect(await ids('ID IN (11, 50)')).toEqual([11, 50]);
    expect(await ids('ID IN (50, 11)')).toEqual([50, 11]);
    // 10 (partition 1) first, then 75 and 101 (partition 0) in the order written
    expect(await ids('ID IN (10, 101, 75)')).toEqual([10, 101, 75]);
  });

  it('reject what ksqlDB rejects', async () => {
    const engine = await countsPerId([1]);
    await expect(pull(engine, 'SELECT ID FROM COUNTS WHERE ID IN (NULL);')).rejects.toThrow(
      'Primary key columns can not be NULL: (ID = null)',
    );
    await expect(pull(engine, 'SELECT N, N FROM COUNTS;')).rejects.toThrow(
      'Duplicate value columns found in schema: `N` BIGINT',
    );
    await engine.execute(
      "CREATE TABLE PLAIN (ID INT PRIMARY KEY, V INT) WITH (kafka_topic='plain', partitions=1, value_format='JSON');",
    );
    await expect(pull(engine, 'SELECT * FROM PLAIN;')).rejects.toThrow("The `PLAIN` table isn't queryable.");
  });

  it('with table scans disabled, need the key in every disjunct', async () => {
    const engine = await countsPerId([1]);
    const off = { 'ksql.query.pull.table.scan.enabled': false };
    await expect(pull(engine, 'SELECT * FROM COUNTS WHERE N > 1;', off)).rejects.toThrow(
      'WHERE clause missing key column for disjunct: (N > 1)',
    );
    await expect(pull(engine, 'SELECT * FROM COUNTS WHERE ID != 1;', off)).rejects.toThrow(
      "Bound on key columns '[`ID` INTEGER KEY]' must currently be '='.",
    );
    await expect(pull(engine, 'SELECT * FROM COUNTS WHERE ID = N;', off)).rejects.toThrow(
      'A comparison must be between a key column and a resolvable expression.',
    );
    await expect(pull(engine, 'SELECT * FROM COUNTS WHERE ID = 1 AND ID IN (1, 2);', off)).rejects.toThrow(
      'cannot be combined with other comparisons',
    );
    expect(await pull(engine, 'SELECT ID, N FROM COUNTS WHERE ID = 1 AND N > 0;', off)).toEqual([[1, 1n]]);
  });
});
