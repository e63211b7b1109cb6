import { describe, expect, it } from 'vitest';
import { array, call, col, deref, evalExpr, int, str, typeOf } from '../../expression/test-support.ts';
import * as T from '../../types/sql-type.ts';
import { Struct } from '../../types/struct.ts';

describe('null handling functions (null.json)', () => {
  const C = { COL0: T.BIGINT, COL1: T.BIGINT, COL2: T.STRING, COL3: T.array(T.INT) };

  it('COALESCE returns the first non-NULL argument, widened', () => {
    const a = call('COALESCE', col('COL0'), col('COL1'), col('COL0'), col('COL1'));
    expect(evalExpr(a, C, { COL0: 1n, COL1: 2n })).toBe(1n);
    expect(evalExpr(a, C, {})).toBeNull();
    expect(evalExpr(call('COALESCE', col('COL2'), str('x')), C, {})).toBe('x');
    expect(evalExpr(call('COALESCE', col('COL3'), array(int(10), int(20))), C, {})).toEqual([10, 20]);
    expect(evalExpr(call('COALESCE', col('COL3'), array(int(10), int(20))), C, { COL3: [4] })).toEqual([4]);
    expect(typeOf(call('COALESCE', int(1), col('COL0')), C)).toEqual(T.BIGINT);
    expect(evalExpr(call('COALESCE', int(1), col('COL0')), C, {})).toBe(1n);
  });

  it('IFNULL', () => {
    expect(evalExpr(call('IFNULL', col('COL0'), int(10)), C, {})).toBe(10n);
    expect(evalExpr(call('IFNULL', col('COL0'), int(10)), C, { COL0: 1n })).toBe(1n);
    const s = T.struct([{ name: 'PERSON', type: T.struct([{ name: 'NAME', type: T.STRING }]) }]);
    const e = call('IFNULL', deref(deref(col('S'), 'PERSON'), 'NAME'), str('x'));
    expect(evalExpr(e, { S: s }, { S: new Struct(['PERSON'], [new Struct(['NAME'], ['George'])]) })).toBe(
      'George',
    );
    expect(evalExpr(e, { S: s }, { S: new Struct(['PERSON'], [null]) })).toBe('x');
    expect(evalExpr(e, { S: s }, {})).toBe('x');
  });

  it('NULLIF', () => {
    const C2 = { COL0: T.INT, COL1: T.STRING, COL2: T.array(T.INT) };
    expect(evalExpr(call('NULLIF', col('COL0'), int(10)), C2, { COL0: 10 })).toBeNull();
    expect(evalExpr(call('NULLIF', col('COL0'), int(10)), C2, { COL0: 1 })).toBe(1);
    expect(evalExpr(call('NULLIF', col('COL1'), str('x')), C2, { COL1: 'X' })).toBe('X');
    expect(
      evalExpr(call('NULLIF', col('COL2'), array(int(1), int(2), int(3))), C2, { COL2: [1, 2, 3] }),
    ).toBeNull();
    expect(evalExpr(call('NULLIF', col('COL2'), array(int(1), int(2), int(3))), C2, { COL2: [] })).toEqual(
      [],
    );
  });

  it('AS_VALUE is the identity', () => {
    expect(evalExpr(call('AS_VALUE', col('COL2')), C, { COL2: 'k' })).toBe('k');
    expect(typeOf(call('AS_VALUE', col('COL3')), C)).toEqual(T.array(T.INT));
  });
});
