import type { GeneratedEvent } from './events.ts';

/**
 * The `--out` file format, one JSON object per line, in emission order:
 * - an order: the Avro record's fields in schema order (`{"order_id":"01J...","event_ts":...}`);
 *   `coupon_code` is null or a string (not Avro JSON's `{"string": ...}` union wrapping);
 * - a poison record: `{"_malformed":{"key","defect","schema_id","body_base64"}}`, where
 *   schema_id is "registered" (prefix the registered id's 5-byte header), a number (prefix that
 *   id's header) or null (body_base64 is the whole Kafka value).
 * Truth records never go here (see --truth-file).
 */
export function eventToJsonLine(e: GeneratedEvent): string | undefined {
  if (e.kind === 'order') return JSON.stringify(e.order);
  if (e.kind === 'raw') {
    return JSON.stringify({
      _malformed: {
        key: e.key,
        defect: e.defect,
        schema_id: e.schemaId,
        body_base64: Buffer.from(e.body).toString('base64'),
      },
    });
  }
  return undefined;
}
