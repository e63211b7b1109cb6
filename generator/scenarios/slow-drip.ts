import type { OrderEvent } from '../events.ts';
import { sessionId, ulid } from '../ids.ts';
import { SPECIAL_FIRST_OCTET, specialIp } from '../ip.ts';
import { makeOrder, userId } from '../make-order.ts';
import type { ScenarioContext } from '../scenario.ts';
import { flaggedWindows, maxInSpan } from '../truth.ts';
import { BOT_PROFILE, BOT_TARGETS } from './bot-common.ts';
import { type Episode, EpisodicScenario, orderTimes } from './episodic.ts';

/**
 * A careful bot that stays just under the threshold: one order every 6.7-7.7 s for 4 minutes.
 * Ten orders need nine gaps >= 9 * 6,700 ms = 60,300 ms > 60 s, so no 60 s span (any
 * alignment, hence no hopping window either) ever holds 10: the rule must NOT fire.
 */
export const SLOW_DRIP = { minGapMs: 6_700, jitterMs: 1_000, durationMs: 240_000 } as const;

export class SlowDripScenario extends EpisodicScenario {
  readonly name = 'slow-drip' as const;
  private readonly ipBase: number;

  constructor(ctx: ScenarioContext) {
    super(ctx, { firstOffsetMs: 5_000, periodMs: 300_000 });
    this.ipBase = ctx.prng.int(1 << 20);
  }

  protected plan(index: number, startAt: number): Episode {
    const prng = this.ctx.prng;
    const ip = specialIp(SPECIAL_FIRST_OCTET['slow-drip'], this.ipBase + index);
    const buyer = {
      user_id: userId(4, index),
      session_id: sessionId(prng),
      ip_address: ip,
      profile: { ...BOT_PROFILE, payment_method: 'kakao_pay' },
      is_new_account: false,
    };
    const records: OrderEvent[] = [];
    for (
      let ts = startAt;
      ts < startAt + SLOW_DRIP.durationMs;
      ts += SLOW_DRIP.minGapMs + prng.int(SLOW_DRIP.jitterMs)
    ) {
      records.push({
        kind: 'order',
        at: ts,
        scenario: 'slow-drip',
        order: makeOrder(prng, ts, buyer, prng.pick(BOT_TARGETS), 1),
      });
    }
    return {
      records,
      truth: (emitted, complete) => {
        const times = orderTimes(emitted);
        return [
          {
            truth_id: ulid(times[times.length - 1] ?? startAt, prng),
            scenario: 'slow-drip',
            rule: 'suspicious_ip',
            expect: 'no_flag',
            entity_type: 'ip',
            entity: ip,
            start_ts: times[0] ?? startAt,
            end_ts: times[times.length - 1] ?? startAt,
            order_count: times.length,
            complete,
            flagged_windows: flaggedWindows(times),
            max_orders_in_60s: maxInSpan(times, 60_000),
          },
        ];
      },
    };
  }
}
