import type { OrderEvent } from '../events.ts';
import { sessionId, ulid } from '../ids.ts';
import { SPECIAL_FIRST_OCTET, prefix24, specialIp } from '../ip.ts';
import { makeOrder, userId } from '../make-order.ts';
import type { ScenarioContext } from '../scenario.ts';
import { flaggedWindows, maxInSpan, type TruthRecord } from '../truth.ts';
import { BOT_PROFILE, BOT_TARGETS, spreadTimes } from './bot-common.ts';
import { type Episode, EpisodicScenario } from './episodic.ts';

/** IPs per botnet episode, all in one /24. */
export const BOTNET_SIZE = 16;

/**
 * A botnet in one /24: 16 IPs, each placing 11-20 orders within 45 s (so each one is above the
 * threshold inside a single 60 s hopping window), every 3 minutes, a new /24 each time.
 */
export class DistributedBotsScenario extends EpisodicScenario {
  readonly name = 'distributed-bots' as const;
  private readonly netBase: number;

  constructor(ctx: ScenarioContext) {
    super(ctx, { firstOffsetMs: 20_000, periodMs: 180_000 });
    this.netBase = ctx.prng.int(1 << 14);
  }

  protected plan(index: number, startAt: number): Episode {
    const prng = this.ctx.prng;
    const net = (this.netBase + index) & 0xffff;
    const records: OrderEvent[] = [];
    const ips: string[] = [];
    for (let host = 0; host < BOTNET_SIZE; host++) {
      const ip = specialIp(SPECIAL_FIRST_OCTET['distributed-bots'], (net << 8) + 10 + host);
      ips.push(ip);
      const buyer = {
        user_id: userId(3, index * BOTNET_SIZE + host),
        session_id: sessionId(prng),
        ip_address: ip,
        profile: BOT_PROFILE,
        is_new_account: prng.chance(0.5),
      };
      const n = prng.range(11, 20);
      const begin = startAt + prng.int(5_000);
      for (const ts of spreadTimes(prng, begin, n, 45_000)) {
        records.push({
          kind: 'order',
          at: ts,
          scenario: 'distributed-bots',
          order: makeOrder(prng, ts, buyer, prng.pick(BOT_TARGETS), 1),
        });
      }
    }
    records.sort((a, b) => a.at - b.at);
    const prefix = prefix24(ips[0] as string);
    return {
      records,
      truth: (emitted, complete) => {
        const out: TruthRecord[] = [];
        let first = Infinity;
        let last = -Infinity;
        for (const ip of ips) {
          const times = emitted.flatMap((r) =>
            r.kind === 'order' && r.order.ip_address === ip ? [r.order.event_ts] : [],
          );
          if (times.length === 0) continue;
          first = Math.min(first, times[0] as number);
          last = Math.max(last, times[times.length - 1] as number);
          out.push({
            truth_id: ulid(times[times.length - 1] as number, prng),
            scenario: 'distributed-bots',
            rule: 'suspicious_ip',
            expect: 'flag',
            entity_type: 'ip',
            entity: ip,
            start_ts: times[0] as number,
            end_ts: times[times.length - 1] as number,
            order_count: times.length,
            complete,
            flagged_windows: flaggedWindows(times),
            max_orders_in_60s: maxInSpan(times, 60_000),
            details: { prefix },
          });
        }
        if (out.length > 0) {
          out.push({
            truth_id: ulid(last, prng),
            scenario: 'distributed-bots',
            rule: 'suspicious_ip',
            expect: 'flag',
            entity_type: 'ip_prefix',
            entity: prefix,
            start_ts: first,
            end_ts: last,
            order_count: emitted.length,
            complete,
            details: { ips: out.length },
          });
        }
        return out;
      },
    };
  }
}
