import { describe, expect, it } from 'vitest';
import type { Order } from '../../generator/order.ts';
import type { TruthRecord } from '../../generator/truth.ts';
import { formatScorecard } from './format.ts';
import { crossingTimes, precision, recall, scoreHighValue, scoreSuspiciousIps } from './scorecard.ts';

const truth = (t: Partial<TruthRecord>): TruthRecord => ({
  truth_id: 't',
  scenario: 'macro-bot',
  rule: 'suspicious_ip',
  expect: 'flag',
  entity_type: 'ip',
  entity: '1.1.1.1',
  start_ts: 0,
  end_ts: 0,
  order_count: 0,
  complete: true,
  ...t,
});

const order = (id: string, ip: string, ts: number, price = 1000, qty = 1): Order => ({
  order_id: id,
  event_ts: ts,
  user_id: 'u',
  session_id: 's',
  ip_address: ip,
  product_id: 'p',
  product_name: 'n',
  category: 'c',
  unit_price: price,
  quantity: qty,
  payment_method: 'card',
  channel: 'web',
  device_type: 'desktop',
  user_agent: 'ua',
  country: 'KR',
  region: 'Seoul',
  coupon_code: null,
  is_new_account: false,
});

describe('scoreSuspiciousIps', () => {
  const t = [
    truth({ entity: '1.1.1.1', flagged_windows: [0, 10_000] }),
    truth({ scenario: 'slow-drip', expect: 'no_flag', entity: '2.2.2.2', flagged_windows: [] }),
    truth({ scenario: 'baseline', expect: 'no_flag', entity_type: 'population', entity: 'normal-shoppers' }),
  ];

  it('counts true positives, misses and false positives per scenario, charging unknown IPs to baseline', () => {
    const scores = scoreSuspiciousIps(t, [
      { ip: '1.1.1.1', ws: 0 },
      { ip: '1.1.1.1', ws: 0 }, // duplicate rows count once
      { ip: '1.1.1.1', ws: 20_000 }, // a window the truth does not expect
      { ip: '2.2.2.2', ws: 0 },
      { ip: '9.9.9.9', ws: 0 },
    ]);
    const by = (s: string) => scores.find((r) => r.scenario === s)!;
    expect(by('macro-bot')).toMatchObject({
      expected: 2,
      truePositives: 1,
      falsePositives: 1,
      falseNegatives: 1,
    });
    expect([precision(by('macro-bot')), recall(by('macro-bot'))]).toEqual([0.5, 0.5]);
    expect(by('slow-drip')).toMatchObject({ expected: 0, falsePositives: 1 });
    expect(by('baseline')).toMatchObject({ falsePositives: 1 });
    expect(recall(by('slow-drip'))).toBeUndefined();
  });
});

describe('scoreHighValue', () => {
  it('with the orders, expects every order at or above the threshold, split by scenario', () => {
    const orders = [
      order('a', 'x', 0, 500_000),
      order('b', 'x', 0, 499_999),
      order('c', 'x', 0, 250_000, 2),
      order('d', 'x', 0, 900_000),
    ];
    const t = [truth({ scenario: 'high-value', rule: 'high_value', order_ids: ['d'] })];
    const scores = scoreHighValue(t, ['a', 'b', 'd'], orders, 500_000);
    expect(scores.find((s) => s.scenario === 'high-value')).toMatchObject({
      expected: 1,
      truePositives: 1,
      falsePositives: 0,
    });
    expect(scores.find((s) => s.scenario === 'baseline')).toMatchObject({
      expected: 2,
      truePositives: 1,
      falsePositives: 1,
      falseNegatives: 1,
    });
  });
});

describe('crossingTimes', () => {
  it('is the event time of the order that brings an IP window to the threshold, in arrival order', () => {
    const orders = Array.from({ length: 10 }, (_, i) => order(`o${i}`, '1.1.1.1', 60_000 + i * 1000));
    const crossed = crossingTimes(orders, 10, 60_000, 10_000);
    expect(crossed.get('1.1.1.1|60000')).toBe(69_000);
    expect(crossed.get('1.1.1.1|10000')).toBe(69_000);
    expect(crossed.has('1.1.1.1|0')).toBe(false); // [0, 60 s) holds none of them
  });
});

describe('formatScorecard', () => {
  it('prints a Markdown row per rule and scenario with time-to-detect percentiles', () => {
    const text = formatScorecard({
      orders: 20_000,
      ordersExact: true,
      rows: [
        {
          rule: 'suspicious_ip',
          scenario: 'macro-bot',
          expected: 4,
          truePositives: 4,
          falsePositives: 2,
          falseNegatives: 0,
          detectMs: [1000, 3000, 2000],
        },
      ],
    });
    expect(text).toContain(
      '| suspicious_ip | macro-bot | 4 | 4 | 2 | 0 | 0.667 | 1.000 | 1.00 | 2000 ms | 3000 ms | 3000 ms |',
    );
  });
});
