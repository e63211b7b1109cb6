import { describe, expect, it } from 'vitest';
import { BIGINT, STRING } from '../../types/sql-type.ts';
import { resolveAgg } from './test-helpers.ts';

describe('COUNT', () => {
  it('COUNT(*) counts rows, COUNT(col) counts non-null values', () => {
    const star = resolveAgg('count', []);
    expect(star.returnType).toEqual(BIGINT);
    let acc = star.initialize();
    acc = star.aggregate([], acc);
    acc = star.aggregate([], acc);
    expect(star.map(acc)).toBe(2n);
    const col = resolveAgg('COUNT', [STRING]);
    let c = col.initialize();
    for (const v of ['a', null, 'b']) c = col.aggregate([v], c);
    expect(col.map(c)).toBe(2n);
  });

  it('undoes table rows back to zero (count.json "should count back to zero")', () => {
    const agg = resolveAgg('COUNT', [BIGINT]);
    let acc = agg.aggregate([3n], agg.initialize());
    acc = agg.aggregate([3n], acc);
    acc = agg.undo!([3n], acc);
    expect(agg.map(acc)).toBe(1n);
    acc = agg.undo!([3n], acc);
    expect(agg.map(acc)).toBe(0n);
  });

  it('merges session accumulators', () => {
    const agg = resolveAgg('COUNT', []);
    expect(agg.merge(2n, 3n)).toBe(5n);
  });
});
