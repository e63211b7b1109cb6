import { describe, expect, it } from 'vitest';
import { KsqlStatementError } from '../errors.ts';
import { DOUBLE, STRING, struct } from '../types/sql-type.ts';
import { validateFormatProperties } from './format-properties.ts';
import { validateValueColumns } from './format-validation.ts';
import { valCol } from './test-helpers.ts';

describe('format validation', () => {
  it('rejects Avro-incompatible names (avro.json)', () => {
    expect(() =>
      validateValueColumns('AVRO', [valCol('1AvroDoesNotLikeFieldsThatStartWithNumbers', DOUBLE)]),
    ).toThrow(
      'Schema is not compatible with Avro: Illegal initial character: 1AvroDoesNotLikeFieldsThatStartWithNumbers',
    );
    expect(() =>
      validateValueColumns('AVRO', [valCol('S', struct([{ name: 'a-b', type: STRING }]))]),
    ).toThrow('Illegal character in: a-b');
    expect(() => validateValueColumns('AVRO', [valCol('T.COL', DOUBLE)])).not.toThrow();
    expect(() => validateValueColumns('JSON', [valCol('1x', DOUBLE)])).not.toThrow();
  });

  it('rejects properties the format does not support', () => {
    expect(() => validateFormatProperties({ format: 'JSON', properties: { delimiter: '|' } })).toThrow(
      new KsqlStatementError('JSON does not support the following configs: [delimiter]'),
    );
    expect(() => validateFormatProperties({ format: 'JSON', properties: { fullSchemaName: 'x.Y' } })).toThrow(
      'JSON does not support the following configs: [fullSchemaName]',
    );
    expect(() => validateFormatProperties({ format: 'AVRO', properties: { fullSchemaName: ' ' } })).toThrow(
      'fullSchemaName cannot be empty. Format configuration: {fullSchemaName=}',
    );
    expect(() =>
      validateFormatProperties({ format: 'DELIMITED', properties: { delimiter: '|' } }),
    ).not.toThrow();
  });
});
