import { precision, recall, type Scorecard } from './scorecard.ts';

const pct = (x: number | undefined) => (x === undefined ? '-' : x.toFixed(3));

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

function detect(samples: readonly number[] | undefined): string {
  if (!samples || samples.length === 0) return '- | - | -';
  const s = [...samples].sort((a, b) => a - b);
  const f = (ms: number) => `${Math.round(ms)} ms`;
  return `${f(quantile(s, 0.5))} | ${f(quantile(s, 0.95))} | ${f(s[s.length - 1]!)}`;
}

/** The scorecard as a Markdown table (printed, and ready for docs/). */
export function formatScorecard(card: Scorecard): string {
  const lines = [
    `Detection scorecard over ${card.orders} orders${card.ordersExact ? '' : ' (counted from the ground truth)'}`,
    '',
    '| rule | scenario | expected | true positives | false positives | false negatives | precision | recall | false positives per 10,000 orders | time to detect p50 | p95 | max |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...card.rows.map(
      (r) =>
        `| ${r.rule} | ${r.scenario} | ${r.expected} | ${r.truePositives} | ${r.falsePositives} | ${r.falseNegatives} | ${pct(precision(r))} | ${pct(recall(r))} | ${card.orders > 0 ? ((r.falsePositives / card.orders) * 10_000).toFixed(2) : '-'} | ${detect(r.detectMs)} |`,
    ),
    '',
    'Suspicious IPs are scored per (IP, 60 s window); high-value orders per order. Time to detect: from the event time of the order that crossed the threshold to the row first visible in Postgres (`detected_at`); live runs with --orders only.',
    '',
  ];
  return lines.join('\n');
}
