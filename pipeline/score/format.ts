import { precision, recall, type Scorecard } from './scorecard.ts';

const pct = (x: number | undefined) => (x === undefined ? '-' : x.toFixed(3));

/** The scorecard as a Markdown table (printed, and ready for docs/). */
export function formatScorecard(card: Scorecard): string {
  const lines = [
    `Detection scorecard over ${card.orders} orders${card.ordersExact ? '' : ' (counted from the ground truth)'}`,
    '',
    '| rule | scenario | expected | true positives | false positives | false negatives | precision | recall | false positives per 10,000 orders |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|',
    ...card.rows.map(
      (r) =>
        `| ${r.rule} | ${r.scenario} | ${r.expected} | ${r.truePositives} | ${r.falsePositives} | ${r.falseNegatives} | ${pct(precision(r))} | ${pct(recall(r))} | ${card.orders > 0 ? ((r.falsePositives / card.orders) * 10_000).toFixed(2) : '-'} |`,
    ),
    '',
    'Suspicious IPs are scored per (IP, 60 s window); high-value orders per order. Time-to-detect is not measured yet (see README, Limitations).',
    '',
  ];
  return lines.join('\n');
}
