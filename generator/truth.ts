import { SUSPICIOUS_IP } from './order.ts';

/**
 * Ground truth: what each scenario did and which rule should (or should not) fire. Truth never
 * travels inside an order; it goes to the `orders_truth` topic (JSON value, key = entity) and/or
 * a JSON Lines file. One record per episode (or per record for late and malformed records),
 * emitted when the episode ends, so the counts are what was actually generated.
 */
export type ScenarioName =
  'baseline' | 'macro-bot' | 'distributed-bots' | 'slow-drip' | 'high-value' | 'late-events' | 'malformed';

export const SCENARIO_NAMES: readonly ScenarioName[] = [
  'baseline',
  'macro-bot',
  'distributed-bots',
  'slow-drip',
  'high-value',
  'late-events',
  'malformed',
];

/** The rule a truth record is about. */
export type TruthRule =
  /** SUSPICIOUS_IPS: COUNT(*) >= 10 per IP in a hopping 60 s / 10 s window. */
  | 'suspicious_ip'
  /** HIGH_VALUE_ORDERS: unit_price * quantity >= 500,000 KRW. */
  | 'high_value'
  /** Event time behind the stream's time: counted only within the window's grace period. */
  | 'late_event'
  /** A record the pipeline must count and route to its dead-letter path, never turn into a row. */
  | 'poison_record';

/** flag = the rule must fire; no_flag = it must not; dlq = dead-letter; late = see lateness_ms. */
export type TruthExpectation = 'flag' | 'no_flag' | 'dlq' | 'late';

export type TruthEntityType = 'ip' | 'ip_prefix' | 'order' | 'record_key' | 'population';

export interface TruthRecord {
  /** Unique id of this truth record (ULID). */
  truth_id: string;
  scenario: ScenarioName;
  rule: TruthRule;
  expect: TruthExpectation;
  entity_type: TruthEntityType;
  /** The IP, the /24 prefix (`a.b.c.0/24`), the order id, the record key or a population name. */
  entity: string;
  /** Event-time span of the episode, epoch ms, inclusive. */
  start_ts: number;
  end_ts: number;
  /** Records the episode produced. */
  order_count: number;
  /** False when the run stopped before the episode ended. */
  complete: boolean;
  /** For suspicious_ip: starts of the hopping windows (60 s / 10 s, epoch-aligned) with >= 10 orders. */
  flagged_windows?: number[];
  /** For suspicious_ip: the most orders in any 60 s span (sliding, not only hopping windows). */
  max_orders_in_60s?: number;
  /** Order ids the record is about (high-value bursts). */
  order_ids?: string[];
  /** Scenario-specific details (lateness_ms, defect, ...). */
  details?: Record<string, string | number | boolean>;
}

/** Window starts of the hopping windows (epoch-aligned, as ksqlDB aligns them) that contain `ts`. */
export function hoppingWindowsOf(ts: number, sizeMs: number, advanceMs: number): number[] {
  const last = Math.floor(ts / advanceMs) * advanceMs;
  const out: number[] = [];
  for (let start = last; start > ts - sizeMs; start -= advanceMs) out.unshift(start);
  return out;
}

/** Starts of the SUSPICIOUS_IPS windows in which these timestamps reach the threshold. */
export function flaggedWindows(timestamps: readonly number[]): number[] {
  const counts = new Map<number, number>();
  for (const ts of timestamps) {
    for (const w of hoppingWindowsOf(ts, SUSPICIOUS_IP.windowMs, SUSPICIOUS_IP.advanceMs)) {
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  return [...counts]
    .filter(([, n]) => n >= SUSPICIOUS_IP.threshold)
    .map(([w]) => w)
    .sort((a, b) => a - b);
}

/** The most timestamps in any half-open span [t, t + spanMs), for any t. */
export function maxInSpan(timestamps: readonly number[], spanMs: number): number {
  const sorted = [...timestamps].sort((a, b) => a - b);
  let best = 0;
  let lo = 0;
  for (let hi = 0; hi < sorted.length; hi++) {
    while ((sorted[hi] as number) - (sorted[lo] as number) >= spanMs) lo++;
    best = Math.max(best, hi - lo + 1);
  }
  return best;
}
