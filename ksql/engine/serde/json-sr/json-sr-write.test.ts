import { describe, expect, it } from 'vitest';
import { Decimal } from '../../types/decimal.ts';
import { Struct } from '../../types/struct.ts';
import { array, BYTES, DOUBLE, map, STRING, struct, decimal } from '../../types/sql-type.ts';
import { valueToJsonSrText } from './json-sr-write.ts';

describe('valueToJsonSrText', () => {
  it('writes leaves as the JSON writer does (Double.toString, decimals at scale, base64 bytes)', () => {
    expect(valueToJsonSrText(10, DOUBLE)).toBe('10.0');
    expect(valueToJsonSrText(new Decimal(10n, 2), decimal(4, 2))).toBe('0.10');
    expect(valueToJsonSrText(new Uint8Array([1, 2]), BYTES)).toBe('"AQI="');
  });

  it('writes maps, also nested in arrays and structs, as key/value entries', () => {
    const t = struct([{ name: 'L', type: array(map(STRING, STRING)) }]);
    const v = new Struct(['L'], [[new Map([['k', null]])]]);
    expect(valueToJsonSrText(v, t)).toBe('{"L":[[{"key":"k","value":null}]]}');
  });
});
