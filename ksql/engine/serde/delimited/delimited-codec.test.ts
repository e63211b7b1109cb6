import { describe, expect, it } from 'vitest';
import { KsqlSerdeError, KsqlStatementError } from '../../errors.ts';
import { Decimal } from '../../types/decimal.ts';
import { BIGINT, BOOLEAN, DOUBLE, INT, STRING, array, decimal } from '../../types/sql-type.ts';
import { createKeySerde, createValueSerde } from '../serde-factory.ts';
import { keyCol, keyFormat, text, utf8, valCol, valueFormat } from '../test-helpers.ts';
import { parseCsvRecord } from './csv.ts';

const ctx = { topic: 'test_topic', sourceName: 'TEST' };
const cols = [valCol('ID', BIGINT), valCol('NAME', STRING), valCol('VALUE', INT)];

describe('DELIMITED format', () => {
  it('round trips a CSV row (delimited.json "select delimited value_format")', async () => {
    const serde = await createValueSerde(valueFormat('DELIMITED'), cols, ctx);
    const row = serde.deserialize(utf8('0,zero,0'));
    expect(row).toEqual([0n, 'zero', 0]);
    expect(text(serde.serialize(row))).toBe('0,zero,0');
  });

  it('supports named and custom delimiters', async () => {
    for (const [prop, sep] of [
      ['TAB', '\t'],
      ['SPACE', ' '],
      ['|', '|'],
      ['$', '$'],
    ] as const) {
      const serde = await createValueSerde(
        valueFormat('DELIMITED', { properties: { delimiter: prop } }),
        cols,
        ctx,
      );
      expect(serde.deserialize(utf8(`100${sep}100${sep}500`))).toEqual([100n, '100', 500]);
      expect(text(serde.serialize([100n, '100', 500]))).toBe(`100${sep}100${sep}500`);
    }
  });

  it('validates delimiters with ksqlDB messages', async () => {
    const make = (d: string) =>
      createValueSerde(valueFormat('DELIMITED', { properties: { delimiter: d } }), cols, ctx);
    await expect(make('<~>')).rejects.toThrow(
      "Invalid delimiter value: '<~>'. Delimiter must be a single character or TAB,SPACE",
    );
    await expect(make(' ')).rejects.toThrow('Delimiter cannot be empty');
    await expect(make('')).rejects.toThrow(KsqlStatementError);
  });

  it('reads empty fields as null and writes nulls as empty fields (project-filter.json)', async () => {
    const three = await createValueSerde(
      valueFormat('DELIMITED'),
      [valCol('A', INT), valCol('B', INT), valCol('C', STRING)],
      ctx,
    );
    expect(three.deserialize(utf8(',456,foo'))).toEqual([null, 456, 'foo']);
    expect(three.deserialize(utf8('0,,'))).toEqual([0, null, null]);
    expect(text(three.serialize([null, 1, 'bar']))).toBe(',1,bar');
    expect(text(three.serialize([null, null, null]))).toBe(',,');
  });

  it('quotes like Commons CSV MINIMAL mode', async () => {
    const strings = await createValueSerde(
      valueFormat('DELIMITED'),
      [valCol('A', STRING), valCol('B', STRING), valCol('C', STRING), valCol('D', STRING)],
      ctx,
    );
    // string.json: leading whitespace quoted, a value with a quote escaped, trailing empty bare.
    expect(
      text(
        strings.serialize([
          ' \t with white space \t',
          ' \t WITH WHITE SPACE \t',
          'with white space',
          '\t wit',
        ]),
      ),
    ).toBe('" \t with white space \t"," \t WITH WHITE SPACE \t",with white space,"\t wit"');
    expect(text(strings.serialize(['s', 'a"b', 'c,d', '']))).toBe('s,"a""b","c,d",');
    expect(strings.deserialize(utf8('"a""b","c,d",x,'))).toEqual(['a"b', 'c,d', 'x', null]);
  });

  it('writes decimals at their scale; a leading minus of the first field is quoted ("read written decimals")', async () => {
    const serde = await createValueSerde(valueFormat('DELIMITED'), [valCol('V', decimal(33, 16))], ctx);
    const neg = serde.deserialize(utf8('"-12345.12"'));
    expect(neg).toEqual([Decimal.parse('-12345.1200000000000000')]);
    expect(text(serde.serialize(neg))).toBe('"-12345.1200000000000000"');
    expect(text(serde.serialize(serde.deserialize(utf8('.12'))))).toBe('0.1200000000000000');
    expect(text(serde.serialize(serde.deserialize(utf8('0'))))).toBe('0.0000000000000000');
  });

  it('reads quoted key values and multi-column keys (delimited.json keys)', async () => {
    const b = await createKeySerde(keyFormat('DELIMITED'), [keyCol('K', BOOLEAN)], ctx);
    expect(b.deserialize(utf8('"true"')).key).toEqual([true]);
    const d = await createKeySerde(keyFormat('DELIMITED'), [keyCol('K', decimal(6, 4))], ctx);
    expect(text(d.serialize(d.deserialize(utf8('"12.0"')).key))).toBe('12.0000');
    const multi = await createKeySerde(
      keyFormat('DELIMITED', { properties: { delimiter: ';' } }),
      [keyCol('K1', STRING), keyCol('K2', STRING)],
      ctx,
    );
    expect(multi.deserialize(utf8('foo,bar;baz')).key).toEqual(['foo,bar', 'baz']);
    expect(multi.deserialize(null).key).toEqual([null, null]);
  });

  it('rejects a wrong field count and complex types', async () => {
    const serde = await createValueSerde(valueFormat('DELIMITED'), cols, ctx);
    expect(() => serde.deserialize(utf8('1,2'))).toThrow(KsqlSerdeError);
    expect(() => serde.deserialize(utf8('1,2'))).toThrow(
      'Unexpected field count, csvFields:2 schemaFields:3',
    );
    await expect(
      createValueSerde(valueFormat('DELIMITED'), [valCol('V', array(DOUBLE))], ctx),
    ).rejects.toThrow("The 'DELIMITED' format does not support type 'ARRAY'");
    await expect(createKeySerde(keyFormat('DELIMITED'), [keyCol('K', array(DOUBLE))], ctx)).rejects.toThrow(
      "Key format does not support schema.\nformat: DELIMITED\nschema: Persistence{columns=[`K` ARRAY<DOUBLE> KEY], features=[]}\nreason: The 'DELIMITED' format does not support type 'ARRAY', column: `K`",
    );
  });
});

describe('parseCsvRecord', () => {
  it('splits fields, keeping whitespace', () => {
    expect(parseCsvRecord(' a , b', ',')).toEqual([' a ', ' b']);
    expect(parseCsvRecord(',', ',')).toEqual([null, null]);
    expect(parseCsvRecord('x', ',')).toEqual(['x']);
    expect(parseCsvRecord('a,b\nc,d', ',')).toEqual(['a', 'b']);
    expect(parseCsvRecord('"a\nb",c\r\n', ',')).toEqual(['a\nb', 'c']);
    expect(parseCsvRecord('a"b,c', ',')).toEqual(['a"b', 'c']);
    expect(() => parseCsvRecord('"a"x,c', ',')).toThrow(/Invalid char between encapsulated token/);
  });
});
