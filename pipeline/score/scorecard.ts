import { join } from 'node:path';
import type { Order } from '../../generator/order.ts';
import type { TruthRecord } from '../../generator/truth.ts';
import { loadDefaultVariables } from '../../ksql/deploy/variables.ts';
import { readOrderFile } from '../order-file.ts';
import type { Warehouse } from '../warehouse.ts';
import { readTruthFile } from './truth-file.ts';

/**
 * The detection scorecard: for each rule and scenario, how the rows in Postgres compare with the
 * ground truth. Suspicious IPs are scored per (IP, window start): the truth lists the hopping
 * windows in which each attacking IP reached the threshold; a row for any other IP or window
 * is a false positive, charged to the scenario that owns the IP (or to baseline traffic).
 * High-value orders are scored per order: with the order file, against every order whose total
 * reaches the threshold; without it, against the high-value scenario's orders only.
 */
export interface RuleScore {
  readonly rule: 'suspicious_ip' | 'high_value';
  readonly scenario: string;
  readonly expected: number;
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  /** Time-to-detect samples in ms: row first visible in Postgres minus the order that crossed the threshold. */
  readonly detectMs?: readonly number[];
}

export interface Scorecard {
  readonly orders: number;
  readonly ordersExact: boolean;
  readonly rows: readonly RuleScore[];
}

export const precision = (s: RuleScore): number | undefined =>
  s.truePositives + s.falsePositives === 0
    ? undefined
    : s.truePositives / (s.truePositives + s.falsePositives);
export const recall = (s: RuleScore): number | undefined =>
  s.expected === 0 ? undefined : s.truePositives / s.expected;

export async function computeScorecard(input: {
  warehouse: Warehouse;
  truthFile: string;
  ordersFile?: string;
  root?: string;
  /** Time-to-detect needs a live run (event time ≈ wall clock); a replay turns it off. */
  timeToDetect?: boolean;
}): Promise<Scorecard> {
  const truth = readTruthFile(input.truthFile);
  const variables = loadDefaultVariables(join(input.root ?? '.', 'ksql/variables.json'));
  const threshold = Number(variables.high_value_min_krw);
  const minOrders = Number(variables.suspicious_ip_min_orders);
  const windowMs = Number(variables.suspicious_ip_window_seconds) * 1000;
  let orders: Order[] | undefined;
  if (input.ordersFile) {
    orders = [];
    for await (const e of readOrderFile(input.ordersFile)) if (e.kind === 'order') orders.push(e.order);
  }
  const ipRows = await input.warehouse.query<{ ip_address: string; ws: string; det: string }>(
    `SELECT ip_address, (extract(epoch FROM window_start) * 1000)::bigint::text AS ws,
            (extract(epoch FROM detected_at) * 1000)::bigint::text AS det FROM suspicious_ips`,
  );
  const hvRows = await input.warehouse.query<{ order_id: string; det: string }>(
    `SELECT order_id, (extract(epoch FROM detected_at) * 1000)::bigint::text AS det FROM high_value_orders`,
  );
  const orderCount =
    orders?.length ??
    truth
      .filter((t) => t.entity_type === 'population' || (t.entity_type === 'ip' && t.rule === 'suspicious_ip'))
      .reduce((a, t) => a + t.order_count, 0);
  const rows = [
    ...scoreSuspiciousIps(
      truth,
      ipRows.map((r) => ({ ip: r.ip_address, ws: Number(r.ws) })),
    ),
    ...scoreHighValue(
      truth,
      hvRows.map((r) => r.order_id),
      orders,
      threshold,
    ),
  ];
  if (input.timeToDetect !== false && orders) {
    const crossing = crossingTimes(orders, minOrders, windowMs, 10_000);
    const ipDetected = new Map(ipRows.map((r) => [`${r.ip_address}|${r.ws}`, Number(r.det)]));
    const hvDetected = new Map(hvRows.map((r) => [r.order_id, Number(r.det)]));
    const eventTs = new Map(orders.map((o) => [o.order_id, o.event_ts]));
    const ipOwner = new Map(
      truth
        .filter((t) => t.rule === 'suspicious_ip' && t.entity_type === 'ip')
        .map((t) => [t.entity, t.scenario]),
    );
    const burst = new Set(truth.filter((t) => t.rule === 'high_value').flatMap((t) => t.order_ids ?? []));
    const samples = new Map<string, number[]>();
    const add = (key: string, ms: number) => samples.set(key, [...(samples.get(key) ?? []), ms]);
    for (const [key, det] of ipDetected) {
      const crossed = crossing.get(key);
      if (crossed !== undefined)
        add(`suspicious_ip|${ipOwner.get(key.split('|')[0]!) ?? 'baseline'}`, det - crossed);
    }
    for (const [id, det] of hvDetected) {
      const ts = eventTs.get(id);
      if (ts !== undefined) add(`high_value|${burst.has(id) ? 'high-value' : 'baseline'}`, det - ts);
    }
    return {
      orders: orderCount,
      ordersExact: true,
      rows: rows.map((r) => ({ ...r, detectMs: samples.get(`${r.rule}|${r.scenario}`) ?? [] })),
    };
  }
  return { orders: orderCount, ordersExact: orders !== undefined, rows };
}

