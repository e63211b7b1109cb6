import { pickProduct } from '../catalog.ts';
import type { GeneratedEvent } from '../events.ts';
import { sessionId, ulid } from '../ids.ts';
import { NORMAL_FIRST_OCTETS, normalIp } from '../ip.ts';
import { type Buyer, makeOrder, userId } from '../make-order.ts';
import { drawProfile } from '../profile.ts';
import type { Scenario, ScenarioContext } from '../scenario.ts';
import { SESSION, ShopperModel } from '../shoppers.ts';
import type { TruthRecord } from '../truth.ts';

/** Who the normal shoppers are: returning users and new accounts. */
export const USERS = {
  /** Share of sessions by a returning user (drawn from the last `memory` users). */
  returningShare: 0.4,
  memory: 1_000_000,
  newAccountShare: 0.06,
} as const;

/** Normal shoppers (see shoppers.ts for the model and why no normal IP looks like a bot). */
export class BaselineScenario implements Scenario {
  readonly name = 'baseline' as const;
  private readonly model: ShopperModel<Buyer>;
  private readonly users: number[] = [];
  private nextUser = 0;
  private firstTs = Infinity;
  private lastTs = -Infinity;
  private emitted = 0;
  private done = false;

  constructor(private readonly ctx: ScenarioContext) {
    this.model = new ShopperModel(ctx.prng, ctx.startMs, ctx.rate, (ipIndex) => this.newBuyer(ipIndex));
  }

  peekAt(): number {
    return this.done ? Infinity : this.model.peekAt();
  }

  next(): GeneratedEvent {
    const { at, session } = this.model.next();
    const order = makeOrder(this.ctx.prng, at, session.data, pickProduct(this.ctx.prng));
    if (this.emitted === 0) this.firstTs = at;
    this.lastTs = at;
    this.emitted++;
    return { kind: 'order', at, scenario: 'baseline', order };
  }

  close(_endAt: number): TruthRecord[] {
    this.done = true;
    if (this.emitted === 0) return [];
    return [
      {
        truth_id: ulid(this.lastTs, this.ctx.prng),
        scenario: 'baseline',
        rule: 'suspicious_ip',
        expect: 'no_flag',
        entity_type: 'population',
        entity: 'normal-shoppers',
        start_ts: this.firstTs,
        end_ts: this.lastTs,
        order_count: this.emitted,
        complete: true,
        max_orders_in_60s: SESSION.maxOrders,
        details: {
          ip_first_octets: NORMAL_FIRST_OCTETS.join(','),
          sessions: this.model.sessionsStarted,
          ips_used: this.model.population.ipsUsed,
          users: this.nextUser,
        },
      },
    ];
  }

  private newBuyer(ipIndex: number): Buyer {
    const prng = this.ctx.prng;
    let user: number;
    let isNew = false;
    if (this.users.length > 0 && prng.chance(USERS.returningShare)) {
      user = this.users[prng.int(this.users.length)] as number;
    } else {
      user = this.nextUser++;
      isNew = prng.chance(USERS.newAccountShare);
      if (this.users.length < USERS.memory) this.users.push(user);
      else this.users[user % USERS.memory] = user;
    }
    return {
      user_id: userId(1, user),
      session_id: sessionId(prng),
      ip_address: normalIp(ipIndex),
      profile: drawProfile(prng),
      is_new_account: isNew,
    };
  }
}
