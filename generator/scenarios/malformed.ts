import { pickProduct } from '../catalog.ts';
import { encodeOrderBody } from '../avro.ts';
import type { OrderEvent, RawDefect, RawEvent } from '../events.ts';
import { sessionId, ulid } from '../ids.ts';
import { SPECIAL_FIRST_OCTET, specialIp } from '../ip.ts';
import { makeOrder, userId } from '../make-order.ts';
import { drawProfile } from '../profile.ts';
import type { ScenarioContext } from '../scenario.ts';
import { type Episode, EpisodicScenario } from './episodic.ts';

/** A schema id no registry hands out in tests (ids are small counters there). */
export const UNKNOWN_SCHEMA_ID = 0x7ffffff0;

export type MalformedKind = RawDefect | 'negative-quantity';
const KINDS: readonly MalformedKind[] = [
  'not-avro',
  'bad-magic-byte',
  'unknown-schema-id',
  'negative-quantity',
];

/**
 * Poison records, max(0.1/s, 0.05 % of --rate), cycling through four defects:
 * - not-avro: registered header, then a string length of ~2^31 and 8 random bytes (truncated);
 * - bad-magic-byte: a JSON text (first byte `{`), as a misconfigured producer would send;
 * - unknown-schema-id: a valid Avro body behind schema id 0x7ffffff0;
 * - negative-quantity: a decodable order with quantity -1..-5 (a business-rule violation).
 * Each is its own truth record (rule poison_record, expect dlq); raw ones are keyed
 * `malformed-<ulid>` and the truth names that key.
 */
export class MalformedScenario extends EpisodicScenario {
  readonly name = 'malformed' as const;

  constructor(ctx: ScenarioContext) {
    super(ctx, { firstOffsetMs: 3_000, periodMs: Math.round(1000 / Math.max(0.1, ctx.rate * 0.0005)) });
  }

  protected plan(index: number, at: number): Episode {
    const prng = this.ctx.prng;
    const kind = KINDS[index % KINDS.length] as MalformedKind;
    const order = makeOrder(
      prng,
      at,
      {
        user_id: userId(7, index),
        session_id: sessionId(prng),
        ip_address: specialIp(SPECIAL_FIRST_OCTET.malformed, index),
        profile: drawProfile(prng),
        is_new_account: false,
      },
      pickProduct(prng),
    );
    let record: OrderEvent | RawEvent;
    let entity: string;
    if (kind === 'negative-quantity') {
      record = { kind: 'order', at, scenario: 'malformed', order: { ...order, quantity: -prng.range(1, 5) } };
      entity = order.order_id;
    } else {
      entity = `malformed-${ulid(at, prng)}`;
      let body: Uint8Array;
      let schemaId: RawEvent['schemaId'];
      if (kind === 'not-avro') {
        body = Buffer.concat([Buffer.from([0xfe, 0xff, 0xff, 0xff, 0x0f]), prng.bytes(new Uint8Array(8))]);
        schemaId = 'registered';
      } else if (kind === 'bad-magic-byte') {
        body = Buffer.from(JSON.stringify(order), 'utf8');
        schemaId = null;
      } else {
        body = encodeOrderBody(order);
        schemaId = UNKNOWN_SCHEMA_ID;
      }
      record = { kind: 'raw', at, scenario: 'malformed', key: entity, defect: kind, schemaId, body };
    }
    return {
      records: [record],
      truth: (_emitted, complete) => [
        {
          truth_id: ulid(at, prng),
          scenario: 'malformed',
          rule: 'poison_record',
          expect: 'dlq',
          entity_type: kind === 'negative-quantity' ? 'order' : 'record_key',
          entity,
          start_ts: at,
          end_ts: at,
          order_count: 1,
          complete,
          details: { defect: kind },
        },
      ],
    };
  }
}
