import { describe, expect, it } from 'vitest';
import { KsqlSerdeError, KsqlStatementError } from '../../errors.ts';
import { Decimal } from '../../types/decimal.ts';
import { Struct } from '../../types/struct.ts';
import {
  BIGINT,
  BOOLEAN,
  BYTES,
  DOUBLE,
  INT,
  STRING,
  TIMESTAMP,
  array,
  decimal,
  map,
  struct,
} from '../../types/sql-type.ts';
import { createKeySerde, createValueSerde } from '../serde-factory.ts';
import { keyCol, keyFormat, text, utf8, valCol, valueFormat } from '../test-helpers.ts';

const ctx = { topic: 'input_topic', sourceName: 'INPUT' };

async function valueSerde(cols: Parameters<typeof createValueSerde>[1], unwrapped = false) {
  return createValueSerde(valueFormat('JSON', { features: unwrapped ? ['UNWRAP_SINGLES'] : [] }), cols, ctx);
}

describe('JSON format', () => {
  it('reads fields case-insensitively and writes exact column names', async () => {
    const serde = await valueSerde([valCol('FOO', INT), valCol('bar', STRING)]);
    expect(serde.deserialize(utf8('{"foo": 10, "bar": "x"}'))).toEqual([10, 'x']);
    expect(serde.deserialize(utf8('{"FOO": 10, "BAR": "x"}'))).toEqual([10, null]);
    expect(text(serde.serialize([10, 'x']))).toBe('{"FOO":10,"bar":"x"}');
  });

  it('keeps BIGINT and DECIMAL precision (lossless numbers)', async () => {
    const serde = await valueSerde([valCol('B', BIGINT), valCol('D', decimal(33, 16))]);
    const row = serde.deserialize(utf8('{"B": 998877665544332211, "D": 12345678987654321.2345678987654321}'));
    expect(row).toEqual([998877665544332211n, Decimal.parse('12345678987654321.2345678987654321')]);
    expect(text(serde.serialize(row))).toBe(
      '{"B":998877665544332211,"D":12345678987654321.2345678987654321}',
    );
  });

  it('fits decimals to the column scale and rejects overflow', async () => {
    const serde = await valueSerde([valCol('V', decimal(4, 2))], true);
    expect(serde.deserialize(utf8('10.1'))).toEqual([new Decimal(1010n, 2)]);
    expect(text(serde.serialize([new Decimal(1010n, 2)]))).toBe('10.10');
    expect(serde.deserialize(utf8('"10.1"'))).toEqual([new Decimal(1010n, 2)]);
    expect(() => serde.deserialize(utf8('100.1'))).toThrow(/Numeric field overflow/);
    expect(() => serde.deserialize(utf8('1.001'))).toThrow(/without rounding/);
  });

  it('unwraps single values on request (json.json "anonymous")', async () => {
    const serde = await valueSerde([valCol('V', BOOLEAN)], true);
    expect(serde.deserialize(utf8('true'))).toEqual([true]);
    expect(text(serde.serialize([false]))).toBe('false');
    expect(serde.serialize([null])).toBeNull();
    expect(serde.deserialize(null)).toBeNull();
  });

  it("applies the deserializer's coercions", async () => {
    const serde = await valueSerde([
      valCol('I', INT),
      valCol('L', BIGINT),
      valCol('D', DOUBLE),
      valCol('S', STRING),
    ]);
    expect(serde.deserialize(utf8('{"I": "12", "L": "10", "D": "1.5", "S": 7}'))).toEqual([
      12,
      10n,
      1.5,
      '7',
    ]);
    expect(serde.deserialize(utf8('{"I": 1.9, "L": 3, "D": 2, "S": {"a": 1}}'))).toEqual([
      1,
      3n,
      2,
      '{"a":1}',
    ]);
    const arr = await valueSerde([valCol('FOO', array(STRING))], true);
    expect(arr.deserialize(utf8('[1, 2, 3]'))).toEqual([['1', '2', '3']]);
    expect(() => serde.deserialize(utf8('{"I": true}'))).toThrow(
      "Can't convert type. sourceType: BooleanNode, requiredType: INTEGER, path: $.I",
    );
    expect(() => serde.deserialize(utf8('{"I": "x"}'))).toThrow(
      "Can't coerce string to type. targetType: INTEGER",
    );
    expect(() => serde.deserialize(utf8('{"I": "x"}'))).toThrow(KsqlSerdeError);
  });

  it('round trips maps, structs, arrays, bytes and timestamps', async () => {
    const t = struct([
      { name: 'A', type: DOUBLE },
      { name: 'M', type: map(STRING, BIGINT) },
    ]);
    const serde = await valueSerde([
      valCol('S', t),
      valCol('B', BYTES),
      valCol('TS', TIMESTAMP),
      valCol('X', array(INT)),
    ]);
    const row = serde.deserialize(
      utf8('{"s": {"a": 45.67, "m": {"k": 1}}, "b": "YQ==", "ts": 10, "x": [1, null]}'),
    );
    expect(row).toEqual([
      new Struct(['A', 'M'], [45.67, new Map([['k', 1n]])]),
      new Uint8Array([0x61]),
      10,
      [1, null],
    ]);
    expect(text(serde.serialize(row))).toBe('{"S":{"A":45.67,"M":{"k":1}},"B":"YQ==","TS":10,"X":[1,null]}');
  });

  it('writes doubles with a fraction like Jackson', async () => {
    const serde = await valueSerde([valCol('D', DOUBLE)]);
    expect(text(serde.serialize([10]))).toBe('{"D":10.0}');
    expect(text(serde.serialize([NaN]))).toBe('{"D":"NaN"}');
    // average-udaf.json "average long": Jackson prints Java 17's Double.toString (not the shortest digits).
    expect(text(serde.serialize([4.611686018427388e18]))).toBe('{"D":4.6116860184273879E18}');
    expect(text(serde.serialize([0.0001]))).toBe('{"D":1.0E-4}');
  });

  it('keys: single column unwrapped, several as an object, null key as null bytes', async () => {
    const single = await createKeySerde(keyFormat('JSON'), [keyCol('K', STRING)], ctx);
    expect(text(single.serialize(['Hey']))).toBe('"Hey"');
    expect(single.deserialize(utf8('"Hey"')).key).toEqual(['Hey']);
    expect(single.serialize([null])).toBeNull();
    expect(single.deserialize(null).key).toEqual([null]);
    const multi = await createKeySerde(keyFormat('JSON'), [keyCol('K1', STRING), keyCol('K2', INT)], ctx);
    expect(text(multi.serialize(['foo', 1]))).toBe('{"K1":"foo","K2":1}');
    expect(multi.deserialize(utf8('{"k1":"foo","K2":1}')).key).toEqual(['foo', 1]);
    // delimited.json "multi-column key": a null key read back stays a null key.
    expect(multi.serialize([null, null])).toBeNull();
    expect(text(multi.serialize([null, 1]))).toBe('{"K1":null,"K2":1}');
    const structKey = await createKeySerde(
      keyFormat('JSON'),
      [keyCol('K', struct([{ name: 'F', type: DOUBLE }]))],
      ctx,
    );
    expect(structKey.deserialize(utf8('{"f": 45.67}')).key).toEqual([new Struct(['F'], [45.67])]);
  });

  it('rejects map keys and non-string map keys (json.json)', async () => {
    await expect(createKeySerde(keyFormat('JSON'), [keyCol('K', map(INT, DOUBLE))], ctx)).rejects.toThrow(
      'Map keys, including types that contain maps, are not supported as they may lead to unexpected behavior due to inconsistent serialization. Key column name: `K`. Column type: MAP<INTEGER, DOUBLE>. See https://github.com/confluentinc/ksql/issues/6621 for more.',
    );
    await expect(valueSerde([valCol('V', map(INT, DOUBLE))])).rejects.toThrow(KsqlStatementError);
    await expect(valueSerde([valCol('V', map(INT, DOUBLE))])).rejects.toThrow(
      'JSON only supports MAP types with STRING keys',
    );
  });
});
