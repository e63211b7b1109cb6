import { describe, expect, it } from 'vitest';
import { BIGINT, INT, STRING } from '../../types/sql-type.ts';
import { murmurHashBytes, murmurHashLong } from './murmur-hash.ts';
import { resolveAgg, run } from './test-helpers.ts';

describe('COUNT_DISTINCT', () => {
  it('counts distinct non-null values (count-distinct.json, key foo)', () => {
    const agg = resolveAgg('COUNT_DISTINCT', [STRING]);
    expect(agg.returnType).toEqual(BIGINT);
    expect(run(agg, ['one', 'two', 'one', 'two', null]).outputs).toEqual([1n, 2n, 2n, 2n, 2n]);
  });

  it('is approximate within ~2% for large cardinalities', () => {
    const agg = resolveAgg('COUNT_DISTINCT', [INT]);
    const values = Array.from({ length: 100_000 }, (_, i) => i);
    const n = Number(agg.map(run(agg, values).acc));
    expect(Math.abs(n - 100_000) / 100_000).toBeLessThan(0.02);
  });

  it('merges register sets', () => {
    const agg = resolveAgg('COUNT_DISTINCT', [STRING]);
    const a = run(agg, ['x', 'y']).acc;
    const b = run(agg, ['y', 'z']).acc;
    expect(agg.map(agg.merge(a, b))).toBe(3n);
  });

  it('gives every aggregate row its own sketch (updated in place, never shared)', () => {
    const agg = resolveAgg('COUNT_DISTINCT', [STRING]);
    const a = run(agg, ['x']).acc;
    const b = agg.initialize();
    agg.aggregate(['y'], a);
    expect(agg.map(a)).toBe(2n);
    expect(agg.map(b)).toBe(0n);
  });

  it('MurmurHash2 reproduces Java int arithmetic', () => {
    expect(murmurHashBytes(new Uint8Array(0))).toBe(murmurHashBytes(new Uint8Array(0)));
    expect(murmurHashLong(0n)).toBe(0);
    // signed tail bytes change the hash (Java sign-extends them)
    expect(murmurHashBytes(new Uint8Array([0x80]))).not.toBe(murmurHashBytes(new Uint8Array([0x00])));
  });
});
