import { describe, expect, it } from 'vitest';
import { KsqlUnsupportedError } from '../../errors.ts';
import { formatSqlType } from '../../types/sql-type.ts';
import { parseColumnsForTests } from '../parse-type-for-tests.ts';
import { generateJsonSchemaText } from './json-schema-gen.ts';
import { inferColumnsFromJsonSchema } from './json-schema-infer.ts';

const show = (cols: { name: string; type: Parameters<typeof formatSqlType>[0] }[]): string[] =>
  cols.map((c) => `${c.name} ${formatSqlType(c.type)}`);

describe('inferColumnsFromJsonSchema', () => {
  it('upper-cases property names; plain integer is BIGINT (elements.json)', () => {
    const text = '{"type":"object","properties":{"c1":{"type":"integer"}}}';
    expect(show(inferColumnsFromJsonSchema(text, 'VALUE'))).toEqual(['C1 BIGINT']);
    expect(show(inferColumnsFromJsonSchema(text, 'VALUE', { originalFieldNames: true }))).toEqual([
      'c1 BIGINT',
    ]);
  });

  it('reads back every type ksqlDB generates, in connect.index order', () => {
    const cols = parseColumnsForTests(
      '`Z` INTEGER, `A` BIGINT, `D` DECIMAL(6, 4), `S` STRUCT<`F` STRING>, `M` MAP<STRING, DOUBLE>, `L` ARRAY<BOOLEAN>, `T` TIMESTAMP, `DT` DATE, `TM` TIME, `B` BYTES',
    );
    const inferred = inferColumnsFromJsonSchema(generateJsonSchemaText(cols), 'VALUE');
    expect(show(inferred)).toEqual(show(cols));
  });

  it('keys are one ROWKEY column; optional primitives unwrap (elements.json key schema)', () => {
    const key = '{"oneOf":[{"type":"null"},{"type":"integer","connect.type":"int32"}]}';
    expect(show(inferColumnsFromJsonSchema(key, 'KEY'))).toEqual(['ROWKEY INTEGER']);
    expect(show(inferColumnsFromJsonSchema('{"type":"string"}', 'KEY'))).toEqual(['ROWKEY STRING']);
  });

  it('properties without connect.index come in Java HashMap order (org.json objects)', () => {
    const text =
      '{"type":"object","properties":{"ID":{"type":"number"},"NAME":{"type":"string"},"VALUE":{"type":"integer"}}}';
    // table.json "JSON_SR schema and schema id": ID and VALUE share bucket 11, NAME is in 15.
    expect(show(inferColumnsFromJsonSchema(text, 'VALUE'))).toEqual([
      'ID DOUBLE',
      'VALUE BIGINT',
      'NAME STRING',
    ]);
    // "b" hashes to bucket 2, "a" to 1.
    const twisted = '{"type":"object","properties":{"b":{"type":"string"},"a":{"type":"boolean"}}}';
    expect(show(inferColumnsFromJsonSchema(twisted, 'VALUE'))).toEqual(['A BOOLEAN', 'B STRING']);
  });

  it('a non-object value or WRAP_SINGLE_VALUE=false is one ROWVAL column', () => {
    expect(show(inferColumnsFromJsonSchema('{"type":"string"}', 'VALUE'))).toEqual(['ROWVAL STRING']);
    const text = '{"type":"object","properties":{"a":{"type":"integer"}}}';
    expect(show(inferColumnsFromJsonSchema(text, 'VALUE', { unwrapped: true }))).toEqual([
      'ROWVAL STRUCT<`A` BIGINT>',
    ]);
  });

  it('names what it does not implement', () => {
    const oneOf = '{"type":"object","properties":{"a":{"oneOf":[{"type":"string"},{"type":"integer"}]}}}';
    expect(() => inferColumnsFromJsonSchema(oneOf, 'VALUE')).toThrow(KsqlUnsupportedError);
    const ref = '{"type":"object","properties":{"a":{"$ref":"#/definitions/x"}}}';
    expect(() => inferColumnsFromJsonSchema(ref, 'VALUE')).toThrow('$ref');
  });
});
