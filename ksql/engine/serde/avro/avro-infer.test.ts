import { describe, expect, it } from 'vitest';
import { KsqlStatementError } from '../../errors.ts';
import { formatSqlType } from '../../types/sql-type.ts';
import { inferColumnsFromAvro } from './avro-infer.ts';

function printed(schema: unknown, target: 'KEY' | 'VALUE' = 'VALUE', unwrapped = false): string {
  return inferColumnsFromAvro(JSON.stringify(schema), target, unwrapped)
    .map((c) => `${c.name} ${formatSqlType(c.type)}${c.namespace === 'KEY' ? ' KEY' : ''}`)
    .join(', ');
}

describe('Avro schema inference (reference e.9, avro.json)', () => {
  it('"should support primitives": field names upper-cased', () => {
    const schema = {
      name: 'blah',
      type: 'record',
      fields: [
        { name: 'c1', type: 'boolean' },
        { name: 'c2', type: 'int' },
        { name: 'c3', type: 'long' },
        { name: 'c4', type: 'double' },
        { name: 'c5', type: 'string' },
      ],
    };
    expect(printed(schema)).toBe('C1 BOOLEAN, C2 INTEGER, C3 BIGINT, C4 DOUBLE, C5 STRING');
  });

  it('arrays, maps (native and Connect MapEntry), logical types, nested records', () => {
    expect(
      printed({
        name: 'b',
        type: 'record',
        fields: [{ name: 'c1', type: { type: 'array', items: 'string' } }],
      }),
    ).toBe('C1 ARRAY<STRING>');
    expect(
      printed({ name: 'b', type: 'record', fields: [{ name: 'c1', type: { type: 'map', values: 'long' } }] }),
    ).toBe('C1 MAP<STRING, BIGINT>');
    const connectMap = {
      type: 'array',
      items: {
        type: 'record',
        name: 'E',
        fields: [
          { name: 'key', type: ['null', 'string'] },
          { name: 'value', type: ['null', 'int'] },
        ],
        'connect.internal.type': 'MapEntry',
      },
    };
    expect(printed({ name: 'b', type: 'record', fields: [{ name: 'm', type: ['null', connectMap] }] })).toBe(
      'M MAP<STRING, INTEGER>',
    );
    const logical = {
      name: 'b',
      type: 'record',
      fields: [
        { name: 'ts', type: { type: 'long', logicalType: 'timestamp-millis' } },
        { name: 'd', type: { type: 'int', logicalType: 'date' } },
        { name: 't', type: { type: 'int', logicalType: 'time-millis' } },
        { name: 'dec', type: { type: 'bytes', logicalType: 'decimal', scale: 2 } },
        { name: 'f', type: 'float' },
        { name: 'e', type: { type: 'enum', name: 'E', symbols: ['A'] } },
        { name: 's', type: { type: 'record', name: 'inner', fields: [{ name: 'x', type: 'int' }] } },
        { name: 'fx', type: { type: 'fixed', name: 'md5', size: 16 } },
        { name: 'u', type: ['null', 'int', 'string'] },
      ],
    };
    expect(printed(logical)).toBe(
      'TS TIMESTAMP, D DATE, T TIME, DEC DECIMAL(64, 2), F DOUBLE, E STRING, S STRUCT<`X` INTEGER>, FX BYTES',
    );
  });

  it('keys become ROWKEY; anonymous values ROWVAL', () => {
    expect(printed({ type: 'int' }, 'KEY')).toBe('ROWKEY INTEGER KEY');
    expect(printed({ type: 'bytes', logicalType: 'decimal', precision: 4, scale: 2 }, 'KEY')).toBe(
      'ROWKEY DECIMAL(4, 2) KEY',
    );
    expect(
      printed(
        {
          type: 'record',
          name: 'most_recent_key_schema_at_SR',
          fields: [
            { name: 'K', type: ['null', 'int'] },
            { name: 'K2', type: ['null', 'int'] },
          ],
        },
        'KEY',
      ),
    ).toBe('ROWKEY STRUCT<`K` INTEGER, `K2` INTEGER> KEY');
    expect(printed('int', 'VALUE', true)).toBe('ROWVAL INTEGER');
    expect(
      printed({ type: 'record', name: 'r', fields: [{ name: 'F0', type: ['null', 'int'] }] }, 'VALUE', true),
    ).toBe('ROWVAL STRUCT<`F0` INTEGER>');
  });

  it('rejects a record without supported fields', () => {
    expect(() => printed({ type: 'record', name: 'r', fields: [{ name: 'n', type: 'null' }] })).toThrow(
      KsqlStatementError,
    );
  });
});
