import { describe, expect, it } from 'vitest';
import type { Column } from '../../schema/logical-schema.ts';
import { BIGINT, BOOLEAN, DOUBLE, INT, STRING, TIMESTAMP, type SqlType } from '../../types/sql-type.ts';
import type { AvroSchema } from './avro-schema-gen.ts';
import { AvroNames } from './avro-schema-walk.ts';
import { toStruct } from './avro-to-value.ts';
import { AvroReadAbort } from './avro-byte-reader.ts';
import { avscType } from './avsc-type.ts';
import { compileRowReader } from './compile-row-reader.ts';

const col = (name: string, type: SqlType): Column => ({ name, type, namespace: 'VALUE' });

/** The reference: avsc with the writer schema, then toStruct into the columns. */
function viaAvsc(schema: AvroSchema, columns: readonly Column[], body: Buffer): unknown[] {
  const names = new AvroNames(schema);
  const decoded = avscType(schema).fromBuffer(body) as Record<string, unknown>;
  return toStruct(decoded, names.resolve(schema), names, columns, '$').values;
}

function compiled(schema: AvroSchema, columns: readonly Column[]): (body: Buffer) => unknown[] {
  const names = new AvroNames(schema);
  const reader = compileRowReader(names.resolve(schema), names, columns);
  if (!reader) throw new Error('expected the schema to compile');
  return reader;
}

const ORDER: AvroSchema = {
  type: 'record',
  name: 'Order',
  fields: [
    { name: 'id', type: 'string' },
    { name: 'ts', type: { type: 'long', logicalType: 'timestamp-millis' } },
    { name: 'price', type: 'long' },
    { name: 'qty', type: 'int' },
    { name: 'ratio', type: 'float' },
    { name: 'score', type: 'double' },
    { name: 'ok', type: 'boolean' },
    { name: 'coupon', type: ['null', 'string'], default: null },
    { name: 'kind', type: { type: 'enum', name: 'Kind', symbols: ['A', 'B'] } },
    { name: 'again', type: ['Kind', 'null'] },
    { name: 'tags', type: { type: 'array', items: 'string' } },
    { name: 'attrs', type: { type: 'map', values: ['null', 'long'] } },
    { name: 'nested', type: { type: 'record', name: 'N', fields: [{ name: 'x', type: 'bytes' }] } },
  ],
};

const COLUMNS = [
  col('ID', STRING),
  col('TS', TIMESTAMP),
  col('PRICE', BIGINT),
  col('QTY', INT),
  col('RATIO', DOUBLE),
  col('SCORE', DOUBLE),
  col('OK', BOOLEAN),
  col('COUPON', STRING),
  col('KIND', STRING),
  col('AGAIN', STRING),
  col('MISSING', STRING),
];

const orderValue = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  id: 'o-1 ☃',
  ts: 1767225600123n,
  price: 129_000n,
  qty: 3,
  ratio: 0.5,
  score: -1.25,
  ok: true,
  coupon: 'WELCOME',
  kind: 'B',
  again: null,
  tags: ['a', 'b'],
  attrs: { k: 7n, z: null },
  nested: { x: Buffer.from([1, 2, 3]) },
  ...over,
});

describe('compileRowReader', () => {
  const type = avscType(ORDER);
  const read = compiled(ORDER, COLUMNS);

  it('reads what avsc + toStruct read, skipping unmapped fields of every kind', () => {
    const body = type.toBuffer(orderValue());
    expect(read(body)).toEqual(viaAvsc(ORDER, COLUMNS, body));
    expect(read(body)).toEqual([
      'o-1 ☃',
      1767225600123,
      129_000n,
      3,
      0.5,
      -1.25,
      true,
      'WELCOME',
      'B',
      null,
      null,
    ]);
  });

  it.each([
    ['zero', 0n],
    ['-1', -1n],
    ['2^48 - 1 (7 varint bytes)', 2n ** 48n - 1n],
    ['-2^48', -(2n ** 48n)],
    ['2^53 + 1 (bigint path)', 2n ** 53n + 1n],
    ['max long', 2n ** 63n - 1n],
    ['min long', -(2n ** 63n)],
  ])('longs: %s, as BIGINT and as TIMESTAMP', (_, v) => {
    const body = type.toBuffer(orderValue({ price: v, ts: v }));
    expect(read(body)).toEqual(viaAvsc(ORDER, COLUMNS, body));
    expect(read(body)[2]).toBe(v);
  });

  it('ints widen to BIGINT and DOUBLE like avroToValue', () => {
    const cols = [col('QTY', BIGINT), col('OK', BOOLEAN), col('SCORE', DOUBLE), col('RATIO', DOUBLE)];
    const body = type.toBuffer(orderValue({ qty: -2147483648 }));
    expect(compiled(ORDER, cols)(body)).toEqual(viaAvsc(ORDER, cols, body));
    expect(compiled(ORDER, cols)(body)[0]).toBe(-2147483648n);
  });

  it('maps fields to columns by exact name first, then case-insensitively', () => {
    const schema: AvroSchema = {
      type: 'record',
      name: 'R',
      fields: [
        { name: 'Id', type: 'int' },
        { name: 'ID', type: 'int' },
        { name: 'name', type: 'string' },
      ],
    };
    const cols = [col('ID', INT), col('Name', STRING)];
    const body = avscType(schema).toBuffer({ Id: 1, ID: 2, name: 'n' });
    expect(compiled(schema, cols)(body)).toEqual([2, 'n']);
    expect(compiled(schema, cols)(body)).toEqual(viaAvsc(schema, cols, body));
  });

  it('leaves conversions it does not compile to avsc', () => {
    const names = new AvroNames(ORDER);
    const node = names.resolve(ORDER);
    expect(compileRowReader(node, names, [col('TAGS', STRING)])).toBeUndefined(); // array → STRING
    expect(compileRowReader(node, names, [col('PRICE', INT)])).toBeUndefined(); // long → INT
    expect(compileRowReader(node, names, [col('ID', BIGINT)])).toBeUndefined(); // string → BIGINT
  });

  it('aborts (avsc decides) on truncated or trailing bytes and bad indexes', () => {
    const body = type.toBuffer(orderValue());
    expect(() => read(body.subarray(0, body.length - 1))).toThrow(AvroReadAbort);
    expect(() => read(Buffer.concat([body, Buffer.from([0])]))).toThrow(AvroReadAbort);
    const schema: AvroSchema = {
      type: 'record',
      name: 'R',
      fields: [
        { name: 'e', type: { type: 'enum', name: 'E', symbols: ['X'] } },
        { name: 'u', type: ['null', 'int'] },
      ],
    };
    const only = (c: Column) => compiled(schema, [c]);
    // enum index 1 (zig-zag 02) of a one-symbol enum, in a read and in a skipped field
    expect(() => only(col('E', STRING))(Buffer.from([2, 0]))).toThrow(AvroReadAbort);
    expect(() => only(col('U', INT))(Buffer.from([2, 0]))).toThrow(AvroReadAbort);
    // union index 2 (zig-zag 04)
    expect(() => only(col('U', INT))(Buffer.from([0, 4, 2]))).toThrow(AvroReadAbort);
    expect(only(col('U', INT))(Buffer.from([0, 2, 2]))).toEqual([1]);
  });
});
