import { type Client, SchemaRegistryClient } from '@confluentinc/schemaregistry';
import { ServiceUnavailableError } from '../common/errors.ts';
import { withDeadline } from './deadline.ts';
import { ORDERS_SCHEMA_TEXT, ORDERS_SUBJECT } from './order.ts';

/** Fail within this long when the registry does not answer. */
export const REGISTRY_DEADLINE_MS = 8_000;

export function registryClient(url: string): Client {
  return new SchemaRegistryClient({
    baseURLs: [url],
    maxRetries: 1,
    retriesWaitMs: 200,
    retriesMaxWaitMs: 500,
    createAxiosDefaults: { timeout: 5_000 },
  });
}

/** TopicNameStrategy, as ksqlDB and the Confluent serializers look it up: `<topic>-value`. */
export function valueSubject(topic: string): string {
  return topic === 'orders' ? ORDERS_SUBJECT : `${topic}-value`;
}

/**
 * Registers orders.avsc under `<topic>-value` (`orders-value` for the default topic;
 * idempotent: an identical schema returns its existing id) and returns the schema id the fast
 * path puts in every header.
 */
export async function registerOrderSchema(client: Client, url: string, topic = 'orders'): Promise<number> {
  const subject = valueSubject(topic);
  try {
    return await withDeadline(
      client.register(subject, { schemaType: 'AVRO', schema: ORDERS_SCHEMA_TEXT }, false),
      REGISTRY_DEADLINE_MS,
      () => new Error(`no answer within ${REGISTRY_DEADLINE_MS / 1000} s`),
    );
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err);
    throw new ServiceUnavailableError(
      'schema registry',
      url,
      `cannot register ${subject} at schema registry ${url}: ${detail}`,
      {
        hint: 'start the test services with `npm run infra -- up`, or pass --schema-registry / set SCHEMA_REGISTRY_URL',
        cause: err,
      },
    );
  }
}
