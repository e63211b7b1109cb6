import { describe, expect, it } from 'vitest';
import { ORDER_TYPE } from './avro.ts';
import { CATALOG, expectedHighValueShare } from './catalog.ts';
import type { GeneratedEvent, OrderEvent, RawEvent } from './events.ts';
import { NORMAL_FIRST_OCTETS, prefix24 } from './ip.ts';
import { HIGH_VALUE_KRW, orderTotal, SUSPICIOUS_IP } from './order.ts';
import { OrderSource } from './source.ts';
import {
  flaggedWindows,
  hoppingWindowsOf,
  maxInSpan,
  SCENARIO_NAMES,
  type ScenarioName,
  type TruthRecord,
} from './truth.ts';

const START = Date.UTC(2026, 0, 1);

function run(scenarios: readonly ScenarioName[], rate: number, durationS: number, seed = 'scenarios') {
  const events = [
    ...new OrderSource({ scenarios, rate, seed, startMs: START, durationMs: durationS * 1000 }),
  ];
  const orders = events.filter((e): e is OrderEvent => e.kind === 'order');
  const raws = events.filter((e): e is RawEvent => e.kind === 'raw');
  const truths = events.flatMap((e) => (e.kind === 'truth' ? [e.truth] : []));
  return { events, orders, raws, truths };
}

function timesByIp(orders: readonly OrderEvent[]): Map<string, number[]> {
  const m = new Map<string, number[]>();
  for (const { order } of orders) {
    const list = m.get(order.ip_address);
    if (list) list.push(order.event_ts);
    else m.set(order.ip_address, [order.event_ts]);
  }
  return m;
}

describe('catalog', () => {
  it('has at least 50 products with integer KRW prices in several bands', () => {
    expect(CATALOG.length).toBeGreaterThanOrEqual(50);
    expect(new Set(CATALOG.map((p) => p.id)).size).toBe(CATALOG.length);
    for (const p of CATALOG) expect(Number.isSafeInteger(p.price) && p.price > 0).toBe(true);
    const bands = [0, 10_000, 50_000, 100_000, 300_000, 500_000, 1_000_000, Infinity];
    for (let i = 0; i + 1 < bands.length; i++) {
      expect(CATALOG.some((p) => p.price >= (bands[i] as number) && p.price < (bands[i + 1] as number))).toBe(
        true,
      );
    }
  });

  it('makes orders of >= 500,000 KRW 1-3 % of normal traffic, exactly and by sampling', () => {
    const exact = expectedHighValueShare(HIGH_VALUE_KRW);
    expect(exact).toBeGreaterThan(0.01);
    expect(exact).toBeLessThan(0.03);
    const { orders } = run(['baseline'], 500, 400);
    const share = orders.filter((o) => orderTotal(o.order) >= HIGH_VALUE_KRW).length / orders.length;
    // 200,000 orders: the sampling error (sd ~0.03 %) is far inside the band.
    expect(share).toBeGreaterThan(0.01);
    expect(share).toBeLessThan(0.03);
    expect(Math.abs(share - exact)).toBeLessThan(0.002);
  });
});

