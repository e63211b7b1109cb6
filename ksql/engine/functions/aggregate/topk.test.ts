import { describe, expect, it } from 'vitest';
import { Decimal } from '../../types/decimal.ts';
import { Struct } from '../../types/struct.ts';
import { BIGINT, BYTES, DATE, INT, STRING, array, decimal, struct } from '../../types/sql-type.ts';
import { getAggregateFunction, literalArgCount } from './registry.ts';
import { resolveAgg, run } from './test-helpers.ts';

describe('TOPK', () => {
  it('keeps the K largest, duplicates included (topk-group-by.json "topk integer")', () => {
    const agg = resolveAgg('TOPK', [INT], [3]);
    expect(agg.returnType).toEqual(array(INT));
    expect(run(agg, [0, 100, 99, 7, 100]).outputs).toEqual([
      [0],
      [100, 0],
      [100, 99, 0],
      [100, 99, 7],
      [100, 100, 99],
    ]);
    expect(run(resolveAgg('TOPK', [STRING], [3]), ['a', 'b', 'c', 'b', 'd']).outputs[4]).toEqual([
      'd',
      'c',
      'b',
    ]);
  });

  it('with extra columns returns STRUCT<sort_col, col0> rows ("topk integer struct")', () => {
    const agg = resolveAgg('TOPK', [INT, STRING], [3]);
    expect(agg.returnType).toEqual(
      array(
        struct([
          { name: 'sort_col', type: INT },
          { name: 'col0', type: STRING },
        ]),
      ),
    );
    const acc = [
      [0, 'zero'],
      [100, 'one'],
      [99, 'two'],
      [null, 'three'],
      [100, null],
    ].reduce((a, args) => agg.aggregate(args, a), agg.initialize());
    const s = (v: number, n: string | null) => new Struct(['sort_col', 'col0'], [v, n]);
    expect(agg.map(acc)).toEqual([s(100, 'one'), s(100, null), s(99, 'two')]);
  });

  it('K is a trailing literal argument', () => {
    expect(literalArgCount('topk', 2)).toBe(1);
    expect(literalArgCount('TOPK', 3)).toBe(1);
    expect(literalArgCount('SUM', 1)).toBe(0);
    expect('error' in getAggregateFunction('TOPK')!.resolve([INT], [])).toBe(true);
  });

  it('merges two lists', () => {
    const agg = resolveAgg('TOPK', [BIGINT], [2]);
    expect(agg.map(agg.merge([5n, 1n], [3n]))).toEqual([5n, 3n]);
  });
});

describe('TOPKDISTINCT', () => {
  it('keeps distinct values (topk-distinct.json)', () => {
    expect(run(resolveAgg('TOPKDISTINCT', [INT], [3]), [0, 100, 99, 7, 100]).outputs[4]).toEqual([
      100, 99, 7,
    ]);
    expect(run(resolveAgg('topkdistinct', [DATE], [3]), [0, 100, 99, null, -7, 100]).outputs[5]).toEqual([
      100, 99, 0,
    ]);
    const d = (s: string) => Decimal.parse(s);
    expect(
      run(resolveAgg('TOPKDISTINCT', [decimal(2, 1)], [3]), [
        d('9.8'),
        d('8.9'),
        null,
        d('7.8'),
        d('6.5'),
        d('9.9'),
      ]).outputs[5],
    ).toEqual([d('9.9'), d('9.8'), d('8.9')]);
    const b = (s: string) => new Uint8Array(Buffer.from(s, 'base64'));
    expect(
      run(resolveAgg('TOPKDISTINCT', [BYTES], [3]), [
        b('Qg=='),
        b('Rg=='),
        b('Rw=='),
        null,
        b('QQ=='),
        b('Rg=='),
      ]).outputs[5],
    ).toEqual([b('Rw=='), b('Rg=='), b('Qg==')]);
  });
});
