import { describe, expect, it } from 'vitest';
import { javaHashMapOrder, javaStringHash } from './java-hash-map-order.ts';

describe('Java HashMap iteration order', () => {
  it('hashes strings as String.hashCode does', () => {
    expect(javaStringHash('input')).toBe(100358090);
    expect(javaStringHash('OUTPUT')).toBe(-1952183039); // 2342784257 as a signed int
    expect(javaStringHash('')).toBe(0);
  });

  it('iterates by bucket, then insertion order', () => {
    // "input" lands in bucket 1, "OUTPUT" in bucket 5 of 16: QTT registers input's schema first.
    expect(javaHashMapOrder(['OUTPUT', 'input'])).toEqual(['input', 'OUTPUT']);
    expect(javaHashMapOrder(['input', 'OUTPUT', 'input'])).toEqual(['input', 'OUTPUT']);
  });

  it('grows past 12 keys as Java does (order printed by OpenJDK 17)', () => {
    const keys = 'OUTPUT input test_topic S1 OUTPUT_TOPIC input_topic a b c d e f g h i j k'.split(' ');
    expect(javaHashMapOrder(keys).join(' ')).toBe(
      'a b c d OUTPUT e input_topic f g h i j k input test_topic OUTPUT_TOPIC S1',
    );
  });
});