describe('scenarios', () => {
  const all = run(SCENARIO_NAMES, 200, 900);

  it('keep every order id unique and normal traffic on normal addresses', () => {
    const ids = all.orders.map((o) => o.order.order_id);
    expect(new Set(ids).size).toBe(ids.length);
    const misplaced = all.orders.filter((o) => {
      const first = Number(o.order.ip_address.split('.')[0]);
      return (NORMAL_FIRST_OCTETS as readonly number[]).includes(first) !== (o.scenario === 'baseline');
    });
    expect(misplaced).toEqual([]);
  });

  it('emit in model-time order, and orders carry their event time (except late events)', () => {
    let backwards = 0;
    for (let i = 1; i < all.events.length; i++) {
      if ((all.events[i] as GeneratedEvent).at < (all.events[i - 1] as GeneratedEvent).at) backwards++;
    }
    expect(backwards).toBe(0);
    const wrongTime = all.orders.filter((o) =>
      o.scenario === 'late-events' ? o.order.event_ts >= o.at : o.order.event_ts !== o.at,
    );
    expect(wrongTime).toEqual([]);
  });

  it('macro-bot: one IP with dozens of orders per minute, flagged, and the truth says so', () => {
    const bots = all.orders.filter((o) => o.scenario === 'macro-bot');
    const byIp = timesByIp(bots);
    const truths = all.truths.filter((t) => t.scenario === 'macro-bot');
    expect(byIp.size).toBeGreaterThanOrEqual(7);
    for (const [ip, times] of byIp) {
      expect(maxInSpan(times, 60_000)).toBeGreaterThanOrEqual(30);
      const t = truths.find((x) => x.entity === ip) as TruthRecord;
      expect(t).toMatchObject({
        rule: 'suspicious_ip',
        expect: 'flag',
        entity_type: 'ip',
        order_count: times.length,
      });
      expect(t.flagged_windows).toEqual(flaggedWindows(times));
      expect(t.flagged_windows?.length).toBeGreaterThan(0);
    }
  });

  it('distributed-bots: many IPs in one /24, each above the threshold', () => {
    const bots = all.orders.filter((o) => o.scenario === 'distributed-bots');
    const byIp = timesByIp(bots);
    const prefixes = new Set([...byIp.keys()].map(prefix24));
    expect(byIp.size).toBe(prefixes.size * 16);
    for (const [ip, times] of byIp) {
      expect(flaggedWindows(times).length).toBeGreaterThan(0);
      const t = all.truths.find((x) => x.entity === ip);
      expect(t).toMatchObject({ scenario: 'distributed-bots', expect: 'flag', order_count: times.length });
    }
    for (const p of prefixes) {
      expect(all.truths.find((t) => t.entity === p)).toMatchObject({
        entity_type: 'ip_prefix',
        details: { ips: 16 },
      });
    }
  });

  it('slow-drip: never 10 orders in any 60 s span nor in any hopping window, yet close to it', () => {
    const drip = all.orders.filter((o) => o.scenario === 'slow-drip');
    const byIp = timesByIp(drip);
    expect(byIp.size).toBeGreaterThanOrEqual(3);
    for (const [ip, times] of byIp) {
      expect(maxInSpan(times, 60_000)).toBeLessThan(SUSPICIOUS_IP.threshold);
      expect(maxInSpan(times, 60_000)).toBeGreaterThanOrEqual(8);
      const windows = new Map<number, number>();
      for (const ts of times)
        for (const w of hoppingWindowsOf(ts, 60_000, 10_000)) windows.set(w, (windows.get(w) ?? 0) + 1);
      expect(Math.max(...windows.values())).toBeLessThan(SUSPICIOUS_IP.threshold);
      expect(all.truths.find((t) => t.entity === ip)).toMatchObject({
        expect: 'no_flag',
        flagged_windows: [],
      });
    }
  });

  it('high-value: bursts of expensive orders, listed in the truth, from IPs under the bot threshold', () => {
    const hv = all.orders.filter((o) => o.scenario === 'high-value');
    expect(hv.length).toBeGreaterThan(30);
    for (const o of hv) expect(orderTotal(o.order)).toBeGreaterThanOrEqual(HIGH_VALUE_KRW);
    const listed = all.truths.filter((t) => t.rule === 'high_value').flatMap((t) => t.order_ids ?? []);
    expect(new Set(listed)).toEqual(new Set(hv.map((o) => o.order.order_id)));
    for (const times of timesByIp(hv).values()) expect(maxInSpan(times, 60_000)).toBeLessThan(10);
  });

  it('late-events: out-of-order and late timestamps, each with its lateness in the truth', () => {
    const late = all.orders.filter((o) => o.scenario === 'late-events');
    expect(late.length).toBeGreaterThan(100);
    const lateness = late.map((o) => o.at - o.order.event_ts);
    expect(lateness.some((l) => l < 10_000)).toBe(true);
    expect(lateness.some((l) => l >= 600_000)).toBe(true);
    for (const o of late) {
      const t = all.truths.find((x) => x.entity === o.order.order_id);
      expect(t).toMatchObject({ rule: 'late_event', details: { lateness_ms: o.at - o.order.event_ts } });
    }
  });

  it('malformed: undecodable bytes, unknown schema id, bad magic byte and negative quantity, each in the truth', () => {
    const defects = new Set(all.raws.map((r) => r.defect));
    expect(defects).toEqual(new Set(['not-avro', 'bad-magic-byte', 'unknown-schema-id']));
    for (const r of all.raws) {
      if (r.defect === 'not-avro') expect(() => ORDER_TYPE.fromBuffer(Buffer.from(r.body))).toThrow();
      if (r.defect === 'bad-magic-byte') expect(r.body[0]).not.toBe(0);
      if (r.defect === 'unknown-schema-id')
        expect(ORDER_TYPE.fromBuffer(Buffer.from(r.body))).toHaveProperty('order_id');
      expect(all.truths.find((t) => t.entity === r.key)).toMatchObject({
        rule: 'poison_record',
        expect: 'dlq',
        details: { defect: r.defect },
      });
    }
    const negative = all.orders.filter((o) => o.order.quantity <= 0);
    expect(negative.length).toBeGreaterThan(0);
    for (const o of negative) {
      expect(o.scenario).toBe('malformed');
      expect(all.truths.find((t) => t.entity === o.order.order_id)).toMatchObject({
        details: { defect: 'negative-quantity' },
      });
    }
  });

  it('baseline: one population truth record, no_flag', () => {
    expect(all.truths.filter((t) => t.scenario === 'baseline')).toEqual([
      expect.objectContaining({ entity_type: 'population', expect: 'no_flag', order_count: 200 * 900 }),
    ]);
  });
});

describe('combining scenarios and seeds', () => {
  it('the same seed gives the same events; adding a scenario leaves the others unchanged', () => {
    const a = run(['baseline', 'macro-bot'], 50, 300, 's1');
    const b = run(['baseline', 'macro-bot'], 50, 300, 's1');
    expect(JSON.stringify(b.events)).toBe(JSON.stringify(a.events));
    const c = run(['baseline', 'macro-bot', 'slow-drip'], 50, 300, 's1');
    const pick = (r: typeof a) => JSON.stringify(r.orders.filter((o) => o.scenario !== 'slow-drip'));
    expect(pick(c)).toBe(pick(a));
    const d = run(['baseline', 'macro-bot'], 50, 300, 's2');
    expect(d.orders[0]?.order.order_id).not.toBe(a.orders[0]?.order.order_id);
  });

  it('--count bounds the records and episodes cut short are reported complete: false', () => {
    const src = new OrderSource({
      scenarios: ['macro-bot'],
      rate: 1,
      seed: 'cut',
      startMs: START,
      count: 20,
    });
    const events = [...src];
    expect(events.filter((e) => e.kind !== 'truth')).toHaveLength(20);
    const truth = events.flatMap((e) => (e.kind === 'truth' ? [e.truth] : []));
    expect(truth).toEqual([expect.objectContaining({ complete: false, order_count: 20 })]);
  });
});
