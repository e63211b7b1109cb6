import { describe, expect, it } from 'vitest';
import { Decimal } from '../../types/decimal.ts';
import { Struct } from '../../types/struct.ts';
import {
  BIGINT,
  BOOLEAN,
  BYTES,
  DATE,
  DOUBLE,
  INT,
  STRING,
  TIME,
  TIMESTAMP,
  array,
  decimal,
  map,
  struct,
} from '../../types/sql-type.ts';
import { InMemorySchemaRegistry } from '../in-memory-registry.ts';
import { createKeySerde, createValueSerde } from '../serde-factory.ts';
import { hex, keyCol, keyFormat, valCol, valueFormat } from '../test-helpers.ts';
import { SchemaNotCachedError } from './avro-codec.ts';
import { bigIntToBytes } from './value-to-avro.ts';
import { bytesToBigInt } from './avro-to-value.ts';

describe('AVRO format', () => {
  it('writes the Confluent wire format and registers under <topic>-value', async () => {
    const registry = new InMemorySchemaRegistry();
    const serde = await createValueSerde(valueFormat('AVRO'), [valCol('A', INT), valCol('B', STRING)], {
      topic: 'OUT',
      sourceName: 'OUT',
      registry,
    });
    const bytes = serde.serialize([1, 'x']);
    // magic, id 1, union branch 1 + zigzag(1)=02, union branch 1 + len 1 + 'x'
    expect(hex(bytes)).toBe('00' + '00000001' + '0202' + '020278');
    expect(serde.deserialize(bytes)).toEqual([1, 'x']);
    expect(await registry.listSubjects()).toEqual(['OUT-value']);
  });

  it('round trips every type', async () => {
    const registry = new InMemorySchemaRegistry();
    const s = struct([
      { name: 'F', type: STRING },
      { name: 'N', type: struct([{ name: 'X', type: BIGINT }]) },
    ]);
    const cols = [
      valCol('BO', BOOLEAN),
      valCol('I', INT),
      valCol('L', BIGINT),
      valCol('D', DOUBLE),
      valCol('DEC', decimal(10, 2)),
      valCol('S', STRING),
      valCol('BY', BYTES),
      valCol('TS', TIMESTAMP),
      valCol('DT', DATE),
      valCol('TM', TIME),
      valCol('ARR', array(INT)),
      valCol('M', map(STRING, DOUBLE)),
      valCol('ST', s),
    ];
    const serde = await createValueSerde(valueFormat('AVRO'), cols, {
      topic: 't',
      sourceName: 'T',
      registry,
    });
    const row = [
      true,
      -5,
      9223372036854775807n,
      1.5,
      Decimal.parse('-12.30'),
      'héllo',
      new Uint8Array([0, 255]),
      1700000000123,
      19000,
      3600000,
      [1, null, 3],
      new Map<unknown, unknown>([
        ['a', 1.5],
        ['b', null],
      ]),
      new Struct(['F', 'N'], ['f', new Struct(['X'], [7n])]),
    ];
    expect(serde.deserialize(serde.serialize(row))).toEqual(row);
    expect(serde.deserialize(serde.serialize(cols.map(() => null)))).toEqual(cols.map(() => null));
  });

  it('unwrapped single key: primitive schema; multi-column key: <Sink>Key record', async () => {
    const registry = new InMemorySchemaRegistry();
    const single = await createKeySerde(keyFormat('AVRO'), [keyCol('K', STRING)], {
      topic: 'T',
      sourceName: 'SUSPICIOUS_IPS',
      registry,
    });
    expect(single.deserialize(single.serialize(['1.2.3.4'])).key).toEqual(['1.2.3.4']);
    expect((await registry.getLatest('T-key'))?.schema.schema).toBe('"string"');
    const multi = await createKeySerde(keyFormat('AVRO'), [keyCol('K1', STRING), keyCol('K2', INT)], {
      topic: 'M',
      sourceName: 'SUSPICIOUS_IPS',
      registry,
    });
    expect(multi.deserialize(multi.serialize(['a', 1])).key).toEqual(['a', 1]);
    const schema = JSON.parse((await registry.getLatest('M-key'))!.schema.schema);
    expect(schema.name).toBe('SuspiciousIpsKey');
    expect(schema.namespace).toBe('io.confluent.ksql.avro_schemas');
  });

  it('reads with the writer schema: case-insensitive fields, float→DOUBLE, enum→STRING, int→BIGINT, native maps', async () => {
    const registry = new InMemorySchemaRegistry();
    const writerSchema = {
      type: 'record',
      name: 'blah',
      fields: [
        { name: 'c1', type: 'float' },
        { name: 'c2', type: { type: 'enum', name: 'E', symbols: ['A', 'B'] } },
        { name: 'c3', type: 'int' },
        { name: 'c4', type: { type: 'map', values: 'long' } },
        { name: 'extra', type: 'string' },
      ],
    };
    const id = registry.registerSync('in-value', {
      schemaType: 'AVRO',
      schema: JSON.stringify(writerSchema),
    });
    const avro = await import('avsc');
    const body = avro.default.Type.forSchema(writerSchema as never).toBuffer({
      c1: 1.5,
      c2: 'B',
      c3: 7,
      c4: { k: 3 },
      extra: 'x',
    });
    const bytes = Buffer.concat([Buffer.from([0, 0, 0, 0, id]), body]);
    const serde = await createValueSerde(
      valueFormat('AVRO'),
      [
        valCol('C1', DOUBLE),
        valCol('C2', STRING),
        valCol('C3', BIGINT),
        valCol('C4', map(STRING, BIGINT)),
        valCol('MISSING', INT),
      ],
      { topic: 'in', sourceName: 'IN', registry, registerSchema: false },
    );
    expect(serde.deserialize(bytes)).toEqual([1.5, 'B', 7n, new Map([['k', 3n]]), null]);
  });

  it('decimals use minimal two’s complement bytes', () => {
    for (const v of [0n, 1n, -1n, 127n, 128n, -128n, -129n, 123456789012345678901234567890n]) {
      expect(bytesToBigInt(bigIntToBytes(v))).toBe(v);
    }
    expect(bigIntToBytes(128n).toString('hex')).toBe('0080');
    expect(bigIntToBytes(-128n).toString('hex')).toBe('80');
  });

  it('re-registering the same schema returns the same id', async () => {
    const registry = new InMemorySchemaRegistry();
    const ctx = { topic: 'X', sourceName: 'X', registry };
    await createValueSerde(valueFormat('AVRO'), [valCol('A', INT)], ctx);
    await createValueSerde(valueFormat('AVRO'), [valCol('A', INT)], ctx);
    expect(registry.versions('X-value')).toHaveLength(1);
    await createValueSerde(valueFormat('AVRO'), [valCol('B', INT)], ctx);
    expect(registry.versions('X-value').map((v) => v.id)).toEqual([1, 2]);
  });

  it('registerSchema modes: always, if-absent, never', async () => {
    const registry = new InMemorySchemaRegistry();
    const existing = registry.registerSync('src-value', {
      schemaType: 'AVRO',
      schema: JSON.stringify({ type: 'record', name: 'r', fields: [{ name: 'a', type: 'int' }] }),
    });
    const cols = [valCol('A', INT)];
    const ifAbsent = await createValueSerde(valueFormat('AVRO'), cols, {
      topic: 'src',
      sourceName: 'SRC',
      registry,
      registerSchema: 'if-absent',
    });
    expect(ifAbsent.serialize([7])?.[4]).toBe(existing);
    expect(registry.versions('src-value')).toHaveLength(1);
    const never = await createValueSerde(valueFormat('AVRO'), cols, {
      topic: 'src',
      sourceName: 'SRC',
      registry,
      registerSchema: false,
    });
    expect(never.deserialize(never.serialize([7]))).toEqual([7]);
    const fresh = await createValueSerde(valueFormat('AVRO'), cols, {
      topic: 'new',
      sourceName: 'NEW',
      registry,
      registerSchema: 'if-absent',
    });
    expect(fresh.serialize([1])?.[4]).toBe(existing + 1);
    await createValueSerde(valueFormat('AVRO'), cols, { topic: 'src', sourceName: 'SRC', registry });
    expect(registry.versions('src-value')).toHaveLength(2);
  });

  it('reports a schema id the client has not loaded as SchemaNotCachedError', async () => {
    const registry = new InMemorySchemaRegistry();
    const serde = await createValueSerde(valueFormat('AVRO'), [valCol('A', INT)], {
      topic: 'x',
      sourceName: 'X',
      registry,
    });
    const bytes = new Uint8Array([0, 0, 0, 0, 99, 2]);
    expect(() => serde.deserialize(bytes)).toThrow(SchemaNotCachedError);
    try {
      serde.deserialize(bytes);
    } catch (e) {
      expect((e as SchemaNotCachedError).schemaId).toBe(99);
    }
  });
});
