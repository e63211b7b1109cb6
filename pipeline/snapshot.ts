import type { LocalPipeline } from './local-pipeline.ts';
import type { Warehouse } from './warehouse.ts';

/** What the live view shows, read once a second from the pipeline and the warehouse. */
export interface Snapshot {
  readonly at: number;
  readonly ordersProduced: number;
  readonly poisonProduced: number;
  /** Orders per second over the last interval. */
  readonly achievedRate: number;
  readonly targetRate: number;
  /** Wall clock minus the newest event time fed to the engine (ms): how far behind real time. */
  readonly engineLagMs: number | undefined;
  /** Output records not yet written to Postgres, per connector. */
  readonly sinkBacklog: number;
  readonly rowsWritten: Readonly<Record<string, number>>;
  readonly deadLettered: number;
  readonly lateDropped: number;
  readonly processingLogEntries: number;
  readonly topProducts: readonly { product_name: string; order_count: number; sales_krw: number }[];
  readonly suspiciousIps: readonly { ip_address: string; order_count: number; window_start: Date }[];
  readonly highValue: readonly { order_id: string; total_krw: number; ip_address: string; event_ts: Date }[];
}

export async function takeSnapshot(
  pipeline: LocalPipeline,
  warehouse: Warehouse,
  previous: { at: number; orders: number } | undefined,
  targetRate: number,
  newestEventTs: number | undefined,
  now: number,
): Promise<Snapshot> {
  const rowsWritten: Record<string, number> = {};
  let deadLettered = 0;
  for (const [name, sink] of pipeline.sinks) {
    rowsWritten[name.replace(/^sink-/, '')] = sink.stats.written;
    deadLettered += sink.stats.deadLettered;
  }
  const lateDropped = [...pipeline.engine.metrics.lateRecordsDropped.values()].reduce((a, b) => a + b, 0);
  const [topProducts, suspiciousIps, highValue] = await Promise.all([
    warehouse.query<Snapshot['topProducts'][number]>(
      `SELECT product_name, order_count::int AS order_count, sales_krw::bigint AS sales_krw FROM popular_products
       WHERE window_start = (SELECT max(window_start) FROM popular_products)
       ORDER BY order_count DESC, sales_krw DESC, product_id LIMIT 5`,
    ),
    warehouse.query<Snapshot['suspiciousIps'][number]>(
      `SELECT ip_address, max(order_count)::int AS order_count, max(window_start) AS window_start FROM suspicious_ips
       GROUP BY ip_address ORDER BY max(window_end) DESC LIMIT 5`,
    ),
    warehouse.query<Snapshot['highValue'][number]>(
      `SELECT order_id, total_krw::bigint AS total_krw, ip_address, event_ts FROM high_value_orders ORDER BY event_ts DESC LIMIT 5`,
    ),
  ]);
  const orders = pipeline.counters.ordersProduced;
  const dt = previous ? (now - previous.at) / 1000 : 0;
  return {
    at: now,
    ordersProduced: orders,
    poisonProduced: pipeline.counters.poisonProduced,
    achievedRate: previous && dt > 0 ? (orders - previous.orders) / dt : 0,
    targetRate,
    engineLagMs: newestEventTs === undefined ? undefined : now - newestEventTs,
    sinkBacklog: await pipeline.sinkBacklog(),
    rowsWritten,
    deadLettered,
    lateDropped,
    processingLogEntries: pipeline.engine.processingLog.length,
    topProducts,
    suspiciousIps,
    highValue,
  };
}
