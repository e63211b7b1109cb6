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
}): Promise<Scorecard> {
  const truth = readTruthFile(input.truthFile);
  const threshold = Number(
    loadDefaultVariables(join(input.root ?? '.', 'ksql/variables.json')).high_value_min_krw,
  );
  let orders: Order[] | undefined;
  if (input.ordersFile) {
    orders = [];
    for await (const e of readOrderFile(input.ordersFile)) if (e.kind === 'order') orders.push(e.order);
  }
  const ipRows = await input.warehouse.query<{ ip_address: string; ws: string }>(
    `SELECT ip_address, (extract(epoch FROM window_start) * 1000)::bigint::text AS ws FROM suspicious_ips`,
  );
  const hvRows = await input.warehouse.query<{ order_id: string }>(`SELECT order_id FROM high_value_orders`);
  const orderCount =
    orders?.length ??
    truth
      .filter((t) => t.entity_type === 'population' || (t.entity_type === 'ip' && t.rule === 'suspicious_ip'))
      .reduce((a, t) => a + t.order_count, 0);
  return {
    orders: orderCount,
    ordersExact: orders !== undefined,
    rows: [
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
    ],
  };
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
