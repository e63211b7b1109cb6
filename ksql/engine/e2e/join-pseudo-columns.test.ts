import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine.ts';

const json = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
const text = (s: string) => new TextEncoder().encode(s);

describe("a join side's pseudo columns", () => {
  it('read that side’s record (L.ROWTIME is the left record’s timestamp, not the joined row’s)', async () => {
    const engine = createEngine({ mode: 'test' });
    await engine.execute(
      [
        "CREATE STREAM L (K STRING KEY, A INT) WITH (kafka_topic='l', partitions=1, value_format='JSON');",
        "CREATE STREAM R (K STRING KEY, B INT) WITH (kafka_topic='r', partitions=1, value_format='JSON');",
        'CREATE STREAM OUT AS SELECT L.K, A, B, L.ROWTIME AS LT, R.ROWTIME AS RT, R.ROWOFFSET AS RO, ROWTIME AS JT',
        '  FROM L JOIN R WITHIN 10 SECONDS ON L.K = R.K;',
      ].join('\n'),
    );
    await engine.produce('l', { timestamp: 1_000, key: text('x'), value: json({ A: 1 }), headers: [] });
    await engine.produce('r', { timestamp: 1_500, key: text('y'), value: json({ B: 0 }), headers: [] });
    await engine.produce('r', { timestamp: 2_000, key: text('x'), value: json({ B: 2 }), headers: [] });
    const out = engine.decode('OUT', engine.topics.read('OUT', 0, 0));
    expect(out.map((r) => [r.key[0], ...(r.value ?? [])])).toEqual([['x', 1, 2, 1_000n, 2_000n, 1n, 2_000n]]);
    expect(out[0]?.timestamp).toBe(2_000);
  });

  it('must be aliased in a C*AS', async () => {
    const engine = createEngine({ mode: 'test' });
    await engine.execute(
      "CREATE STREAM L (K STRING KEY, A INT) WITH (kafka_topic='l', partitions=1, value_format='JSON');\n" +
        "CREATE STREAM R (K STRING KEY, B INT) WITH (kafka_topic='r', partitions=1, value_format='JSON');",
    );
    await expect(
      engine.execute(
        'CREATE STREAM OUT AS SELECT L.K, L.ROWTIME FROM L JOIN R WITHIN 10 SECONDS ON L.K = R.K;',
      ),
    ).rejects.toThrow('Reserved column name in select: `ROWTIME`. Please remove or alias the column.');
  });
});
