import { describe, expect, it, vi } from 'vitest';
import { createEngine } from '../engine.ts';
import type { QueryStatement } from '../parser/ast.ts';
import { parseStatement } from '../parser/index.ts';
import { planTransientQuery } from './plan-transient.ts';
import { runPushQuery, type TransientRow } from './run-transient.ts';

const json = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));

async function ordersEngine(mode: 'test' | 'production') {
  const engine = createEngine({ mode });
  await engine.execute(
    "CREATE STREAM ORDERS (ID STRING KEY, IP STRING, AMOUNT INT) WITH (kafka_topic='orders', partitions=1, value_format='JSON');",
  );
  return engine;
}

describe('aggregating push queries (transient)', () => {
  it('emit every change of the SELECT list, keyed by unprojected GROUP BY expressions, without touching the metastore', async () => {
    const engine = await ordersEngine('test');
    for (const [id, ip, amount] of [
      ['o1', '10.0.0.1', 5],
      ['o2', '10.0.0.2', 7],
      ['o3', '10.0.0.1', 1],
    ] as const) {
      await engine.produce('orders', {
        timestamp: 1_000,
        key: json(id),
        value: json({ IP: ip, AMOUNT: amount }),
        headers: [],
      });
    }
    const stmt = parseStatement(
      'SELECT COUNT(*) AS N, SUM(AMOUNT) AS TOTAL FROM ORDERS WINDOW TUMBLING (SIZE 1 MINUTE) GROUP BY IP EMIT CHANGES;',
    ) as QueryStatement;
    const plan = planTransientQuery(engine, stmt);
    expect(plan.columns.map((c) => c.name)).toEqual(['N', 'TOTAL']);
    const rows: TransientRow[] = [];
    const q = runPushQuery(
      engine,
      plan,
      true,
      (r) => rows.push(r),
      () => undefined,
    );
    await q.ready;
    expect(rows.map((r) => r.columns)).toEqual([
      [1n, 5],
      [1n, 7],
      [2n, 6],
    ]);
    q.stop();
    expect(engine.listSources().map((s) => s.name)).toEqual(['ORDERS']);
    expect(engine.listQueries()).toEqual([]);
  });

  it('in production mode, forward cached changes at each commit interval', async () => {
    const engine = await ordersEngine('production');
    const stmt = parseStatement(
      'SELECT IP, COUNT(*) AS N FROM ORDERS GROUP BY IP EMIT CHANGES LIMIT 1;',
    ) as QueryStatement;
    const plan = planTransientQuery(engine, stmt, { properties: { 'ksql.streams.commit.interval.ms': 50 } });
    const rows: TransientRow[] = [];
    let done = false;
    const q = runPushQuery(
      engine,
      plan,
      false,
      (r) => rows.push(r),
      () => (done = true),
    );
    await q.ready;
    for (let i = 0; i < 3; i++)
      await engine.produce('orders', {
        timestamp: 1_000 + i,
        key: json(`o${i}`),
        value: json({ IP: '10.0.0.9', AMOUNT: 1 }),
        headers: [],
      });
    await vi.waitFor(() => expect(done).toBe(true));
    expect(rows.map((r) => r.columns)).toEqual([['10.0.0.9', 3n]]); // three updates coalesced by the cache
  });

  it('report planning errors as ksqlDB /query does', async () => {
    const engine = await ordersEngine('test');
    const stmt = parseStatement(
      'SELECT COUNT(*) FROM ORDERS WINDOW TUMBLING (SIZE 1 SECOND) WHERE WINDOWSTART > 1 GROUP BY IP EMIT CHANGES;',
    ) as QueryStatement;
    expect(() => planTransientQuery(engine, stmt)).toThrow(
      'Error in WHERE expression: Unknown column WINDOWSTART.',
    );
  });
});
