import avro from 'avsc';
import { describe, expect, it } from 'vitest';
import { InMemorySchemaRegistry } from '../serde/in-memory-registry.ts';
import { Decimal } from '../types/decimal.ts';
import { formatActual } from './actual-value.ts';
import { decodeAvro } from './avro-spec.ts';
import { jsonActual, unwrapWindow, wrapWindow } from './record-codec.ts';

describe('windowed keys (Kafka Streams layout)', () => {
  it('appends the start for time windows and end then start for sessions', () => {
    const inner = new Uint8Array([1, 2]);
    const time = wrapWindow(inner, { start: 30000, end: 60000, type: 'time' });
    expect(Buffer.from(time).toString('hex')).toBe('01020000000000007530');
    const session = wrapWindow(inner, { start: 5, end: 9, type: 'session' });
    expect(Buffer.from(session).toString('hex')).toBe('010200000000000000090000000000000005');
    expect(unwrapWindow(session, 'session')).toEqual({
      inner: new Uint8Array([1, 2]),
      window: { start: 5, end: 9, type: 'session' },
    });
    expect(unwrapWindow(wrapWindow(null, { start: 7, end: 7, type: 'time' }), 'time').inner).toBeNull();
    expect(() => unwrapWindow(new Uint8Array(3), 'time')).toThrow(/shorter/);
  });
});

describe('JSON outputs as ValueSpecJsonSerdeSupplier reads them', () => {
  it('reads integers as Long, floats as BigDecimal keeping the written scale', () => {
    const v = jsonActual(
      new TextEncoder().encode('{"A":1,"B":12.30,"C":[9223372036854775807,null],"D":{"x":true}}'),
    );
    expect(formatActual(v)).toBe('{"A":1,"B":12.30,"C":[9223372036854775807,null],"D":{"x":true}}');
    const m = v as Map<string, unknown>;
    expect(m.get('B')).toEqual(Decimal.parse('12.30'));
  });
});

describe('Avro outputs decoded with the writer schema', () => {
  it('reads records, MapEntry arrays as maps, decimals, longs and bytes', async () => {
    const registry = new InMemorySchemaRegistry();
    const schema = {
      type: 'record',
      name: 'KsqlDataSourceSchema',
      namespace: 'io.confluent.ksql.avro_schemas',
      fields: [
        { name: 'L', type: ['null', 'long'], default: null },
        {
          name: 'D',
          type: ['null', { type: 'bytes', logicalType: 'decimal', precision: 4, scale: 2 }],
          default: null,
        },
        { name: 'B', type: ['null', 'bytes'], default: null },
        {
          name: 'M',
          type: [
            'null',
            {
              type: 'array',
              items: {
                type: 'record',
                name: 'KsqlDataSourceSchema_M',
                fields: [
                  { name: 'key', type: ['null', 'string'], default: null },
                  { name: 'value', type: ['null', 'int'], default: null },
                ],
                'connect.internal.type': 'MapEntry',
              },
            },
          ],
          default: null,
        },
      ],
    };
    const id = await registry.register('t-value', { schemaType: 'AVRO', schema: JSON.stringify(schema) });
    const type = avro.Type.forSchema(schema as avro.Schema);
    const payload = type.toBuffer({
      L: 5,
      D: Buffer.from([0x04, 0xd2]), // 1234 unscaled → 12.34
      B: Buffer.from('!'),
      M: [{ key: 'a', value: 1 }],
    });
    const framed = Buffer.concat([Buffer.from([0, 0, 0, 0, id]), payload]);
    expect(formatActual(decodeAvro(framed, registry))).toBe('{"L":5,"D":12.34,"B":"IQ==","M":{"a":1}}');
    expect(() => decodeAvro(Buffer.from([1, 0, 0, 0, 1]), registry)).toThrow(/magic/);
  });
});

import { kafkaActual } from './record-codec.ts';

describe('KAFKA outputs as KafkaSerdeSupplier reads them', () => {
  const col = (kind: 'INT' | 'BIGINT' | 'DOUBLE' | 'STRING' | 'BOOLEAN') => [
    { name: 'K', type: { kind }, namespace: 'KEY' as const },
  ];
  it('reads big-endian INT/BIGINT/DOUBLE and UTF-8 strings, rejecting wrong sizes', () => {
    expect(kafkaActual(Buffer.from('00000007', 'hex'), col('INT'))).toBe(7n);
    expect(kafkaActual(Buffer.from('ffffffffffffffff', 'hex'), col('BIGINT'))).toBe(-1n);
    expect(kafkaActual(Buffer.from('3ff8000000000000', 'hex'), col('DOUBLE'))).toBe(1.5);
    expect(kafkaActual(Buffer.from('héllo'), col('STRING'))).toBe('héllo');
    expect(() => kafkaActual(Buffer.from('0007', 'hex'), col('INT'))).toThrow(/4 bytes/);
    expect(kafkaActual(Buffer.from('01', 'hex'), col('BOOLEAN'))).toBeUndefined();
  });
});

import { encodeAvro } from './avro-spec.ts';
import { parseJson } from './json.ts';

describe('Avro inputs written with the subject latest schema', () => {
  it('matches fields case-insensitively, rescales decimals, writes maps as MapEntry arrays', async () => {
    const registry = new InMemorySchemaRegistry();
    const schema = {
      type: 'record',
      name: 'S',
      fields: [
        { name: 'ID', type: ['null', 'long'], default: null },
        {
          name: 'D',
          type: ['null', { type: 'bytes', logicalType: 'decimal', precision: 4, scale: 2 }],
          default: null,
        },
        {
          name: 'M',
          type: [
            'null',
            {
              type: 'array',
              items: {
                type: 'record',
                name: 'S_M',
                'connect.internal.type': 'MapEntry',
                fields: [
                  { name: 'key', type: ['null', 'string'], default: null },
                  { name: 'value', type: ['null', 'int'], default: null },
                ],
              },
            },
          ],
          default: null,
        },
        { name: 'MISSING', type: ['null', 'string'], default: null },
      ],
    };
    await registry.register('t-value', { schemaType: 'AVRO', schema: JSON.stringify(schema) });
    const bytes = await encodeAvro(
      parseJson('{"id": 9223372036854775807, "d": 1.5, "m": {"a": 1}}'),
      't-value',
      registry,
    );
    expect(formatActual(decodeAvro(bytes!, registry))).toBe(
      '{"ID":9223372036854775807,"D":1.50,"M":{"a":1},"MISSING":null}',
    );
    expect(await encodeAvro(parseJson('1'), 'other-value', registry)).toBeUndefined();
  });
});
