import { describe, expect, it } from 'vitest';
import * as T from '../types/sql-type.ts';
import { evaluateConstant } from './evaluate-constant.ts';
import { array, call, col, int, str } from './test-support.ts';

describe('evaluateConstant (INSERT / ASSERT VALUES)', () => {
  it('evaluates function calls and constructors, converting to the column type', () => {
    expect(evaluateConstant(call('FROM_UNIXTIME', int('1700000000000')))).toEqual({
      type: T.TIMESTAMP,
      value: 1700000000000,
    });
    expect(evaluateConstant(array(int(1), int(2)), T.array(T.BIGINT)).value).toEqual([1n, 2n]);
    expect(Array.from(evaluateConstant(str('IQ=='), T.BYTES).value as Uint8Array)).toEqual([33]);
    expect(evaluateConstant(int(5), T.DOUBLE).value).toBe(5);
  });
  it('rejects column references', () => {
    expect(() => evaluateConstant(col('X'))).toThrow("VALUES column 'X' cannot be resolved.");
  });
});
