import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { UsageError } from '../common/errors.ts';
import type { GeneratedEvent } from '../generator/events.ts';
import { ORDER_TYPE } from '../generator/avro.ts';
import type { Order } from '../generator/order.ts';

/**
 * Reads a recorded order file as `npm run generate -- --out` writes it (generator/jsonl.ts):
 * one order per line (the Avro record's fields), or `{"_malformed": {...}}` for a poison
 * record. Yields events in file order; a line that is neither fails with its line number.
 */
export async function* readOrderFile(path: string): AsyncGenerator<GeneratedEvent> {
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let n = 0;
  try {
    for await (const line of lines) {
      n++;
      if (line.trim() === '') continue;
      let json: Record<string, unknown>;
      try {
        json = JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new UsageError(`${path}:${n}: not JSON`, {
          hint: 'replay reads files written by npm run generate -- --out',
        });
      }
      const bad = json._malformed as
        | { key: string; defect: string; schema_id: 'registered' | number | null; body_base64: string }
        | undefined;
      if (bad) {
        yield {
          kind: 'raw',
          at: 0,
          scenario: 'malformed',
          key: bad.key,
          defect: bad.defect as 'not-avro',
          schemaId: bad.schema_id,
          body: Buffer.from(bad.body_base64, 'base64'),
        };
        continue;
      }
      if (!ORDER_TYPE.isValid(json)) {
        throw new UsageError(`${path}:${n}: not an order of generator/orders.avsc`, {
          hint: 'replay reads files written by npm run generate -- --out',
        });
      }
      const order = json as unknown as Order;
      yield { kind: 'order', at: order.event_ts, scenario: 'baseline', order };
    }
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new UsageError(`${path}: no such file`);
    throw err;
  }
}
