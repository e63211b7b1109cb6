import { describe, expect, it } from 'vitest';
import { Decimal } from '../types/decimal.ts';
import { parseJson } from './json.ts';
import { decodeJsonSr, encodeJsonSr } from './json-sr-spec.ts';

describe('JSON_SR records as QTT writes and reads them', () => {
  it('writes the JSON text as given behind magic byte and schema id 1', () => {
    const bytes = encodeJsonSr(parseJson('{"DEC":10.0,"c1":4}'));
    expect(Buffer.from(bytes.subarray(0, 5)).toString('hex')).toBe('0000000001');
    expect(Buffer.from(bytes.subarray(5)).toString()).toBe('{"DEC":10.0,"c1":4}');
  });

  it('reads the JSON after the prefix: integers as longs, floats as BigDecimal', () => {
    const framed = new Uint8Array([0, 0, 0, 0, 7, ...Buffer.from('{"DEC":10.0000,"N":[1]}')]);
    expect(decodeJsonSr(framed)).toEqual(
      new Map<string, unknown>([
        ['DEC', new Decimal(100000n, 4)],
        ['N', [1n]],
      ]),
    );
  });

  it('fails on an output written without the magic byte', () => {
    expect(() => decodeJsonSr(new Uint8Array(Buffer.from('{"A":1}')))).toThrow('magic byte');
  });
});
