import { describe, expect, it } from 'vitest';
import { KsqlSerdeError, KsqlStatementError } from '../../errors.ts';
import { Decimal } from '../../types/decimal.ts';
import { BIGINT, INT, STRING, decimal, map } from '../../types/sql-type.ts';
import { InMemorySchemaRegistry } from '../in-memory-registry.ts';
import { createValueSerde } from '../serde-factory.ts';
import { valCol, valueFormat } from '../test-helpers.ts';
import { inferColumnsFromAvro } from './avro-infer.ts';
import { checkSchemaIdColumns } from './schema-id-check.ts';
import { decodeAvroRecord } from './decode-avro-record.ts';

const schema = (fields: unknown[]) => JSON.stringify({ name: 'blah', type: 'record', fields });

describe('KEY_/VALUE_SCHEMA_ID (elements.json "... schema id in csas")', () => {
  it('accepts a registered schema that starts with the sink columns', () => {
    const cols = [valCol('c1', INT)];
    expect(() => checkSchemaIdColumns(cols, schema([{ name: 'c1', type: 'int' }]), 'VALUE')).not.toThrow();
    expect(() =>
      checkSchemaIdColumns(
        cols,
        schema([
          { name: 'c1', type: 'int' },
          { name: 'c2', type: ['null', 'int'], default: null },
        ]),
        'VALUE',
      ),
    ).not.toThrow();
  });

  it('reports changed, missing or reordered columns with ksqlDB wording', () => {
    const cols = [valCol('c1', INT)];
    expect(() =>
      checkSchemaIdColumns(
        cols,
        schema([
          { name: 'c1', type: 'string' },
          { name: 'c2', type: 'double' },
        ]),
        'VALUE',
      ),
    ).toThrow(
      new KsqlStatementError(
        'The following value columns are changed, missing or reordered: [`c1` INTEGER]. Schema from schema registry is [`c1` STRING, `c2` DOUBLE]',
      ),
    );
    expect(() =>
      checkSchemaIdColumns(
        cols,
        schema([
          { name: 'c2', type: 'double' },
          { name: 'c1', type: 'int' },
        ]),
        'VALUE',
      ),
    ).toThrow('Schema from schema registry is [`c2` DOUBLE, `c1` INTEGER]');
  });

  it('infers original field names for schema ids', () => {
    expect(
      inferColumnsFromAvro(schema([{ name: 'c1', type: 'int' }]), 'VALUE', { originalFieldNames: true })[0]
        ?.name,
    ).toBe('c1');
    expect(inferColumnsFromAvro('int', 'VALUE', true)).toEqual([
      { name: 'ROWVAL', type: INT, namespace: 'VALUE' },
    ]);
  });

  it('writes with the registered schema: optional extra fields null, defaults filled, required ones fail', async () => {
    const registry = new InMemorySchemaRegistry();
    const ok = registry.registerSync('OUTPUT-value', {
      schemaType: 'AVRO',
      schema: schema([
        { name: 'c1', type: 'int' },
        { name: 'c2', type: 'int', default: 100 },
      ]),
    });
    const serde = await createValueSerde(
      valueFormat('AVRO', { properties: { schemaId: String(ok) } }),
      [valCol('c1', INT)],
      {
        topic: 'OUTPUT',
        sourceName: 'OUTPUT',
        registry,
      },
    );
    const bytes = serde.serialize([4]);
    expect(bytes?.[4]).toBe(ok);
    expect(serde.deserialize(bytes)).toEqual([4]);
    // null for a non-nullable field with a default writes the default
    const withDefault = registry.registerSync('OUTPUT3-value', {
      schemaType: 'AVRO',
      schema: schema([{ name: 'c1', type: 'int', default: 0 }]),
    });
    const defaulting = await createValueSerde(
      valueFormat('AVRO', { properties: { schemaId: String(withDefault) } }),
      [valCol('c1', INT)],
      { topic: 'OUTPUT3', sourceName: 'OUTPUT3', registry },
    );
    expect(defaulting.deserialize(defaulting.serialize([null]))).toEqual([0]);

    const required = registry.registerSync('OUTPUT2-value', {
      schemaType: 'AVRO',
      schema: schema([
        { name: 'c1', type: 'int' },
        { name: 'c2', type: 'double' },
      ]),
    });
    const failing = await createValueSerde(
      valueFormat('AVRO', { properties: { schemaId: String(required) } }),
      [valCol('c1', INT)],
      {
        topic: 'OUTPUT2',
        sourceName: 'OUTPUT2',
        registry,
      },
    );
    expect(() => failing.serialize([4])).toThrow(KsqlSerdeError);
  });
});

describe('decodeAvroRecord', () => {
  it('returns every field the writer wrote, defaults included', async () => {
    const registry = new InMemorySchemaRegistry();
    const id = registry.registerSync('OUT-value', {
      schemaType: 'AVRO',
      schema: JSON.stringify({
        name: 'blah',
        type: 'record',
        fields: [
          { name: 'c1', type: 'int' },
          { name: 'c2', type: 'int', default: 100 },
          { name: 'c3', type: ['null', 'long'], default: null },
        ],
      }),
    });
    const serde = await createValueSerde(
      valueFormat('AVRO', { properties: { schemaId: String(id) } }),
      [valCol('c1', INT)],
      {
        topic: 'OUT',
        sourceName: 'OUT',
        registry,
      },
    );
    expect(decodeAvroRecord(serde.serialize([4])!, registry)).toEqual({
      schemaId: id,
      value: { c1: 4, c2: 100, c3: null },
    });
  });

  it('turns Connect map entries and decimals into plain values', async () => {
    const registry = new InMemorySchemaRegistry();
    const serde = await createValueSerde(
      valueFormat('AVRO'),
      [valCol('M', map(STRING, BIGINT)), valCol('D', decimal(4, 2))],
      { topic: 'T', sourceName: 'T', registry },
    );
    const bytes = serde.serialize([new Map([['a', 1n]]), new Decimal(1050n, 2)])!;
    expect(decodeAvroRecord(bytes, registry).value).toEqual({ M: { a: 1n }, D: new Decimal(1050n, 2) });
  });
});
