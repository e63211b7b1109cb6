import { expensiveProducts } from '../catalog.ts';
import type { OrderEvent } from '../events.ts';
import { sessionId, ulid } from '../ids.ts';
import { SPECIAL_FIRST_OCTET, specialIp } from '../ip.ts';
import { makeOrder, userId } from '../make-order.ts';
import { HIGH_VALUE_KRW } from '../order.ts';
import { drawProfile } from '../profile.ts';
import type { ScenarioContext } from '../scenario.ts';
import { type Episode, EpisodicScenario, orderIds, orderTimes } from './episodic.ts';

const EXPENSIVE = expensiveProducts(HIGH_VALUE_KRW);

/**
 * A spree on a stolen card: a new account places 3-6 orders of >= 500,000 KRW each, 5-15 s
 * apart, once a minute. Every one of them must appear in HIGH_VALUE_ORDERS; with at most 6
 * orders the IP stays under the bot threshold.
 */
export class HighValueScenario extends EpisodicScenario {
  readonly name = 'high-value' as const;
  private readonly ipBase: number;

  constructor(ctx: ScenarioContext) {
    super(ctx, { firstOffsetMs: 15_000, periodMs: 60_000 });
    this.ipBase = ctx.prng.int(1 << 20);
  }

  protected plan(index: number, startAt: number): Episode {
    const prng = this.ctx.prng;
    const ip = specialIp(SPECIAL_FIRST_OCTET['high-value'], this.ipBase + index);
    const buyer = {
      user_id: userId(5, index),
      session_id: sessionId(prng),
      ip_address: ip,
      profile: { ...drawProfile(prng), payment_method: 'card' },
      is_new_account: true,
    };
    const n = prng.range(3, 6);
    const records: OrderEvent[] = [];
    let ts = startAt;
    for (let i = 0; i < n; i++) {
      records.push({
        kind: 'order',
        at: ts,
        scenario: 'high-value',
        order: makeOrder(prng, ts, buyer, prng.pick(EXPENSIVE), prng.range(1, 2)),
      });
      ts += prng.range(5_000, 15_000);
    }
    return {
      records,
      truth: (emitted, complete) => {
        const times = orderTimes(emitted);
        return [
          {
            truth_id: ulid(times[times.length - 1] ?? startAt, prng),
            scenario: 'high-value',
            rule: 'high_value',
            expect: 'flag',
            entity_type: 'ip',
            entity: ip,
            start_ts: times[0] ?? startAt,
            end_ts: times[times.length - 1] ?? startAt,
            order_count: times.length,
            complete,
            order_ids: orderIds(emitted),
            details: { user_id: buyer.user_id },
          },
        ];
      },
    };
  }
}
