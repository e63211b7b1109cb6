import { pickProduct } from '../catalog.ts';
import { sessionId, ulid } from '../ids.ts';
import { SPECIAL_FIRST_OCTET, specialIp } from '../ip.ts';
import { makeOrder, userId } from '../make-order.ts';
import { drawProfile } from '../profile.ts';
import type { ScenarioContext } from '../scenario.ts';
import { type Episode, EpisodicScenario } from './episodic.ts';

/** Lateness bands: out of order within seconds, late by minutes, very late (beyond any grace). */
export const LATENESS_BANDS: readonly { share: number; minMs: number; maxMs: number }[] = [
  { share: 0.4, minMs: 1_000, maxMs: 10_000 },
  { share: 0.4, minMs: 30_000, maxMs: 120_000 },
  { share: 0.2, minMs: 600_000, maxMs: 1_800_000 },
];

/**
 * Orders from app users whose phone was offline: emitted at `at`, stamped `lateness_ms` earlier.
 * max(0.2/s, 0.2 % of --rate). Each is its own truth record; whether a window still counts it
 * depends on that window's grace period, which the truth leaves to the scorecard.
 */
export class LateEventsScenario extends EpisodicScenario {
  readonly name = 'late-events' as const;
  private readonly ipBase: number;

  constructor(ctx: ScenarioContext) {
    super(ctx, { firstOffsetMs: 2_000, periodMs: Math.round(1000 / Math.max(0.2, ctx.rate * 0.002)) });
    this.ipBase = ctx.prng.int(1 << 22);
  }

  protected plan(index: number, startAt: number): Episode {
    const prng = this.ctx.prng;
    let x = prng.next();
    let band = LATENESS_BANDS[0] as (typeof LATENESS_BANDS)[number];
    for (const b of LATENESS_BANDS) {
      band = b;
      if (x < b.share) break;
      x -= b.share;
    }
    const lateness = prng.range(band.minMs, band.maxMs);
    const eventTs = startAt - lateness;
    const buyer = {
      user_id: userId(6, index),
      session_id: sessionId(prng),
      ip_address: specialIp(SPECIAL_FIRST_OCTET['late-events'], this.ipBase + index),
      profile: drawProfile(prng),
      is_new_account: false,
    };
    const order = makeOrder(prng, eventTs, buyer, pickProduct(prng));
    return {
      records: [{ kind: 'order', at: startAt, scenario: 'late-events', order }],
      truth: (_emitted, complete) => [
        {
          truth_id: ulid(startAt, prng),
          scenario: 'late-events',
          rule: 'late_event',
          expect: 'late',
          entity_type: 'order',
          entity: order.order_id,
          start_ts: eventTs,
          end_ts: eventTs,
          order_count: 1,
          complete,
          details: { lateness_ms: lateness, emitted_at: startAt },
        },
      ],
    };
  }
}
