import { describe, expect, it } from 'vitest';
import { javaHashMapKeys } from './java-hash-map-keys.ts';

describe('javaHashMapKeys', () => {
  it('orders keys by HashMap bucket, as Java iterates them', () => {
    // "connect.version" (bucket 1), "connect.index" (8), "connect.type" (13), "connect.parameters" (15)
    expect(
      javaHashMapKeys(['connect.type', 'connect.parameters', 'connect.index', 'connect.version']),
    ).toEqual(['connect.version', 'connect.index', 'connect.type', 'connect.parameters']);
  });

  it('keeps insertion order within a bucket and drops duplicates', () => {
    // "Aa" and "BB" share String.hashCode 2112.
    expect(javaHashMapKeys(['BB', 'Aa', 'BB'])).toEqual(['BB', 'Aa']);
  });
});
