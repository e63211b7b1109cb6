import type { Order } from './order.ts';
import type { ScenarioName, TruthRecord } from './truth.ts';

/**
 * What a generator source yields, independent of the transport. `at` is the model time (epoch
 * ms) at which the event is due to be emitted; for orders it equals `order.event_ts` except in
 * the late-events scenario, whose orders are emitted after their event time.
 */
export type GeneratedEvent = OrderEvent | RawEvent | TruthEvent;

export interface OrderEvent {
  readonly kind: 'order';
  readonly at: number;
  readonly scenario: ScenarioName;
  readonly order: Order;
}

/** How a poison record is broken. (Negative quantities are valid Avro: they are OrderEvents.) */
export type RawDefect = 'not-avro' | 'bad-magic-byte' | 'unknown-schema-id';

/**
 * A record for the orders topic that is not a decodable order. `value` is the complete Kafka
 * value, except that when `schemaId` is 'registered' the 5-byte Confluent header with the
 * registered schema id is to be put in front of `body` by the sink.
 */
export interface RawEvent {
  readonly kind: 'raw';
  readonly at: number;
  readonly scenario: 'malformed';
  readonly key: string;
  readonly defect: RawDefect;
  /** 'registered' = prefix the registered id's header; a number = prefix that id; null = body is the whole value. */
  readonly schemaId: 'registered' | number | null;
  readonly body: Uint8Array;
}

export interface TruthEvent {
  readonly kind: 'truth';
  readonly at: number;
  readonly truth: TruthRecord;
}

/** The Kafka message key of an order: its id (spreads orders evenly over partitions). */
export function orderKey(order: Order): string {
  return order.order_id;
}
