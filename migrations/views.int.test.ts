import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serviceSettings } from '../infra/settings.ts';
import { migrate } from './migrate.ts';

/**
 * The dashboard views return what the panels show, and the lookups they do use the indexes
 * of migrations/ (EXPLAIN on a table big enough that a sequential scan would be chosen
 * otherwise, after ANALYZE).
 */
const { databaseUrl } = serviceSettings();
const schema = `views_test_${process.pid}`;
let client: pg.Client;

beforeAll(async () => {
  await migrate({ databaseUrl, schema });
  client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`SET search_path TO ${schema}`);
  // A fixed "now" 10 minutes after the newest data, aligned to 10 s.
  await client.query(`
    CREATE TEMP TABLE clock AS SELECT to_timestamp(floor(extract(epoch FROM now()) / 30) * 30) AS t`);
  // Two days of 30 s stats windows, the last one still open (ends in the future).
  await client.query(`
    INSERT INTO realtime_stats
    SELECT ws, ws + interval '30 seconds', 100, 1000000, 10000, 50
    FROM clock, generate_series(-5760, 1) AS g, LATERAL (SELECT t + g * interval '30 seconds' AS ws) w`);
  // Popular products: 20 products per hopping window, 2 days; product P<n> has n*10 orders.
  await client.query(`
    INSERT INTO popular_products
    SELECT 'P' || p, ws, ws + interval '30 seconds', 'product ' || p, 'c', p * 10, p * 1000
    FROM clock, generate_series(-17280, 2) AS g, generate_series(1, 20) AS p,
         LATERAL (SELECT t + g * interval '10 seconds' AS ws) w`);
  // Suspicious IPs: one IP per 60 s hopping window over 2 days up to [t-200s, t-140s), plus two
  // IPs flagged in two consecutive windows each, [t-100s, t-40s) and [t-90s, t-30s).
  await client.query(`
    INSERT INTO suspicious_ips
    SELECT 'ip-' || g, ws, ws + interval '60 seconds', 10, 100, 1, ws, ws
    FROM clock, generate_series(-17280, -20) AS g, LATERAL (SELECT t + g * interval '10 seconds' AS ws) w`);
  await client.query(`
    INSERT INTO suspicious_ips
    SELECT ip, t - s * interval '1 second', t - (s - 60) * interval '1 second', 12, 100, 2, t, t
    FROM clock, unnest(ARRAY['10.0.0.1', '10.0.0.2']) AS ip, unnest(ARRAY[100, 90]) AS s`);
  await client.query(`
    INSERT INTO high_value_orders (order_id, event_ts, total_krw)
    SELECT 'o-' || g, t - g * interval '1 second', 600000 FROM clock, generate_series(1, 100000) AS g`);
  await client.query('ANALYZE');
});

afterAll(async () => {
  await client?.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await client?.end();
});

async function plan(sql: string): Promise<string> {
  const { rows } = await client.query(`EXPLAIN ${sql}`);
  return rows.map((r: { 'QUERY PLAN': string }) => r['QUERY PLAN']).join('\n');
}

describe('dashboard views', () => {
  it('realtime_stats_latest is the newest window whose grace period has passed', async () => {
    const { rows } = await client.query(`
      SELECT complete, window_end <= now() - interval '30 seconds' AS grace_passed,
        NOT EXISTS (SELECT 1 FROM realtime_stats r WHERE r.window_start > l.window_start
                    AND r.window_end <= now() - interval '30 seconds') AS newest
      FROM realtime_stats_latest l`);
    expect(rows).toEqual([{ complete: true, grace_passed: true, newest: true }]);
    // The open windows (ending within the last 30 s or later) exist but are not "latest".
    const open = await client.query(`SELECT count(*)::int AS n FROM realtime_stats_view WHERE NOT complete`);
    expect(open.rows[0].n).toBeGreaterThanOrEqual(2);
  });

  it('realtime_stats_view counts distinct suspicious IPs whose windows overlap the stats window', async () => {
    const { rows } = await client.query(`
      SELECT window_start - (SELECT t FROM clock) AS offset, suspicious_ip_count::int AS n
      FROM realtime_stats_view
      WHERE window_start IN (SELECT t - s * interval '1 second' FROM clock, unnest(ARRAY[240, 120, 60, 30]) AS s)
      ORDER BY 1`);
    expect(rows.map((r: { n: number }) => r.n)).toEqual([
      8, // [t-240, t-210): ip-* windows starting in (t-300, t-210), up to t-200: t-290 .. t-220
      2, // [t-120, t-90): both IPs, each in two overlapping windows, counted once
      2, // [t-60, t-30)
      0, // [t-30, t): [t-90, t-30) ends where it starts (half-open windows do not overlap)
    ]);
  });

  it('popular_products_top5 ranks the latest complete window by orders', async () => {
    // Complete: ended a grace period (30 s) ago; latest: no later window is complete.
    const { rows } = await client.query(`
      SELECT rank::int, product_id,
        window_end <= now() - interval '30 seconds'
        AND NOT EXISTS (SELECT 1 FROM popular_products p WHERE p.window_start > t.window_start
                        AND p.window_end <= now() - interval '30 seconds') AS latest_complete
      FROM popular_products_top5 t`);
    expect(rows).toEqual(
      ['P20', 'P19', 'P18', 'P17', 'P16'].map((product_id, i) => ({
        rank: i + 1,
        product_id,
        latest_complete: true,
      })),
    );
  });

  it('suspicious_ips_latest lists the IPs of the latest complete window', async () => {
    const { rows } = await client.query(`
      SELECT ip_address, window_start = (SELECT t FROM clock) - interval '90 seconds' AS latest
      FROM suspicious_ips_latest ORDER BY 1`);
    expect(rows).toEqual([
      { ip_address: '10.0.0.1', latest: true },
      { ip_address: '10.0.0.2', latest: true },
    ]);
  });
});

describe('indexes used by the dashboard lookups (EXPLAIN)', () => {
  it('latest window lookups scan the primary key by window_start desc', async () => {
    expect(await plan('SELECT * FROM popular_products_top5')).toMatch(/Index.* using popular_products_pkey/);
    expect(await plan('SELECT * FROM realtime_stats_latest')).toMatch(/Index.* using realtime_stats_pkey/);
    expect(await plan('SELECT * FROM suspicious_ips_latest')).toMatch(/Index.* using suspicious_ips_pkey/);
  });

  it('high-value orders by event_ts desc use their event_ts index', async () => {
    expect(await plan('SELECT * FROM high_value_orders ORDER BY event_ts DESC LIMIT 50')).toMatch(
      /Index Scan using high_value_orders_event_ts_idx/,
    );
  });

  it('suspicious IPs by window_end desc use their window_end index', async () => {
    expect(await plan('SELECT * FROM suspicious_ips ORDER BY window_end DESC LIMIT 100')).toMatch(
      /Index Scan using suspicious_ips_window_end_idx/,
    );
  });

  it('the suspicious_ip_count overlap uses the GiST range index', async () => {
    const sql = `SELECT * FROM realtime_stats_view WHERE window_start > now() - interval '1 hour'`;
    expect(await plan(sql)).toMatch(/Index Scan (using|on) suspicious_ips_window_range_idx/);
  });

  it('table freshness (max(window_end)) reads one index entry', async () => {
    expect(await plan('SELECT max(window_end) FROM popular_products')).toMatch(
      /Index Only Scan using popular_products_window_end_idx/,
    );
  });
});
