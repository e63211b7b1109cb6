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

  it('gives every aggregate row its own sketch (never shared)', () => {
    const agg = resolveAgg('COUNT_DISTINCT', [STRING]);
    const a = run(agg, ['x']).acc;
    const b = agg.initialize();
    expect(agg.map(agg.aggregate(['y'], a))).toBe(2n);
    expect(agg.map(b)).toBe(0n);
    const c = agg.aggregate(['z'], agg.aggregate(['w'], b));
    expect(agg.map(c)).toBe(2n);
    expect(agg.map(agg.aggregate(['q'], c))).toBe(3n);
    expect(agg.map(a)).toBe(1n);
  });

  it('gives the same estimates from the one-register form and the sketch', () => {
    const agg = resolveAgg('COUNT_DISTINCT', [STRING]);
    // each value alone, then merged into an empty sketch (the sketch form)
    for (const v of ['a', 'b', 'user-42', '☃']) {
      const one = run(agg, [v, v]).acc;
      expect(agg.map(one)).toBe(1n);
      expect(agg.map(agg.merge(agg.merge(agg.initialize(), agg.initialize()), one))).toBe(1n);
    }
    const values = Array.from({ length: 3000 }, (_, i) => `v${i}`);
    const step = run(agg, values);
    const merged = values.reduce((acc, v) => agg.merge(acc, run(agg, [v]).acc), agg.initialize());
    expect(agg.map(merged)).toBe(agg.map(step.acc));
  });

  it('MurmurHash2 reproduces Java int arithmetic', () => {
    expect(murmurHashBytes(new Uint8Array(0))).toBe(murmurHashBytes(new Uint8Array(0)));
    expect(murmurHashLong(0n)).toBe(0);
    // signed tail bytes change the hash (Java sign-extends them)
    expect(murmurHashBytes(new Uint8Array([0x80]))).not.toBe(murmurHashBytes(new Uint8Array([0x00])));
  });
});
