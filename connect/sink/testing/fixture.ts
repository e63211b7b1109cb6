import type { ConnectorFile } from '../../config/validate.ts';
import { loadConnectors } from '../../config/load.ts';
import { createInMemoryTopicLog } from '../../../ksql/engine/topics/in-memory-topic-log.ts';
import type { SinkDatabase } from '../database.ts';
import { MemoryRegistry } from './memory-registry.ts';
import { HIGH_VALUE_ORDERS_SCHEMA, POPULAR_PRODUCTS_SCHEMA, wireEncoder } from './records.ts';

/** A repository connector file with some keys changed (undefined removes a key). */
export async function connectorFile(
  name: string,
  patch: Record<string, string | undefined> = {},
): Promise<ConnectorFile> {
  const file = (await loadConnectors()).find((c) => c.name === name);
  if (!file) throw new Error(`no connector ${name}`);
  const config = Object.fromEntries(
    Object.entries({ ...file.config, ...patch }).filter((e): e is [string, string] => e[1] !== undefined),
  );
  return { name: file.name, config };
}

/** A log with the output topics, a registry with the ksqlDB value schemas, and encoders. */
export async function pipelineFixture() {
  const log = createInMemoryTopicLog();
  const registry = new MemoryRegistry();
  for (const t of ['popular_products', 'high_value_orders', 'suspicious_ips', 'realtime_stats'])
    log.createTopic(t, 2);
  const ppId = await registry.register('popular_products-value', {
    schemaType: 'AVRO',
    schema: JSON.stringify(POPULAR_PRODUCTS_SCHEMA),
  });
  const hvId = await registry.register('high_value_orders-value', {
    schemaType: 'AVRO',
    schema: JSON.stringify(HIGH_VALUE_ORDERS_SCHEMA),
  });
  const encodePopular = wireEncoder(POPULAR_PRODUCTS_SCHEMA, ppId);
  const encodeHighValue = wireEncoder(HIGH_VALUE_ORDERS_SCHEMA, hvId);
  return {
    log,
    registry,
    popular(p: { product: string; start: number; count: number; sales?: number; partition?: number }) {
      return log.append('popular_products', {
        partition: p.partition ?? 0,
        timestamp: p.start,
        key: Buffer.from(p.product),
        headers: [],
        value: encodePopular({
          PRODUCT_ID: p.product,
          WINDOW_START: p.start,
          WINDOW_END: p.start + 30_000,
          PRODUCT_NAME: `name ${p.product}`,
          CATEGORY: 'c',
          ORDER_COUNT: p.count,
          SALES_KRW: p.sales ?? p.count * 1000,
        }),
      });
    },
    highValue(o: { id: string | null; ts: number; total: number | null }) {
      return log.append('high_value_orders', {
        partition: 0,
        timestamp: o.ts,
        key: null,
        headers: [],
        value: encodeHighValue({
          ORDER_ID: o.id,
          EVENT_TS: o.ts,
          USER_ID: 'u1',
          SESSION_ID: 's1',
          IP_ADDRESS: '10.0.0.1',
          PRODUCT_ID: 'P1',
          PRODUCT_NAME: 'laptop',
          CATEGORY: 'electronics',
          UNIT_PRICE: o.total,
          QUANTITY: 1,
          TOTAL_KRW: o.total,
          PAYMENT_METHOD: 'card',
        }),
      });
    },
    tombstone(topic: string, partition = 0) {
      return log.append(topic, { partition, timestamp: 0, key: Buffer.from('k'), value: null, headers: [] });
    },
  };
}

export interface RecordedStatement {
  readonly text: string;
  readonly params: readonly unknown[];
}

/**
 * A SinkDatabase that records statements per committed transaction; `failWhen` makes a
 * statement throw (with a Postgres-like SQLSTATE) to exercise retries and unrolling.
 */
export function recordingDatabase(failWhen?: (s: RecordedStatement) => boolean) {
  const committed: RecordedStatement[][] = [];
  let attempts = 0;
  const database: SinkDatabase = {
    async transaction(fn) {
      attempts++;
      const tx: RecordedStatement[] = [];
      const result = await fn({
        async query(text, params = []) {
          const s = { text, params };
          if (text.startsWith('SELECT to_regclass')) return { rowCount: 1, rows: [{ present: true }] };
          if (failWhen?.(s))
            throw Object.assign(new Error('new row violates check constraint'), { code: '23514' });
          tx.push(s);
          return { rowCount: 1, rows: [] };
        },
      });
      committed.push(tx);
      return result;
    },
  };
  return { database, committed, attempts: () => attempts };
}
