import avro from 'avsc';

/**
 * Value schemas as ksqlDB writes them for the output topics (docs/data-contract.md): every
 * field an optional union, TIMESTAMP as long/timestamp-millis.
 */
const opt = (type: unknown) => ({ type: ['null', type], default: null });
const ts = { type: 'long', logicalType: 'timestamp-millis' };

export const POPULAR_PRODUCTS_SCHEMA = {
  type: 'record',
  name: 'KsqlDataSourceSchema',
  namespace: 'io.confluent.ksql.avro_schemas',
  fields: [
    { name: 'PRODUCT_ID', ...opt('string') },
    { name: 'WINDOW_START', ...opt(ts) },
    { name: 'WINDOW_END', ...opt(ts) },
    { name: 'PRODUCT_NAME', ...opt('string') },
    { name: 'CATEGORY', ...opt('string') },
    { name: 'ORDER_COUNT', ...opt('long') },
    { name: 'SALES_KRW', ...opt('long') },
  ],
};

export const HIGH_VALUE_ORDERS_SCHEMA = {
  type: 'record',
  name: 'KsqlDataSourceSchema',
  namespace: 'io.confluent.ksql.avro_schemas',
  fields: [
    { name: 'ORDER_ID', ...opt('string') },
    { name: 'EVENT_TS', ...opt(ts) },
    { name: 'USER_ID', ...opt('string') },
    { name: 'SESSION_ID', ...opt('string') },
    { name: 'IP_ADDRESS', ...opt('string') },
    { name: 'PRODUCT_ID', ...opt('string') },
    { name: 'PRODUCT_NAME', ...opt('string') },
    { name: 'CATEGORY', ...opt('string') },
    { name: 'UNIT_PRICE', ...opt('long') },
    { name: 'QUANTITY', ...opt('int') },
    { name: 'TOTAL_KRW', ...opt('long') },
    { name: 'PAYMENT_METHOD', ...opt('string') },
  ],
};

/** Confluent wire format: magic 0, 4-byte schema id, Avro binary. */
export function wireEncoder(schema: object, id: number): (value: Record<string, unknown>) => Buffer {
  const type = avro.Type.forSchema(schema as avro.Schema);
  return (value) => {
    const body = type.toBuffer(value);
    const out = Buffer.alloc(5 + body.length);
    out.writeUInt32BE(id, 1);
    body.copy(out, 5);
    return out;
  };
}
