import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceSettings } from '../infra/settings.ts';
import { migrate } from '../migrations/migrate.ts';
import { expandGrafanaMacros } from './grafana-macros.ts';
import { alertQueries, dashboardQueries, loadDashboards } from './grafana.ts';

/**
 * Every dashboard panel and alert query, with Grafana's macros expanded as Grafana expands
 * them, executed against a real Postgres migrated with migrations/ and filled with sample
 * rows shaped like the sink writes them: each must run and return the shape its panel needs.
 */
const queries = [
  ...dashboardQueries(loadDashboards('grafana/dashboards')),
  ...alertQueries('grafana/provisioning/alerting'),
];
const schema = `grafana_check_${process.pid}`;
let client: pg.Client;

beforeAll(async () => {
  const { databaseUrl } = serviceSettings();
  await migrate({ databaseUrl, schema });
  client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`SET search_path TO ${schema}`);
  await client.query(`SET TIME ZONE 'UTC'`);
  await fillSampleRows(client);
});

afterAll(async () => {
  await client?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client?.end();
});

async function fillSampleRows(c: pg.Client): Promise<void> {
  // Ten minutes of complete 30 s stats windows ending at least a grace period (30 s) ago.
  await c.query(`
    INSERT INTO realtime_stats (window_start, window_end, order_count, sales_krw, avg_order_krw, distinct_ips)
    SELECT ws, ws + interval '30 seconds', 30000 + g, 3000000000 + g, 100000.5, 20000
    FROM generate_series(1, 20) AS g,
         LATERAL (SELECT to_timestamp(floor(extract(epoch FROM now()) / 30) * 30) - (g + 1) * interval '30 seconds' AS ws) w`);
  await c.query(`
    INSERT INTO popular_products (product_id, window_start, window_end, product_name, category, order_count, sales_krw)
    SELECT 'P' || p, ws, ws + interval '30 seconds', '상품 ' || p, 'electronics', 100 * p, 1000000 * p
    FROM generate_series(1, 8) AS p, generate_series(1, 30) AS g,
         LATERAL (SELECT to_timestamp(floor(extract(epoch FROM now()) / 10) * 10) - (g + 2) * interval '10 seconds' AS ws) w`);
  await c.query(`
    INSERT INTO suspicious_ips (ip_address, window_start, window_end, order_count, total_spent_krw, distinct_users, first_order_at, last_order_at)
    VALUES ('10.0.0.7', now() - interval '90 seconds', now() - interval '30 seconds', 42, 12000000, 3, now() - interval '80 seconds', now() - interval '35 seconds'),
           ('10.0.0.7', now() - interval '80 seconds', now() - interval '20 seconds', 45, 13000000, 3, now() - interval '80 seconds', now() - interval '25 seconds'),
           ('203.0.113.9', now() - interval '70 seconds', now() - interval '10 seconds', 12, 900000, 1, now() - interval '65 seconds', now() - interval '15 seconds')`);
  await c.query(`
    INSERT INTO high_value_orders (order_id, event_ts, user_id, session_id, ip_address, product_id, product_name, category, unit_price, quantity, total_krw, payment_method)
    SELECT 'order-' || g, now() - g * interval '7 seconds', 'u' || g, 's' || g, '10.0.0.' || g, 'P1', '노트북', 'electronics', 1500000, 1, 1500000, 'card'
    FROM generate_series(1, 40) AS g`);
  await c.query(`
    INSERT INTO invalid_orders (order_id, event_ts, user_id, session_id, ip_address, product_id, product_name, category, unit_price, quantity, payment_method, channel, device_type, user_agent, country, region, coupon_code, is_new_account)
    SELECT 'bad-' || g, now() - g * interval '11 seconds', 'u' || g, 's' || g, '10.0.1.' || g, 'P2', '마우스', 'electronics', 25000, -1, 'card', 'web', 'desktop', 'Mozilla/5.0', 'KR', 'Seoul', NULL, false
    FROM generate_series(1, 12) AS g`);
}

describe('Grafana queries against the migrated schema', () => {
  it('found the provisioned queries', () => {
    expect(queries.length).toBeGreaterThanOrEqual(15);
  });

  it.each(queries.map((q) => [q.origin, q] as const))(
    '%s runs and returns the shape its panel expects',
    async (_origin, q) => {
      const now = new Date();
      const sql = expandGrafanaMacros(q.sql, { from: new Date(now.getTime() - 15 * 60_000), to: now });
      const result = await client.query(sql);
      expect(result.rows.length).toBeGreaterThan(0);
      if (q.format === 'time_series') {
        expect(result.fields[0]?.name).toBe('time');
        const first = result.rows[0]?.time as unknown;
        expect(first instanceof Date || typeof first === 'number' || typeof first === 'string').toBe(true);
        expect(result.fields.length).toBeGreaterThanOrEqual(2);
      }
      if (q.origin.startsWith('alert')) {
        expect(result.fields.map((f) => f.name)).toContain('value');
        expect(Number(result.rows[0]?.value)).not.toBeNaN();
      }
    },
  );

  it('the top-5 panel returns the five best products of the latest complete window, best first', async () => {
    const q = queries.find((x) => x.origin.includes('Top 5 products'));
    const { rows } = await client.query(q!.sql);
    expect(rows.map((r: { product: string }) => r.product)).toEqual([
      '상품 8',
      '상품 7',
      '상품 6',
      '상품 5',
      '상품 4',
    ]);
  });

  it('the suspicious-IP count over time is computed from overlapping suspicious windows', async () => {
    const { rows } = await client.query(
      `SELECT max(suspicious_ip_count)::int AS n FROM realtime_stats_view WHERE window_start > now() - interval '3 minutes'`,
    );
    expect(rows[0]?.n).toBe(2);
  });
});
