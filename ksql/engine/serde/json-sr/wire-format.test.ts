import { describe, expect, it } from 'vitest';
import { frameJsonSr, jsonSrSchemaId, unframeJsonSr } from './wire-format.ts';

describe('JSON_SR wire format', () => {
  it('prefixes the magic byte and the big-endian schema id', () => {
    const framed = frameJsonSr(258, new TextEncoder().encode('{"A":1}'));
    expect([...framed.subarray(0, 5)]).toEqual([0, 0, 0, 1, 2]);
    expect(jsonSrSchemaId(framed)).toBe(258);
    expect(new TextDecoder().decode(unframeJsonSr(framed))).toBe('{"A":1}');
  });

  it('rejects plain JSON with ksqlDB message', () => {
    expect(() => unframeJsonSr(new TextEncoder().encode('{"A":1}'))).toThrow(
      'did not start with the magic byte',
    );
  });
});
