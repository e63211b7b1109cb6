import { describe, expect, it } from 'vitest';
import { ConfigError, NotImplementedError } from '../../common/errors.ts';
import { loadConnectors } from '../config/load.ts';
import type { ConnectorFile } from '../config/validate.ts';
import { parseSinkConfig } from './config.ts';

const [popular] = (await loadConnectors()).filter((c) => c.name === 'sink-popular-products');
const file = (patch: Record<string, string | undefined>): ConnectorFile => ({
  name: 'sink-popular-products',
  config: Object.fromEntries(
    Object.entries({ ...popular?.config, ...patch }).filter((e): e is [string, string] => e[1] !== undefined),
  ),
});

function failure(patch: Record<string, string | undefined>): { type: string; key?: string; message: string } {
  try {
    parseSinkConfig(file(patch));
  } catch (err) {
    if (err instanceof ConfigError) return { type: 'ConfigError', key: err.key, message: err.message };
    if (err instanceof NotImplementedError) return { type: 'NotImplementedError', message: err.feature };
    throw err;
  }
  return { type: 'none', message: '' };
}

describe('parseSinkConfig', () => {
  it('parses the repository connector files', () => {
    const config = parseSinkConfig(file({}));
    expect(config).toMatchObject({
      name: 'sink-popular-products',
      topics: ['popular_products'],
      tableNameFormat: '${topic}',
      insertMode: 'upsert',
      pkMode: 'record_value',
      pkFields: ['PRODUCT_ID', 'WINDOW_START'],
      quoteIdentifiers: false,
      dbTimezone: 'UTC',
      batchSize: 1000,
      maxPollRecords: 1000,
      transforms: [{ alias: 'dropTombstones', predicate: 'isTombstone' }],
      errorsToleranceAll: true,
      dlqTopic: 'popular_products_dlq',
      dlqContextHeaders: true,
    });
  });

  it('uses the JDBC sink defaults for keys left out', () => {
    const config = parseSinkConfig(
      file({ 'quote.sql.identifiers': undefined, 'batch.size': undefined, 'max.retries': undefined }),
    );
    expect([config.quoteIdentifiers, config.batchSize, config.maxRetries]).toEqual([true, 3000, 10]);
  });

  it('fails on a typo in a key, naming the key', () => {
    expect(failure({ 'batch.sise': '10' })).toMatchObject({ type: 'ConfigError', key: 'batch.sise' });
  });

  it('fails by name on known keys and values the local sink does not implement', () => {
    expect(failure({ 'pk.mode': 'record_key' }).message).toContain('pk.mode=record_key');
    expect(failure({ 'auto.create': 'true' }).message).toContain('auto.create=true');
    expect(failure({ 'delete.enabled': 'true' }).message).toContain('delete.enabled=true');
    expect(
      failure({ 'key.converter': 'org.apache.kafka.connect.storage.StringConverter' }).message,
    ).toContain('key.converter');
    expect(failure({ 'value.converter': 'org.apache.kafka.connect.json.JsonConverter' }).message).toContain(
      'value.converter',
    );
    expect(
      failure({ 'transforms.dropTombstones.type': 'org.apache.kafka.connect.transforms.ReplaceField$Value' })
        .message,
    ).toContain('transforms.dropTombstones.type');
    expect(failure({ 'errors.retry.timeout': '1000' }).message).toContain('errors.retry.timeout');
    expect(failure({ 'consumer.override.fetch.min.bytes': '1' }).message).toContain(
      'consumer.override.fetch.min.bytes',
    );
  });

  it('checks cross-key rules', () => {
    expect(failure({ 'pk.mode': 'none' })).toMatchObject({ type: 'ConfigError', key: 'pk.mode' });
    expect(failure({ 'errors.tolerance': 'none' })).toMatchObject({
      type: 'ConfigError',
      key: 'errors.deadletterqueue.topic.name',
    });
    expect(failure({ 'db.timezone': 'Mars/Olympus' })).toMatchObject({
      type: 'ConfigError',
      key: 'db.timezone',
    });
    expect(failure({ 'pk.mode': 'kafka', 'pk.fields': 'a,b' })).toMatchObject({
      type: 'ConfigError',
      key: 'pk.fields',
    });
  });

  it('accepts config-provider references only where the worker resolves connection settings', () => {
    // The local runtime hands the sink its database and registry; these need no variable set.
    expect(parseSinkConfig(file({})).name).toBe('sink-popular-products');
    expect(failure({ 'batch.size': '${env:SINK_BATCH}' })).toMatchObject({
      type: 'ConfigError',
      key: 'batch.size',
    });
  });

  it('takes pk.mode=kafka with its default column names', () => {
    const config = parseSinkConfig(file({ 'pk.mode': 'kafka', 'pk.fields': undefined }));
    expect(config.pkFields).toEqual(['__connect_topic', '__connect_partition', '__connect_offset']);
  });
});
