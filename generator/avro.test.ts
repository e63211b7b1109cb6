import { AvroDeserializer, AvroSerializer, MockClient, SerdeType } from '@confluentinc/schemaregistry';
import { describe, expect, it } from 'vitest';
import {
  confluentHeader,
  decodeOrder,
  encodeOrderBody,
  OrderEncoder,
  ORDER_TYPE,
  parseWireFormat,
} from './avro.ts';
import { type Order, ORDERS_SCHEMA_TEXT, ORDERS_SUBJECT } from './order.ts';
import { OrderSource } from './source.ts';
import { SCENARIO_NAMES } from './truth.ts';

function sampleOrders(n: number): Order[] {
  const src = new OrderSource({
    scenarios: SCENARIO_NAMES,
    rate: 500,
    seed: 'avro',
    startMs: Date.UTC(2026, 0, 1),
    count: n,
  });
  return [...src].flatMap((e) => (e.kind === 'order' ? [e.order] : []));
}

describe('orders.avsc', () => {
  it('uses lower-case snake_case names and keeps the agreed fields, types and order', () => {
    const schema = JSON.parse(ORDERS_SCHEMA_TEXT) as {
      name: string;
      namespace: string;
      fields: { name: string; type: unknown }[];
    };
    expect(`${schema.namespace}.${schema.name}`).toBe('com.shop.orders.Order');
    const fields = schema.fields.map((f) => [f.name, f.type]);
    expect(fields.slice(0, 11)).toEqual([
      ['order_id', 'string'],
      ['event_ts', { type: 'long', logicalType: 'timestamp-millis' }],
      ['user_id', 'string'],
      ['session_id', 'string'],
      ['ip_address', 'string'],
      ['product_id', 'string'],
      ['product_name', 'string'],
      ['category', 'string'],
      ['unit_price', 'long'],
      ['quantity', 'int'],
      ['payment_method', 'string'],
    ]);
    for (const f of schema.fields) expect(f.name).toMatch(/^[a-z][a-z0-9_]*$/);
    expect(schema.fields.map((f) => f.name)).not.toContain('total_amount');
  });
});

describe('fast encode path', () => {
  it('round-trips every field, including null and non-null coupons and a negative quantity', () => {
    const orders = sampleOrders(10_000);
    expect(orders.some((o) => o.coupon_code === null)).toBe(true);
    expect(orders.some((o) => o.coupon_code !== null)).toBe(true);
    expect(orders.some((o) => o.quantity < 0)).toBe(true);
    const encoder = new OrderEncoder(42);
    for (const o of orders) {
      const wire = encoder.encode(o);
      expect(parseWireFormat(wire).schemaId).toBe(42);
      expect(decodeOrder(wire)).toEqual(o);
    }
  });

  it('writes the Confluent header: magic byte 0 and the schema id big-endian', () => {
    expect([...confluentHeader(0x01020304)]).toEqual([0, 1, 2, 3, 4]);
    const o = sampleOrders(1)[0] as Order;
    const wire = new OrderEncoder(7).encode(o);
    expect([...wire.subarray(0, 5)]).toEqual([0, 0, 0, 0, 7]);
    expect(wire.subarray(5).equals(encodeOrderBody(o))).toBe(true);
  });

  it('is byte-identical to the AvroSerializer of @confluentinc/schemaregistry (useLatestVersion)', async () => {
    const client = new MockClient({ baseURLs: ['mock://'] });
    await client.register(ORDERS_SUBJECT, { schemaType: 'AVRO', schema: ORDERS_SCHEMA_TEXT }, false);
    const id = (await client.getLatestSchemaMetadata(ORDERS_SUBJECT)).id as number;
    expect(id).toBeGreaterThan(0);
    const serializer = new AvroSerializer(client, SerdeType.VALUE, { useLatestVersion: true });
    const deserializer = new AvroDeserializer(client, SerdeType.VALUE, {});
    const encoder = new OrderEncoder(id);
    const orders = sampleOrders(2000);
    for (const o of orders) {
      const fast = encoder.encode(o);
      const reference = await serializer.serialize('orders', o);
      expect(fast.equals(reference)).toBe(true);
    }
    // And the library decodes what the fast path wrote.
    const first = orders[0] as Order;
    expect(await deserializer.deserialize('orders', encoder.encode(first))).toEqual(first);
  });

  it('rejects values that are not in the wire format', () => {
    expect(() => decodeOrder(Buffer.from('{"order_id":1}'))).toThrow(/wire format/);
    expect(() => ORDER_TYPE.fromBuffer(Buffer.from([0xfe, 0xff, 0xff, 0xff, 0x0f, 1, 2]))).toThrow();
  });
});
