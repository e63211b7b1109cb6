import { describe, expect, it } from 'vitest';
import { Decimal } from '../../types/decimal.ts';
import { BIGINT, BOOLEAN, BYTES, DOUBLE, INT, STRING, decimal } from '../../types/sql-type.ts';
import { getAggregateFunction } from './registry.ts';
import { resolveAgg, run } from './test-helpers.ts';

describe('MIN / MAX', () => {
  it('MIN of INT skips nulls (min-group-by.json "min integer group by", key 0)', () => {
    expect(run(resolveAgg('MIN', [INT]), [null, -2147483647, 5, null]).outputs).toEqual([
      null,
      -2147483647,
      -2147483647,
      -2147483647,
    ]);
  });

  it('MAX of BIGINT, DOUBLE, STRING', () => {
    expect(run(resolveAgg('MAX', [BIGINT]), [1n, 9223372036854775807n, 3n]).outputs).toEqual([
      1n,
      9223372036854775807n,
      9223372036854775807n,
    ]);
    expect(run(resolveAgg('max', [DOUBLE]), [-1.5, -2.5]).outputs).toEqual([-1.5, -1.5]);
    expect(run(resolveAgg('MAX', [STRING]), ['B', 'A', 'E']).outputs).toEqual(['B', 'B', 'E']);
  });

  it('compares decimals numerically and bytes as ByteBuffers', () => {
    const mins = run(resolveAgg('MIN', [decimal(4, 2)]), [
      Decimal.parse('21.79'),
      Decimal.parse('1.10'),
      Decimal.parse('10.10'),
    ]).outputs;
    expect(mins).toEqual([Decimal.parse('21.79'), Decimal.parse('1.10'), Decimal.parse('1.10')]);
    const bytes = run(resolveAgg('MIN', [BYTES]), [
      new Uint8Array([0x42]),
      new Uint8Array([0x41]),
      new Uint8Array([0x80]),
    ]).outputs;
    // 0x80 is -128 as a Java byte, so it sorts first.
    expect(bytes[2]).toEqual(new Uint8Array([0x80]));
  });

  it('merges and has no undo', () => {
    const agg = resolveAgg('MIN', [INT]);
    expect(agg.merge(3, null)).toBe(3);
    expect(agg.merge(3, 1)).toBe(1);
    expect(agg.undo).toBeUndefined();
  });

  it('rejects BOOLEAN', () => {
    expect(getAggregateFunction('MIN')!.resolve([BOOLEAN], [])).toEqual({
      error: "Function 'MIN' does not accept parameters (BOOLEAN).",
    });
  });
});
