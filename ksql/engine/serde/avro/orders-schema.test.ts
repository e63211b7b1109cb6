import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import avro from 'avsc';
import { describe, expect, it } from 'vitest';
import { InMemorySchemaRegistry } from '../in-memory-registry.ts';
import { createValueSerde } from '../serde-factory.ts';
import { valueFormat } from '../test-helpers.ts';
import { inferColumnsFromAvro } from './avro-infer.ts';

const ORDERS_AVSC = join(import.meta.dirname, '../../../../generator/orders.avsc');

/**
 * The pipeline's own input: orders written by the generator with generator/orders.avsc are
 * read by `CREATE STREAM ORDERS WITH (VALUE_FORMAT='AVRO')` (inferred columns).
 */
describe.runIf(existsSync(ORDERS_AVSC))('generator orders through the AVRO serde', () => {
  it('infers the ORDERS columns and reads a generator-encoded order', async () => {
    const text = readFileSync(ORDERS_AVSC, 'utf8');
    const registry = new InMemorySchemaRegistry();
    const id = registry.registerSync('orders-value', { schemaType: 'AVRO', schema: text });
    const columns = inferColumnsFromAvro(text, 'VALUE');
    expect(columns.slice(0, 3).map((c) => `${c.name} ${c.type.kind}`)).toEqual([
      'ORDER_ID STRING',
      'EVENT_TS TIMESTAMP',
      'USER_ID STRING',
    ]);
    const serde = await createValueSerde(valueFormat('AVRO'), columns, {
      topic: 'orders',
      sourceName: 'ORDERS',
      registry,
      registerSchema: false,
    });
    const type = avro.Type.forSchema(JSON.parse(text) as avro.Schema);
    const order: Record<string, unknown> = {};
    for (const f of (JSON.parse(text) as { fields: { name: string; type: unknown }[] }).fields) {
      order[f.name] = sample(f.type);
    }
    order['event_ts'] = 1700000000123;
    order['unit_price'] = 45000;
    order['quantity'] = 2;
    const bytes = Buffer.concat([Buffer.from([0, 0, 0, 0, id]), type.toBuffer(order)]);
    const row = serde.deserialize(bytes)!;
    const get = (name: string) => row[columns.findIndex((c) => c.name === name)];
    expect(get('EVENT_TS')).toBe(1700000000123);
    expect(get('UNIT_PRICE')).toBe(45000n);
    expect(get('QUANTITY')).toBe(2);
    expect(get('ORDER_ID')).toBe('x');
  });
});

function sample(t: unknown): unknown {
  if (Array.isArray(t)) return null;
  const name = typeof t === 'string' ? t : (t as { type: string }).type;
  switch (name) {
    case 'string':
      return 'x';
    case 'boolean':
      return false;
    case 'int':
      return 1;
    case 'long':
      return 1;
    case 'double':
    case 'float':
      return 1.5;
    default:
      return null;
  }
}
