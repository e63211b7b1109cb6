/**
 * The engine's AVRO serde against a real Confluent-compatible registry (Apicurio's ccompat API
 * started by `npm run infra -- up`): ksqlDB-named schemas register, our bytes decode with
 * Confluent's own AvroDeserializer, and a fresh client resolves writer schemas by id.
 */
import { randomUUID } from 'node:crypto';
import {
  AvroDeserializer,
  SchemaRegistryClient,
  SerdeType,
  SubjectNameStrategyType,
} from '@confluentinc/schemaregistry';
import { describe, expect, it } from 'vitest';
import { serviceSettings } from '../../../infra/settings.ts';
import { Decimal } from '../types/decimal.ts';
import { BIGINT, STRING, TIMESTAMP, decimal } from '../types/sql-type.ts';
import { HttpSchemaRegistry } from './http-registry.ts';
import { createValueSerde } from './serde-factory.ts';
import { valCol, valueFormat } from './test-helpers.ts';

const settings = serviceSettings();
const run = randomUUID().slice(0, 8);

describe('HttpSchemaRegistry', () => {
  const cols = [
    valCol('IP', STRING),
    valCol('CNT', BIGINT),
    valCol('AMOUNT', decimal(12, 0)),
    valCol('TS', TIMESTAMP),
  ];
  const topic = `serde-it-${run}`;

  it('registers ksqlDB-named schemas and round trips through a fresh client', async () => {
    const writerRegistry = new HttpSchemaRegistry({ url: settings.schemaRegistryUrl });
    const writer = await createValueSerde(valueFormat('AVRO'), cols, {
      topic,
      sourceName: 'SINK',
      registry: writerRegistry,
    });
    const row = ['1.2.3.4', 10n, new Decimal(500000n, 0), 1700000000000];
    const bytes = writer.serialize(row);
    expect(await writerRegistry.listSubjects()).toContain(`${topic}-value`);
    const latest = await writerRegistry.getLatest(`${topic}-value`);
    expect(JSON.parse(latest!.schema.schema).name).toBe('KsqlDataSourceSchema');

    const readerRegistry = new HttpSchemaRegistry({ url: settings.schemaRegistryUrl });
    const reader = await createValueSerde(valueFormat('AVRO'), cols, {
      topic,
      sourceName: 'SINK',
      registry: readerRegistry,
      registerSchema: false,
    });
    expect(reader.deserialize(bytes)).toEqual(row);

    const confluent = new SchemaRegistryClient({
      baseURLs: [settings.schemaRegistryUrl],
      createAxiosDefaults: { timeout: 15_000 },
    });
    const decoded = await new AvroDeserializer(confluent, SerdeType.VALUE, {
      subjectNameStrategyType: SubjectNameStrategyType.TOPIC,
    }).deserialize(topic, Buffer.from(bytes!));
    expect(decoded.IP).toBe('1.2.3.4');
    expect(Number(decoded.CNT)).toBe(10);
  });

  it('reports a missing subject as undefined', async () => {
    const registry = new HttpSchemaRegistry({ url: settings.schemaRegistryUrl });
    expect(await registry.getLatest(`missing-${run}-value`)).toBeUndefined();
  });

  it('prefetches older versions of a subject so their records stay readable', async () => {
    const subjectTopic = `serde-it-versions-${run}`;
    const confluent = new SchemaRegistryClient({
      baseURLs: [settings.schemaRegistryUrl],
      createAxiosDefaults: { timeout: 15_000 },
    });
    const v1 = { type: 'record', name: 'V', fields: [{ name: 'A', type: 'int' }] };
    const v2 = {
      type: 'record',
      name: 'V',
      fields: [
        { name: 'A', type: 'int' },
        { name: 'B', type: ['null', 'string'], default: null },
      ],
    };
    const id1 = await confluent.register(`${subjectTopic}-value`, {
      schemaType: 'AVRO',
      schema: JSON.stringify(v1),
    });
    await confluent.register(`${subjectTopic}-value`, { schemaType: 'AVRO', schema: JSON.stringify(v2) });
    const avro = (await import('avsc')).default;
    const body = avro.Type.forSchema(v1 as never).toBuffer({ A: 5 });
    const header = Buffer.alloc(5);
    header.writeInt32BE(id1, 1);
    const registry = new HttpSchemaRegistry({ url: settings.schemaRegistryUrl });
    const serde = await createValueSerde(valueFormat('AVRO'), [valCol('A', BIGINT)], {
      topic: subjectTopic,
      sourceName: 'SRC',
      registry,
      registerSchema: false,
    });
    expect(serde.deserialize(Buffer.concat([header, body]))).toEqual([5n]);
  });
});
