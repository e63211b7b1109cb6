import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceSettings } from '../infra/settings.ts';
import { migrate } from './migrate.ts';

const { databaseUrl } = serviceSettings();
const schema = `migrations_test_${process.pid}`;
let client: pg.Client;

beforeAll(async () => {
  client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
});

afterAll(async () => {
  await client?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client?.end();
});

/** Columns of the data contract: `| \`FIELD\` | TYPE | \`column type [not null]\` |` rows per table. */
async function contractColumns(): Promise<Map<string, { column: string; type: string; notNull: boolean }[]>> {
  const text = await readFile(new URL('../docs/data-contract.md', import.meta.url), 'utf8');
  const out = new Map<string, { column: string; type: string; notNull: boolean }[]>();
  let table: string | undefined;
  for (const line of text.split('\n')) {
    const heading = /^### `([a-z_]+)`/.exec(line);
    if (heading) table = heading[1];
    const row =
      /^\|\s*(?:`[A-Z_]+`|\(not in the record\))\s*\|\s*(?:[A-Z]+|—)\s*\|\s*`([a-z_]+) ([a-z ]+?)( not null)?`\s*\|/.exec(
        line,
      );
    if (row && table && row[1] && row[2]) {
      out.set(table, [
        ...(out.get(table) ?? []),
        { column: row[1], type: row[2], notNull: row[3] !== undefined },
      ]);
    }
  }
  return out;
}

const TYPE_NAMES: Record<string, string> = {
  text: 'text',
  timestamptz: 'timestamp with time zone',
  bigint: 'bigint',
  integer: 'integer',
  'double precision': 'double precision',
  boolean: 'boolean',
};

describe('migrations', () => {
  it('dry run lists the pending migrations with their SQL and creates nothing', async () => {
    const plan = await migrate({ databaseUrl, schema, dryRun: true });
    expect(plan.applied).toEqual([
      '0001_warehouse_tables',
      '0002_dashboard_views',
      '0003_detection_times',
      '0004_invalid_orders',
    ]);
    expect(plan.sql?.get('0001_warehouse_tables')).toMatch(/create table popular_products/);
    expect(plan.sql?.get('0001_warehouse_tables')).not.toMatch(/drop table/);
    const ns = await client.query('SELECT count(*)::int AS n FROM pg_namespace WHERE nspname = $1', [schema]);
    expect(ns.rows[0].n).toBe(0);
  });

  it('apply once, then report nothing to do (idempotent), and record their history', async () => {
    const first = await migrate({ databaseUrl, schema });
    expect(first.applied).toEqual([
      '0001_warehouse_tables',
      '0002_dashboard_views',
      '0003_detection_times',
      '0004_invalid_orders',
    ]);
    const second = await migrate({ databaseUrl, schema });
    expect(second.applied).toEqual([]);
    expect((await migrate({ databaseUrl, schema, dryRun: true })).applied).toEqual([]);
    const history = await client.query(`SELECT name FROM ${schema}.pgmigrations ORDER BY id`);
    expect(history.rows.map((r: { name: string }) => r.name)).toEqual(first.applied);
  });

  it('create every column of the data contract with its type and nullability', async () => {
    const contract = await contractColumns();
    expect([...contract.keys()].sort()).toEqual([
      'high_value_orders',
      'invalid_orders',
      'popular_products',
      'realtime_stats',
      'suspicious_ips',
    ]);
    for (const [table, columns] of contract) {
      const { rows } = await client.query(
        `SELECT column_name, data_type, is_nullable FROM information_schema.columns
         WHERE table_schema = $1 AND table_name = $2 ORDER BY ordinal_position`,
        [schema, table],
      );
      expect(rows.map((r: { column_name: string }) => r.column_name)).toEqual(columns.map((c) => c.column));
      for (const c of columns) {
        const actual = rows.find((r: { column_name: string }) => r.column_name === c.column);
        expect({
          table,
          column: c.column,
          type: actual.data_type,
          notNull: actual.is_nullable === 'NO',
        }).toEqual({
          table,
          column: c.column,
          type: TYPE_NAMES[c.type],
          notNull: c.notNull,
        });
      }
    }
  });

  it('use the natural primary keys the sinks upsert on', async () => {
    const { rows } = await client.query(
      `SELECT tc.table_name, string_agg(kcu.column_name, ',' ORDER BY kcu.ordinal_position) AS pk
       FROM information_schema.table_constraints tc
       JOIN information_schema.key_column_usage kcu USING (constraint_schema, constraint_name)
       WHERE tc.table_schema = $1 AND tc.constraint_type = 'PRIMARY KEY' AND tc.table_name <> 'pgmigrations'
       GROUP BY tc.table_name ORDER BY 1`,
      [schema],
    );
    expect(rows).toEqual([
      { table_name: 'high_value_orders', pk: 'order_id' },
      { table_name: 'invalid_orders', pk: 'order_id' },
      { table_name: 'popular_products', pk: 'window_start,product_id' },
      { table_name: 'realtime_stats', pk: 'window_start' },
      { table_name: 'suspicious_ips', pk: 'window_start,ip_address' },
    ]);
  });

  it('revert cleanly and apply again', async () => {
    const down = await migrate({ databaseUrl, schema, direction: 'down', count: 4 });
    expect(down.applied).toEqual([
      '0004_invalid_orders',
      '0003_detection_times',
      '0002_dashboard_views',
      '0001_warehouse_tables',
    ]);
    const tables = await client.query(
      `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = $1 AND tablename <> 'pgmigrations'`,
      [schema],
    );
    expect(tables.rows[0].n).toBe(0);
    expect((await migrate({ databaseUrl, schema })).applied).toHaveLength(4);
  });

  it('wait for the advisory lock: concurrent runs apply each migration once', async () => {
    const other = `${schema}_concurrent`;
    try {
      const runs = await Promise.all([
        migrate({ databaseUrl, schema: other }),
        migrate({ databaseUrl, schema: other }),
      ]);
      expect(runs.map((r) => r.applied.length).sort()).toEqual([0, 4]);
    } finally {
      await client.query(`DROP SCHEMA IF EXISTS ${other} CASCADE`);
    }
  });
});
