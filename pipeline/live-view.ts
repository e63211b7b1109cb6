import type { Snapshot } from './snapshot.ts';

/** Renders a snapshot as the lines of the live terminal view (pure, so it is testable). */
export function renderLiveView(s: Snapshot, databaseUrl: string): string[] {
  const n = (x: number) => Math.round(x).toLocaleString('en-US');
  const time = (d: Date) => new Date(d).toISOString().slice(11, 19);
  const lines = [
    `fraud-pipeline (local runtime)   ${new Date(s.at).toISOString().slice(0, 19)}Z   Postgres: ${databaseUrl}`,
    '',
    `orders      ${n(s.ordersProduced)} produced, ${n(s.achievedRate)}/s achieved (target ${n(s.targetRate)}/s), ${n(s.poisonProduced)} poison records`,
    `engine      lag ${s.engineLagMs === undefined ? '-' : `${n(s.engineLagMs)} ms`}, late (record, window) pairs dropped ${n(s.lateDropped)}, processing log ${n(s.processingLogEntries)}`,
    `sink        backlog ${n(s.sinkBacklog)} records, dead letters ${n(s.deadLettered)}`,
    `rows        ${Object.entries(s.rowsWritten)
      .map(([t, c]) => `${t} ${n(c)}`)
      .join(', ')}`,
    '',
    'top 5 products (latest window)',
    ...(s.topProducts.length === 0
      ? ['  -']
      : s.topProducts.map(
          (p, i) => `  ${i + 1}. ${p.product_name}  ${n(p.order_count)} orders, ${n(p.sales_krw)} KRW`,
        )),
    'newest suspicious IPs',
    ...(s.suspiciousIps.length === 0
      ? ['  -']
      : s.suspiciousIps.map(
          (ip) =>
            `  ${ip.ip_address.padEnd(16)} ${n(ip.order_count)} orders / 60 s, window ${time(ip.window_start)}Z`,
        )),
    'newest high-value orders',
    ...(s.highValue.length === 0
      ? ['  -']
      : s.highValue.map(
          (o) => `  ${time(o.event_ts)}Z ${o.order_id} ${n(o.total_krw)} KRW from ${o.ip_address}`,
        )),
  ];
  return lines;
}

/** One line for --quiet mode and non-terminal output. */
export function renderLogLine(s: Snapshot): string {
  const rows = Object.values(s.rowsWritten).reduce((a, b) => a + b, 0);
  return `orders ${s.ordersProduced} (${Math.round(s.achievedRate)}/s), engine lag ${s.engineLagMs ?? '-'} ms, sink backlog ${s.sinkBacklog}, rows written ${rows}, dead letters ${s.deadLettered}, late drops ${s.lateDropped}`;
}
