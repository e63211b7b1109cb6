import { describe, expect, it } from 'vitest';
import { aggregateFunctionNames, getAggregateFunction, isAggregateFunction } from './registry.ts';

describe('aggregate registry', () => {
  it('looks functions up case-insensitively', () => {
    expect(isAggregateFunction('count')).toBe(true);
    expect(isAggregateFunction('Latest_By_Offset')).toBe(true);
    expect(isAggregateFunction('UCASE')).toBe(false);
    expect(getAggregateFunction('topkdistinct')?.name).toBe('TOPKDISTINCT');
  });

  it('lists every UDAF once', () => {
    const names = aggregateFunctionNames();
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(
      expect.arrayContaining([
        'COUNT',
        'SUM',
        'AVG',
        'MIN',
        'MAX',
        'COUNT_DISTINCT',
        'TOPK',
        'TOPKDISTINCT',
        'HISTOGRAM',
        'COLLECT_LIST',
        'COLLECT_SET',
      ]),
    );
  });

  it('marks table support through undo exactly where ksqlDB has TableUdafs', () => {
    const withUndo = aggregateFunctionNames().filter((n) => {
      const fn = getAggregateFunction(n)!;
      const argType =
        n === 'HISTOGRAM'
          ? { kind: 'STRING' as const }
          : n === 'SUM_LIST'
            ? { kind: 'ARRAY' as const, element: { kind: 'INT' as const } }
            : { kind: 'INT' as const };
      const literal = n === 'TOPK' || n === 'TOPKDISTINCT' ? [1] : [];
      const r = fn.resolve([argType], literal);
      return !('error' in r) && r.undo !== undefined;
    });
    expect(withUndo.sort()).toEqual([
      'AVG',
      'COLLECT_LIST',
      'COLLECT_SET',
      'COUNT',
      'HISTOGRAM',
      'SUM',
      'SUM_LIST',
    ]);
  });
});
