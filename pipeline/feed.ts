import { OrderEncoder } from '../generator/avro.ts';
import { orderKey, type GeneratedEvent } from '../generator/events.ts';
import type { ProducerRecord } from '../ksql/engine/topics/topic-log.ts';

/**
 * Turns generated events into the records the generator would produce to Kafka: Confluent
 * wire-format Avro values keyed by order id; poison records byte for byte as the malformed
 * scenario defines them. Truth events are not records of the orders topic.
 */
export class OrderFeed {
  private readonly encoder: OrderEncoder;

  constructor(readonly schemaId: number) {
    this.encoder = new OrderEncoder(schemaId);
  }

  toRecord(event: GeneratedEvent, now: number): ProducerRecord | undefined {
    switch (event.kind) {
      case 'order':
        return {
          timestamp: now,
          key: Buffer.from(orderKey(event.order), 'utf8'),
          value: this.encoder.encode(event.order),
          headers: [],
        };
      case 'raw': {
        const value =
          event.schemaId === null
            ? Buffer.from(event.body)
            : OrderEncoder.withHeader(
                event.schemaId === 'registered' ? this.schemaId : event.schemaId,
                event.body,
              );
        return { timestamp: now, key: Buffer.from(event.key, 'utf8'), value, headers: [] };
      }
      case 'truth':
        return undefined;
    }
  }
}
