import { describe, expect, it } from 'vitest';
import { KsqlSerdeError } from '../../errors.ts';
import { Decimal } from '../../types/decimal.ts';
import { Struct } from '../../types/struct.ts';
import { array, BIGINT, decimal, INT, map, STRING, struct, TIMESTAMP } from '../../types/sql-type.ts';
import { InMemorySchemaRegistry } from '../in-memory-registry.ts';
import { createKeySerde, createValueSerde } from '../serde-factory.ts';
import { keyCol, keyFormat, utf8, valCol, valueFormat } from '../test-helpers.ts';

const body = (b: Uint8Array | null): string | null =>
  b === null ? null : Buffer.from(b.subarray(5)).toString();
const prefix = (b: Uint8Array | null): string | null =>
  b === null ? null : Buffer.from(b.subarray(0, 5)).toString('hex');

describe('JSON_SR serde', () => {
  it('registers the generated schema and writes the JSON behind its id', async () => {
    const registry = new InMemorySchemaRegistry();
    registry.registerSync('other-value', { schemaType: 'AVRO', schema: '"string"' });
    const columns = [
      valCol('I', INT),
      valCol('D', decimal(6, 4)),
      valCol('T', TIMESTAMP),
      valCol('A', array(INT)),
    ];
    const serde = await createValueSerde(valueFormat('JSON_SR'), columns, {
      topic: 't',
      sourceName: 'T',
      registry,
    });
    const latest = registry.getLatestSync('t-value');
    expect(latest).toMatchObject({ id: 2, schema: { schemaType: 'JSON' } });
    expect(JSON.parse(latest!.schema.schema).properties.D.oneOf[1].title).toBe(
      'org.apache.kafka.connect.data.Decimal',
    );
    const bytes = serde.serialize([-5, new Decimal(100000n, 4), 1000, [1, null]]);
    expect(prefix(bytes)).toBe('0000000002');
    expect(body(bytes)).toBe('{"I":-5,"D":10.0000,"T":1000,"A":[1,null]}');
    expect(serde.deserialize(bytes)).toEqual([-5, new Decimal(100000n, 4), 1000, [1, null]]);
  });

  it('reads with the plain JSON coercions and case-insensitive names, ignoring the id', async () => {
    const registry = new InMemorySchemaRegistry();
    const columns = [valCol('V', BIGINT), valCol('S', struct([{ name: 'F0', type: STRING }]))];
    const serde = await createValueSerde(valueFormat('JSON_SR'), columns, {
      topic: 't',
      sourceName: 'T',
      registry,
    });
    const framed = new Uint8Array([0, 0, 0, 0, 99, ...utf8('{"v":"12","s":{"f0":"bob"}}')]);
    expect(serde.deserialize(framed)).toEqual([12n, new Struct(['F0'], ['bob'])]);
  });

  it('fails on records without the magic byte with ksqlDB message', async () => {
    const registry = new InMemorySchemaRegistry();
    const serde = await createValueSerde(valueFormat('JSON_SR'), [valCol('V', INT)], {
      topic: 't',
      sourceName: 'T',
      registry,
    });
    expect(() => serde.deserialize(utf8('{"V":1}'))).toThrow(KsqlSerdeError);
    expect(() => serde.deserialize(utf8('{"V":1}'))).toThrow('declared with JSON format (not JSON_SR)');
  });

  it('writes a single key unwrapped, its schema the optional column type', async () => {
    const registry = new InMemorySchemaRegistry();
    const serde = await createKeySerde(
      keyFormat('JSON_SR', { features: ['UNWRAP_SINGLES'] }),
      [keyCol('K', INT)],
      { topic: 't', sourceName: 'T', registry },
    );
    expect(registry.getLatestSync('t-key')?.schema.schema).toBe(
      '{"oneOf":[{"type":"null"},{"type":"integer","connect.type":"int32"}]}',
    );
    const bytes = serde.serialize([42]);
    expect(body(bytes)).toBe('42');
    expect(serde.deserialize(bytes).key).toEqual([42]);
  });

  it('writes maps as key/value entry arrays, which the JSON_SR reader rejects as ksqlDB does (ksql#10160)', async () => {
    const registry = new InMemorySchemaRegistry();
    const serde = await createValueSerde(valueFormat('JSON_SR'), [valCol('M', map(STRING, INT))], {
      topic: 't',
      sourceName: 'T',
      registry,
    });
    const bytes = serde.serialize([new Map([['a', 1]])]);
    expect(body(bytes)).toBe('{"M":[{"key":"a","value":1}]}');
    expect(() => serde.deserialize(bytes)).toThrow('sourceType: ArrayNode');
  });

  it('fits rows to the schema of VALUE_SCHEMA_ID: extra optional properties null, names as registered', async () => {
    const registry = new InMemorySchemaRegistry();
    const id = registry.registerSync('sink-value', {
      schemaType: 'JSON',
      schema: '{"type":"object","properties":{"c1":{"type":"integer"},"c2":{"type":"string"}}}',
    });
    const serde = await createValueSerde(
      valueFormat('JSON_SR', { properties: { schemaId: String(id) } }),
      [valCol('c1', BIGINT)],
      { topic: 'sink', sourceName: 'SINK', registry },
    );
    const bytes = serde.serialize([4n]);
    expect(prefix(bytes)).toBe(`000000000${id}`);
    expect(body(bytes)).toBe('{"c1":4,"c2":null}');
  });

  it('fails rows the VALUE_SCHEMA_ID schema cannot hold, with ConnectSRSchemaDataTranslator messages', async () => {
    const registry = new InMemorySchemaRegistry();
    const id = registry.registerSync('sink-value', {
      schemaType: 'JSON',
      schema:
        '{"type":"object","properties":{"c1":{"type":"integer"},"c2":{"type":"string"}},"required":["c2"]}',
    });
    const ctx = { topic: 'sink', sourceName: 'SINK', registry };
    const format = valueFormat('JSON_SR', { properties: { schemaId: String(id) } });
    const missingRequired = await createValueSerde(format, [valCol('c1', BIGINT)], ctx);
    expect(() => missingRequired.serialize([4n])).toThrow('Missing default value for required field: [c2]');
    const extra = await createValueSerde(format, [valCol('c1', BIGINT), valCol('c3', STRING)], ctx);
    expect(() => extra.serialize([4n, 'x'])).toThrow(
      'Schema from Schema Registry misses field with name: c3',
    );
  });
});
