import type { OrderEvent } from '../events.ts';
import { sessionId, ulid } from '../ids.ts';
import { SPECIAL_FIRST_OCTET, specialIp } from '../ip.ts';
import { makeOrder, userId } from '../make-order.ts';
import type { ScenarioContext } from '../scenario.ts';
import { flaggedWindows, maxInSpan } from '../truth.ts';
import { BOT_PROFILE, BOT_TARGETS, spreadTimes } from './bot-common.ts';
import { type Episode, EpisodicScenario, orderTimes } from './episodic.ts';

/**
 * One IP bursting dozens of orders in a minute (a purchase macro): 30-80 orders within 45 s,
 * every 2 minutes. Every burst fits inside one 60 s hopping window, so the rule must fire.
 */
export class MacroBotScenario extends EpisodicScenario {
  readonly name = 'macro-bot' as const;
  private readonly ipBase: number;

  constructor(ctx: ScenarioContext) {
    super(ctx, { firstOffsetMs: 10_000, periodMs: 120_000 });
    this.ipBase = ctx.prng.int(1 << 20);
  }

  protected plan(index: number, startAt: number): Episode {
    const prng = this.ctx.prng;
    const ip = specialIp(SPECIAL_FIRST_OCTET['macro-bot'], this.ipBase + index);
    const buyer = {
      user_id: userId(2, index),
      session_id: sessionId(prng),
      ip_address: ip,
      profile: BOT_PROFILE,
      is_new_account: false,
    };
    const product = prng.pick(BOT_TARGETS);
    const n = prng.range(30, 80);
    const records: OrderEvent[] = spreadTimes(prng, startAt, n, 45_000).map((ts) => ({
      kind: 'order',
      at: ts,
      scenario: 'macro-bot',
      order: makeOrder(prng, ts, buyer, product, prng.range(1, 2)),
    }));
    return {
      records,
      truth: (emitted, complete) => {
        const times = orderTimes(emitted);
        return [
          {
            truth_id: ulid(times[times.length - 1] ?? startAt, prng),
            scenario: 'macro-bot',
            rule: 'suspicious_ip',
            expect: 'flag',
            entity_type: 'ip',
            entity: ip,
            start_ts: times[0] ?? startAt,
            end_ts: times[times.length - 1] ?? startAt,
            order_count: times.length,
            complete,
            flagged_windows: flaggedWindows(times),
            max_orders_in_60s: maxInSpan(times, 60_000),
            details: { product_id: product.id },
          },
        ];
      },
    };
  }
}
