import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../common/errors.ts';
import { loadConnectors } from './load.ts';
import { validateConnectorFile } from './validate.ts';

const files = await loadConnectors();
const contract = await readFile(new URL('../../docs/data-contract.md', import.meta.url), 'utf8');

/** `### \`topic\`` sections of the data contract → Avro fields whose note is PK. */
function contractKeys(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let topic: string | undefined;
  for (const line of contract.split('\n')) {
    const heading = /^### `([a-z_]+)`/.exec(line);
    if (heading) topic = heading[1];
    const row = /^\|\s*`([A-Z_]+)`\s*\|.*\|\s*PK\s*\|$/.exec(line);
    if (row && topic && row[1]) out.set(topic, [...(out.get(topic) ?? []), row[1]]);
  }
  return out;
}

describe('connector files', () => {
  it('cover every table of the data contract, one connector per topic', () => {
    const topics = files.map((f) => f.config.topics).sort();
    expect(topics).toEqual([...contractKeys().keys()].sort());
    expect(topics).toEqual([
      'high_value_orders',
      'invalid_orders',
      'popular_products',
      'realtime_stats',
      'suspicious_ips',
    ]);
  });

  for (const file of files) {
    describe(file.file, () => {
      const c = file.config;
      it('is named after its file', () => expect(file.file).toBe(`${file.name}.json`));

      it('upserts on the natural key from the value, with the data contract primary key', () => {
        expect(c['insert.mode']).toBe('upsert');
        expect(c['pk.mode']).toBe('record_value');
        const expected = contractKeys().get(c.topics ?? '');
        expect(c['pk.fields']?.split(',').sort()).toEqual([...(expected ?? ['?'])].sort());
        expect(c['key.converter']).toBe('org.apache.kafka.connect.converters.ByteArrayConverter');
      });

      it('writes lower-case names into tables made by migrations/', () => {
        expect(c['quote.sql.identifiers']).toBe('never');
        expect(c['auto.create']).toBe('false');
        expect(c['auto.evolve']).toBe('false');
        expect(c['table.name.format']).toBe('${topic}');
        expect(c.topics).toMatch(/^[a-z_]+$/);
      });

      it('drops tombstones with the Filter transform and RecordIsTombstone', () => {
        expect(c.transforms).toBe('dropTombstones');
        expect(c['transforms.dropTombstones.type']).toBe('org.apache.kafka.connect.transforms.Filter');
        expect(c['transforms.dropTombstones.predicate']).toBe('isTombstone');
        expect(c['predicates.isTombstone.type']).toBe(
          'org.apache.kafka.connect.transforms.predicates.RecordIsTombstone',
        );
      });

      it('routes bad records to a dead-letter topic with context headers', () => {
        expect(c['errors.tolerance']).toBe('all');
        expect(c['errors.deadletterqueue.topic.name']).toBe(`${c.topics}_dlq`);
        expect(c['errors.deadletterqueue.context.headers.enable']).toBe('true');
        expect(c['errors.log.enable']).toBe('true');
      });

      it('reads Avro values, writes UTC, batches one poll per statement', () => {
        expect(c['value.converter']).toBe('io.confluent.connect.avro.AvroConverter');
        expect(c['value.converter.schema.registry.url']).toBe('${env:SCHEMA_REGISTRY_URL}');
        expect(c['db.timezone']).toBe('UTC');
        expect(Number(c['batch.size'])).toBeGreaterThanOrEqual(500);
        expect(c['consumer.override.max.poll.records']).toBe(c['batch.size']);
      });

      it('holds no secret: connection settings come from the worker environment', () => {
        expect(c['connection.password']).toBe('${env:POSTGRES_PASSWORD}');
        expect(c['connection.user']).toBe('${env:POSTGRES_USER}');
        expect(c['connection.url']).toBe('${env:POSTGRES_JDBC_URL}');
      });
    });
  }
});

describe('validateConnectorFile', () => {
  const base = files[0] ?? (undefined as never);
  const withConfig = (patch: Record<string, string | undefined>) => ({
    name: base.name,
    config: Object.fromEntries(
      Object.entries({ ...base.config, ...patch }).filter(([, v]) => v !== undefined),
    ),
  });
  const keyOf = (json: unknown): string => {
    try {
      validateConnectorFile(json, 'x.json');
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      return (err as ConfigError).key;
    }
    return '(valid)';
  };

  it('accepts the files as they are', () => expect(keyOf(withConfig({}))).toBe('(valid)'));
  it('rejects a typo in a key, naming it', () =>
    expect(keyOf(withConfig({ 'pk.feilds': 'A' }))).toBe('pk.feilds'));
  it('rejects an unknown top-level key', () =>
    expect(keyOf({ ...withConfig({}), configs: {} })).toBe('configs'));
  it('rejects values outside the documented range', () => {
    expect(keyOf(withConfig({ 'insert.mode': 'merge' }))).toBe('insert.mode');
    expect(keyOf(withConfig({ 'pk.mode': 'record' }))).toBe('pk.mode');
    expect(keyOf(withConfig({ 'quote.sql.identifiers': 'sometimes' }))).toBe('quote.sql.identifiers');
    expect(keyOf(withConfig({ 'batch.size': '0' }))).toBe('batch.size');
    expect(keyOf(withConfig({ 'errors.tolerance': 'some' }))).toBe('errors.tolerance');
    expect(keyOf(withConfig({ 'auto.create': 'yes' }))).toBe('auto.create');
    expect(keyOf(withConfig({ 'connection.url': 'postgres://x' }))).toBe('connection.url');
  });
  it('rejects a missing topics key and both topics and topics.regex', () => {
    expect(keyOf(withConfig({ topics: undefined }))).toBe('topics');
    expect(keyOf(withConfig({ 'topics.regex': 'a.*' }))).not.toBe('(valid)');
  });
  it('checks transform and predicate aliases', () => {
    expect(keyOf(withConfig({ 'transforms.dropTombstones.type': undefined }))).toBe(
      'transforms.dropTombstones.type',
    );
    expect(keyOf(withConfig({ 'transforms.other.type': 'x' }))).toBe('transforms.other.type');
    expect(keyOf(withConfig({ 'transforms.dropTombstones.predicate': 'nope' }))).toBe(
      'transforms.dropTombstones.predicate',
    );
    expect(keyOf(withConfig({ predicates: 'isTombstone,more' }))).toBe('predicates.more.type');
  });
  it('rejects a config name that differs from the file name', () =>
    expect(keyOf(withConfig({ name: 'other' }))).toBe('name'));
});