/**
 * For every (IP, hopping window), the event time of the order (in arrival order) that brought
 * it to the threshold: the moment the rule could first fire.
 */
export function crossingTimes(
  orders: readonly Order[],
  minOrders: number,
  sizeMs: number,
  advanceMs: number,
): Map<string, number> {
  const counts = new Map<string, number>();
  const crossed = new Map<string, number>();
  for (const o of orders) {
    if (!(o.quantity > 0 && o.unit_price > 0)) continue; // invalid orders count in no window
    for (let w = Math.floor(o.event_ts / advanceMs) * advanceMs; w > o.event_ts - sizeMs; w -= advanceMs) {
      const key = `${o.ip_address}|${w}`;
      const n = (counts.get(key) ?? 0) + 1;
      counts.set(key, n);
      if (n === minOrders) crossed.set(key, o.event_ts);
    }
  }
  return crossed;
}

export function scoreSuspiciousIps(
  truth: readonly TruthRecord[],
  rows: readonly { ip: string; ws: number }[],
): RuleScore[] {
  const ipTruth = truth.filter((t) => t.rule === 'suspicious_ip' && t.entity_type === 'ip');
  const owner = new Map<string, TruthRecord>();
  for (const t of ipTruth) owner.set(t.entity, t);
  const scenarios = [...new Set([...truth.filter((t) => t.rule === 'suspicious_ip').map((t) => t.scenario)])];
  const scores = new Map<string, { expected: number; tp: number; fp: number }>(
    scenarios.map((s) => [s, { expected: 0, tp: 0, fp: 0 }]),
  );
  const expected = new Set<string>();
  for (const t of ipTruth) {
    if (t.expect !== 'flag') continue;
    for (const w of t.flagged_windows ?? []) expected.add(`${t.entity}|${w}`);
    scores.get(t.scenario)!.expected += t.flagged_windows?.length ?? 0;
  }
  const seen = new Set<string>();
  for (const r of rows) {
    const key = `${r.ip}|${r.ws}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const scenario = owner.get(r.ip)?.scenario ?? 'baseline';
    const s = scores.get(scenario) ?? { expected: 0, tp: 0, fp: 0 };
    scores.set(scenario, s);
    if (expected.has(key)) s.tp++;
    else s.fp++;
  }
  return [...scores].map(([scenario, s]) => ({
    rule: 'suspicious_ip',
    scenario,
    expected: s.expected,
    truePositives: s.tp,
    falsePositives: s.fp,
    falseNegatives: s.expected - s.tp,
  }));
}

export function scoreHighValue(
  truth: readonly TruthRecord[],
  rowIds: readonly string[],
  orders: readonly Order[] | undefined,
  threshold: number,
): RuleScore[] {
  const burst = new Set(
    truth.filter((t) => t.rule === 'high_value' && t.expect === 'flag').flatMap((t) => t.order_ids ?? []),
  );
  const inTable = new Set(rowIds);
  const scenarioOf = (id: string) => (burst.has(id) ? 'high-value' : 'baseline');
  const expected = new Map<string, Set<string>>([
    ['high-value', new Set(burst)],
    ['baseline', new Set()],
  ]);
  if (orders)
    for (const o of orders)
      if (o.unit_price * o.quantity >= threshold) expected.get(scenarioOf(o.order_id))!.add(o.order_id);
  const result: RuleScore[] = [];
  for (const [scenario, ids] of expected) {
    if (!orders && scenario === 'baseline') continue;
    const tp = [...ids].filter((id) => inTable.has(id)).length;
    const fp = orders ? [...inTable].filter((id) => scenarioOf(id) === scenario && !ids.has(id)).length : 0;
    result.push({
      rule: 'high_value',
      scenario,
      expected: ids.size,
      truePositives: tp,
      falsePositives: fp,
      falseNegatives: ids.size - tp,
    });
  }
  return result;
}
